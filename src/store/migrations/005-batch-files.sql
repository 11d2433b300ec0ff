-- What each batch keeps on disk (counted in its owner's quota) and when its files were removed
-- under the retention schedule: the input once the batch ends, the results some days later.
ALTER TABLE batches ADD COLUMN input_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE batches ADD COLUMN result_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE batches ADD COLUMN input_removed_at TEXT;
ALTER TABLE batches ADD COLUMN results_removed_at TEXT;
CREATE INDEX batches_by_end ON batches (finished_at);
