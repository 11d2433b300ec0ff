-- Limits the service keeps for everyone: failed logins, and what batch files take on disk.

-- Failed logins, counted per source address and per account over a sliding window. They live in
-- the database, not in a process's memory, so that every instance of the service counts the same.
-- An attempt is written here before its password is checked and removed if it succeeds: attempts
-- made at the same moment are all counted, and successful logins use up no budget.
CREATE TABLE login_failures (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  address  TEXT NOT NULL,
  -- The email as typed, lower-cased, whether an account has it or not (the answer must not tell).
  account  TEXT NOT NULL
);
CREATE INDEX login_failures_by_address ON login_failures (address, at);
CREATE INDEX login_failures_by_account ON login_failures (account, at);
CREATE INDEX login_failures_by_time ON login_failures (at);

-- What each batch keeps on disk (counted in its owner's quota) and when its files were removed
-- under the retention schedule: the input once the batch ends, the results some days later.
ALTER TABLE batches ADD COLUMN input_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE batches ADD COLUMN result_bytes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE batches ADD COLUMN input_removed_at TEXT;
ALTER TABLE batches ADD COLUMN results_removed_at TEXT;
CREATE INDEX batches_by_end ON batches (finished_at);
