-- Action plans drawn from a submitted assessment, reviewed by a workshop expert.
CREATE TABLE plans (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  assessment_id    INTEGER NOT NULL REFERENCES assessments (id),
  title            TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'changes-requested', 'approved')),
  version          INTEGER NOT NULL DEFAULT 1,
  created_by       INTEGER REFERENCES users (id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  submitted_at     TEXT,
  reviewed_at      TEXT,
  reviewed_by      INTEGER REFERENCES users (id)
);
CREATE INDEX plans_by_organisation ON plans (organisation_id, created_at);

CREATE TABLE plan_items (
  id                 INTEGER PRIMARY KEY,
  plan_id            INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  action_id          TEXT,
  indicator          TEXT NOT NULL,
  title              TEXT,
  owner              TEXT,
  due                TEXT,
  status             TEXT NOT NULL CHECK (status IN ('todo', 'in-progress', 'done', 'dropped')),
  target             TEXT,
  success_indicator  TEXT,
  notes              TEXT
);
CREATE INDEX plan_items_by_plan ON plan_items (plan_id, position);

CREATE TABLE plan_comments (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  item_id     INTEGER REFERENCES plan_items (id) ON DELETE SET NULL,
  author_id   INTEGER NOT NULL REFERENCES users (id),
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX plan_comments_by_plan ON plan_comments (plan_id, id);

-- Every change of a plan: who, when, what, and the plan as it stood after it.
CREATE TABLE plan_history (
  id        INTEGER PRIMARY KEY,
  plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  version   INTEGER NOT NULL,
  at        TEXT NOT NULL,
  user_id   INTEGER REFERENCES users (id),
  action    TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  snapshot  TEXT NOT NULL CHECK (json_valid(snapshot))
);
CREATE INDEX plan_history_by_plan ON plan_history (plan_id, id);
