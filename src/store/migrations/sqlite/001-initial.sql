-- Organisations, people and their access.
CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  siren       TEXT,
  profile     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(profile)),
  created_at  TEXT NOT NULL
);

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name           TEXT NOT NULL,
  password_hash  TEXT,
  role           TEXT NOT NULL CHECK (role IN ('leader', 'expert', 'advisor', 'admin')),
  created_at     TEXT NOT NULL
);

-- A leader belongs to an organisation; an advisor has it in their portfolio.
CREATE TABLE memberships (
  user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  role             TEXT NOT NULL CHECK (role IN ('leader', 'advisor')),
  PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX memberships_by_organisation ON memberships (organisation_id);

-- Secrets are stored as SHA-256 digests of high-entropy random tokens, never in clear.
CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  token_hash    TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  last_used_at  TEXT,
  revoked_at    TEXT
);

-- Workshops: an expert helps the participating organisations draft their plans.
CREATE TABLE workshops (
  id              INTEGER PRIMARY KEY,
  title           TEXT NOT NULL,
  expert_user_id  INTEGER NOT NULL REFERENCES users (id),
  date            TEXT NOT NULL,
  place           TEXT NOT NULL,
  pillar          TEXT,
  created_at      TEXT NOT NULL
);
CREATE TABLE workshop_organisations (
  workshop_id      INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  PRIMARY KEY (workshop_id, organisation_id)
);
CREATE INDEX workshop_organisations_by_organisation ON workshop_organisations (organisation_id);

-- Assessments: a draft saved a few answers at a time, then submitted. `version` detects
-- concurrent edits: a save based on an older version is refused, never silently applied.
CREATE TABLE assessments (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  profile          TEXT NOT NULL CHECK (json_valid(profile)),
  answers          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers)),
  version          INTEGER NOT NULL DEFAULT 1,
  created_by       INTEGER REFERENCES users (id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  submitted_at     TEXT,
  submitted_by     INTEGER REFERENCES users (id)
);
CREATE INDEX assessments_by_organisation ON assessments (organisation_id, created_at);

-- The stored score of a submitted assessment, with the content version it was computed with.
CREATE TABLE results (
  assessment_id    INTEGER PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
  content_version  TEXT NOT NULL,
  global           REAL,
  result           TEXT NOT NULL CHECK (json_valid(result)),
  computed_at      TEXT NOT NULL
);

-- Who changed what and when.
CREATE TABLE audit_log (
  id               INTEGER PRIMARY KEY,
  at               TEXT NOT NULL,
  user_id          INTEGER REFERENCES users (id) ON DELETE SET NULL,
  organisation_id  INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
  action           TEXT NOT NULL,
  entity           TEXT NOT NULL,
  entity_id        INTEGER,
  detail           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);
CREATE INDEX audit_log_by_organisation ON audit_log (organisation_id, at);
