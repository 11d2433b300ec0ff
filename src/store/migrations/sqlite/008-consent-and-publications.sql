-- Whether an organisation agreed to count in the comparisons shown to organisations like it on
-- this instance (off until asked, at its first submission), and when it answered.
ALTER TABLE organisations ADD COLUMN count_in_comparisons INTEGER NOT NULL DEFAULT 0 CHECK (count_in_comparisons IN (0, 1));
ALTER TABLE organisations ADD COLUMN comparisons_asked_at TEXT;

-- A result an organisation publishes: one publication an organisation, at an unguessable slug;
-- the snapshot is what its public page shows (republishing replaces it, the slug stays);
-- unpublishing keeps the row so the address answers 410 rather than 404.
CREATE TABLE publications (
  id               INTEGER PRIMARY KEY,
  slug             TEXT NOT NULL UNIQUE,
  organisation_id  INTEGER NOT NULL UNIQUE REFERENCES organisations (id) ON DELETE CASCADE,
  assessment_id    INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  snapshot         TEXT NOT NULL CHECK (json_valid(snapshot)),
  include_plan     INTEGER NOT NULL DEFAULT 0 CHECK (include_plan IN (0, 1)),
  published_at     TEXT NOT NULL,
  published_by     INTEGER REFERENCES users (id),
  unpublished_at   TEXT
);
