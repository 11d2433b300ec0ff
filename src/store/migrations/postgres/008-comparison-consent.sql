-- Whether an organisation agreed to count in the comparisons shown to organisations like it on
-- this instance (off until asked, at its first submission), and when it answered.
ALTER TABLE organisations ADD COLUMN count_in_comparisons integer NOT NULL DEFAULT 0 CHECK (count_in_comparisons IN (0, 1));
ALTER TABLE organisations ADD COLUMN comparisons_asked_at text;
