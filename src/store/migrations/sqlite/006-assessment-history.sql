-- Assessments are numbered per organisation (its fifth is n° 5, whatever other organisations do).
ALTER TABLE assessments ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
UPDATE assessments SET number = (
  SELECT COUNT(*) FROM assessments AS earlier
  WHERE earlier.organisation_id = assessments.organisation_id
    AND (earlier.created_at < assessments.created_at OR (earlier.created_at = assessments.created_at AND earlier.id <= assessments.id))
);
CREATE UNIQUE INDEX assessments_number ON assessments (organisation_id, number);

-- A re-assessment starts from the answers of the organisation's latest submitted one: `source_id`
-- names it, `carried` lists the answers taken over and not yet changed or confirmed.
ALTER TABLE assessments ADD COLUMN source_id INTEGER REFERENCES assessments (id) ON DELETE SET NULL;
ALTER TABLE assessments ADD COLUMN carried TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(carried));

-- A submitted assessment reopened for changes keeps the result it was submitted with.
CREATE TABLE earlier_results (
  id               INTEGER PRIMARY KEY,
  assessment_id    INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  content_version  TEXT NOT NULL,
  global           REAL,
  result           TEXT NOT NULL CHECK (json_valid(result)),
  computed_at      TEXT NOT NULL,
  submitted_at     TEXT,
  submitted_by     INTEGER REFERENCES users (id),
  reopened_at      TEXT NOT NULL,
  reopened_by      INTEGER REFERENCES users (id)
);
CREATE INDEX earlier_results_by_assessment ON earlier_results (assessment_id, id);
