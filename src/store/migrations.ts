/**
 * The journal's schema, as numbered migrations. Migration N brings a journal from
 * `PRAGMA user_version = N-1` to N. Never edit a released migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: entries with tags and full-text search, guided sessions, classifications, actions.
  `
  CREATE TABLE sessions (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    set_id       TEXT NOT NULL,
    set_title    TEXT NOT NULL,
    set_version  TEXT,
    set_hash     TEXT NOT NULL,
    -- The set as it was run (JSON), so a session resumes and reads the same after the file changes.
    set_snapshot TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished'))
  );
  CREATE INDEX sessions_by_status ON sessions(status, started_at);

  CREATE TABLE entries (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    occurred_at TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT,
    text        TEXT NOT NULL,
    session_id  TEXT REFERENCES sessions(id) ON DELETE CASCADE,
    question_id TEXT,
    question    TEXT,
    position    INTEGER,
    -- 0 for the answer itself, k for the answer to the k-th "deeper" probe.
    depth       INTEGER NOT NULL DEFAULT 0,
    -- The typed answer (number, boolean, list) when the question was not free text.
    answer_json TEXT
  );
  CREATE INDEX entries_by_date ON entries(occurred_at);
  CREATE INDEX entries_by_session ON entries(session_id, position);

  CREATE TABLE entry_tags (
    entry_seq INTEGER NOT NULL REFERENCES entries(seq) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    origin    TEXT NOT NULL CHECK (origin IN ('text', 'flag')),
    PRIMARY KEY (entry_seq, tag)
  ) WITHOUT ROWID;
  CREATE INDEX tags_by_tag ON entry_tags(tag, entry_seq);

  CREATE TABLE classifications (
    entry_seq        INTEGER PRIMARY KEY REFERENCES entries(seq) ON DELETE CASCADE,
    model_label      TEXT,
    model_confidence REAL,
    evidence         TEXT,
    model_version    TEXT,
    classified_at    TEXT,
    -- The writer's own label: always wins over the model's.
    user_label       TEXT,
    confirmed_at     TEXT
  );

  CREATE TABLE actions (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    entry_id   TEXT REFERENCES entries(id) ON DELETE SET NULL,
    session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
    label      TEXT,
    text       TEXT NOT NULL,
    due_at     TEXT,
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    created_at TEXT NOT NULL,
    updated_at TEXT
  );
  CREATE INDEX actions_by_status ON actions(status, due_at);

  CREATE TABLE action_events (
    seq       INTEGER PRIMARY KEY,
    action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('committed', 'done', 'postponed', 'dropped', 'reopened')),
    due_at    TEXT
  );

  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE VIRTUAL TABLE entries_fts USING fts5(
    text, content = 'entries', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts(rowid, text) VALUES (new.seq, new.text);
  END;
  CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, text) VALUES ('delete', old.seq, old.text);
  END;
  CREATE TRIGGER entries_fts_update AFTER UPDATE OF text ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO entries_fts(rowid, text) VALUES (new.seq, new.text);
  END;
  `,
  // 2: stars. Additive, so a journal upgrades in place and every entry starts unstarred.
  `
  ALTER TABLE entries ADD COLUMN starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1));
  -- Stars are few: a partial index keeps --starred from reading every entry (the column sits
  -- after the text, so testing it on each row reads each row whole).
  CREATE INDEX entries_starred ON entries(occurred_at) WHERE starred = 1;
  `,
  // 3: indexes only. The writer's latest labels, which the journal's own model learns from, read
  // without walking every classification (0.1 s a write on 100,000 entries); and every entry's
  // label read for stats from a small index instead of rows that carry their evidence.
  `
  CREATE INDEX classifications_confirmed ON classifications(confirmed_at) WHERE user_label IS NOT NULL;
  CREATE INDEX classifications_labels ON classifications(entry_seq, user_label, model_label);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
