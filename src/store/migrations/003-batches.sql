-- Portfolio files uploaded by advisors and scored in the background.
CREATE TABLE batches (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id),
  status         TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  input_format   TEXT NOT NULL,
  output_format  TEXT NOT NULL,
  store          INTEGER NOT NULL DEFAULT 0,
  lang           TEXT NOT NULL,
  rows           INTEGER NOT NULL DEFAULT 0,
  bytes_read     INTEGER NOT NULL DEFAULT 0,
  total_bytes    INTEGER NOT NULL DEFAULT 0,
  summary        TEXT CHECK (summary IS NULL OR json_valid(summary)),
  stored         INTEGER NOT NULL DEFAULT 0,
  error          TEXT,
  created_at     TEXT NOT NULL,
  finished_at    TEXT
);
CREATE INDEX batches_by_user ON batches (user_id, id);

-- Assessments a batch stored: one per organisation and batch, so running it again adds no duplicate.
CREATE TABLE batch_assessments (
  batch_id         INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  assessment_id    INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  PRIMARY KEY (batch_id, organisation_id)
);
