-- Batches are jobs that any instance of the service sharing this database may run. An instance
-- claims one (claimed_by, lease_until) and keeps extending its lease while it works on it; a job
-- whose lease ran out (its instance died) is claimed again, as a new attempt. `options` keeps what
-- the upload asked for, so that whichever instance runs it scores it the same way.
ALTER TABLE batches ADD COLUMN options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options));
ALTER TABLE batches ADD COLUMN claimed_by TEXT;
ALTER TABLE batches ADD COLUMN lease_until TEXT;
ALTER TABLE batches ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX batches_by_status ON batches (status, lease_until);
