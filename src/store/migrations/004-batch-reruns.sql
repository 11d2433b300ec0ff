-- A portfolio file is identified by the hash of its bytes: running the same file again (after an
-- interruption, or by mistake) stores no assessment twice for the same organisation.
ALTER TABLE batches ADD COLUMN input_hash TEXT;
CREATE TABLE stored_rows (
  input_hash       TEXT NOT NULL,
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  assessment_id    INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  batch_id         INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  PRIMARY KEY (input_hash, organisation_id)
);
DROP TABLE batch_assessments;
