-- Events (issue #24): « De l’Impact Score à l’action » runs in the product. Today's workshops
-- (an admin's list of organisations with one expert) become workshops of an event each, so their
-- reviews keep working. The runner turns foreign keys off around migrations (the tables rebuilt
-- here are referenced) and checks every reference before committing.

-- Organisers: SQLite cannot change a CHECK, so `users` is rebuilt with the wider list of roles.
CREATE TABLE users_009 (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name           TEXT NOT NULL,
  password_hash  TEXT,
  role           TEXT NOT NULL CHECK (role IN ('leader', 'expert', 'advisor', 'admin', 'organiser')),
  created_at     TEXT NOT NULL
);
INSERT INTO users_009 (id, email, name, password_hash, role, created_at) SELECT id, email, name, password_hash, role, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_009 RENAME TO users;

-- An event: what the organising team plans, and at the follow-up what it learnt (improvements).
CREATE TABLE events (
  id                 INTEGER PRIMARY KEY,
  title              TEXT NOT NULL,
  date               TEXT NOT NULL,
  follow_up          TEXT NOT NULL,
  place              TEXT NOT NULL,
  partners           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(partners)),
  improvements       TEXT,
  previous_event_id  INTEGER REFERENCES events (id) ON DELETE SET NULL,
  organiser_user_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX events_by_organiser ON events (organiser_user_id);

-- One event per workshop of before, same id, its follow-up six months after.
INSERT INTO events (id, title, date, follow_up, place, created_at, updated_at)
  SELECT id, title, date, date(date, '+6 months'), place, created_at, created_at FROM workshops;

-- Intentions: measurable (kind + target) or in words.
CREATE TABLE event_intentions (
  id            INTEGER PRIMARY KEY,
  event_id      INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('participants', 'assessed-before', 'plans-drafted', 'plans-approved', 'actions-done', 'words')),
  target        INTEGER,
  within_weeks  INTEGER,
  text          TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX event_intentions_by_event ON event_intentions (event_id, position);

-- Workshops belong to an event; their expert(s) move to workshop_experts, their organisations
-- become the event's participants assigned to them.
ALTER TABLE workshops RENAME TO workshops_008;
CREATE TABLE workshops (
  id                    INTEGER PRIMARY KEY,
  event_id              INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  title                 TEXT NOT NULL,
  pillar                TEXT,
  indicators            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(indicators)),
  testimonies           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(testimonies)),
  recorded_testimonies  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recorded_testimonies)),
  notes                 TEXT,
  version               INTEGER NOT NULL DEFAULT 1,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
);
CREATE INDEX workshops_by_event ON workshops (event_id);
INSERT INTO workshops (id, event_id, title, pillar, created_at, updated_at) SELECT id, id, title, pillar, created_at, created_at FROM workshops_008;

CREATE TABLE workshop_experts (
  workshop_id  INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (workshop_id, user_id)
);
CREATE INDEX workshop_experts_by_user ON workshop_experts (user_id);
INSERT INTO workshop_experts (workshop_id, user_id) SELECT id, expert_user_id FROM workshops_008;

-- Invitations: the code grants joining the event, so only its SHA-256 digest is kept (shown once).
CREATE TABLE event_invitations (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  code_hash   TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL,
  created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  revoked_at  TEXT,
  version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX event_invitations_by_event ON event_invitations (event_id);

-- Participants: organisations that joined, their workshop, and whether they agreed to be named.
CREATE TABLE event_participants (
  event_id         INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  workshop_id      INTEGER REFERENCES workshops (id) ON DELETE SET NULL,
  joined_at        TEXT NOT NULL,
  joined_by        INTEGER REFERENCES users (id) ON DELETE SET NULL,
  invitation_id    INTEGER REFERENCES event_invitations (id) ON DELETE SET NULL,
  named            INTEGER NOT NULL DEFAULT 0 CHECK (named IN (0, 1)),
  PRIMARY KEY (event_id, organisation_id)
);
CREATE INDEX event_participants_by_organisation ON event_participants (organisation_id);
CREATE INDEX event_participants_by_workshop ON event_participants (workshop_id);
INSERT INTO event_participants (event_id, organisation_id, workshop_id, joined_at)
  SELECT w.id, wo.organisation_id, w.id, w.created_at FROM workshop_organisations wo JOIN workshops_008 w ON w.id = wo.workshop_id;

DROP TABLE workshop_organisations;
DROP TABLE workshops_008;

-- An expert's profile, shown to the participants of their workshops.
CREATE TABLE expert_profiles (
  user_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  indicators    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(indicators)),
  territory     TEXT,
  organisation  TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  updated_at    TEXT NOT NULL
);

-- A draft the leader shares with the experts of their workshop, who may then read and comment on it.
ALTER TABLE plans ADD COLUMN shared_at TEXT;

-- The event an audited change belongs to, so its trail reads in one query.
ALTER TABLE audit_log ADD COLUMN event_id INTEGER;
CREATE INDEX audit_log_by_event ON audit_log (event_id);
