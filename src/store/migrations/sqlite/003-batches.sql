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
  input_hash     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  finished_at    TEXT
);
CREATE INDEX batches_by_user ON batches (user_id, id);

-- A portfolio file is identified by the hash of its bytes: running the same file again (after an
-- interruption, or by mistake) stores no assessment twice for the same organisation.
CREATE TABLE stored_rows (
  input_hash       TEXT NOT NULL,
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  assessment_id    INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  batch_id         INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  PRIMARY KEY (input_hash, organisation_id)
);
