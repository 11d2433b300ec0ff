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
