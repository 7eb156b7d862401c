import type { Entry, EntryFilter } from '../core/entry.js';
import { getAction, type Action } from './actions.js';
import { filterJoins, filterSql, tagPlan } from './filter-sql.js';
import type { Db } from './journal.js';
import type { GivenAnswer } from '../core/session.js';
import { ENTRY_COLUMNS, ENTRY_JOINS, addEntry, rowToEntry, type EntryRow } from './entries.js';

/** A guided session as stored: the set it ran (a snapshot) and when. */
export interface StoredSession {
  id: string;
  setId: string;
  setTitle: string;
  setVersion: string | null;
  setHash: string;
  setSnapshot: string;
  startedAt: Date;
  finishedAt: Date | null;
  status: 'open' | 'finished';
}

interface SessionRow {
  id: string;
  set_id: string;
  set_title: string;
  set_version: string | null;
  set_hash: string;
  set_snapshot: string;
  started_at: string;
  finished_at: string | null;
  status: 'open' | 'finished';
}

const toSession = (row: SessionRow): StoredSession => ({
  id: row.id,
  setId: row.set_id,
  setTitle: row.set_title,
  setVersion: row.set_version,
  setHash: row.set_hash,
  setSnapshot: row.set_snapshot,
  startedAt: new Date(row.started_at),
  finishedAt: row.finished_at ? new Date(row.finished_at) : null,
  status: row.status,
});

export function getSession(db: Db, id: string): StoredSession | null {
  const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
  return row ? toSession(row) : null;
}

/** The session's answers in the order they were given. */
export function sessionEntries(db: Db, sessionId: string): Entry[] {
  const rows = db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM entries e ${ENTRY_JOINS} WHERE e.session_id = ? ORDER BY e.position, e.seq`)
    .all(sessionId) as EntryRow[];
  return rows.map(rowToEntry);
}

/** A session as `sessions` and a grouped `list` row show it. */
export interface SessionSummary extends StoredSession {
  answers: number;
  /** Answers labelled breakthrough, the writer's own or proposed. */
  breakthroughs: number;
  /** Of those, the ones the writer confirmed. */
  confirmedBreakthroughs: number;
  /** The next step committed at its end (the latest, if several), or null. */
  step: Action | null;
}

export function sessionSummary(db: Db, id: string): SessionSummary | null {
  const row = db
    .prepare(
      `SELECT s.*,
         (SELECT count(*) FROM entries a WHERE a.session_id = s.id) AS answers,
         (SELECT count(*) FROM entries a JOIN classifications c ON c.entry_seq = a.seq
           WHERE a.session_id = s.id AND COALESCE(c.user_label, c.model_label) = 'breakthrough') AS breakthroughs,
         (SELECT count(*) FROM entries a JOIN classifications c ON c.entry_seq = a.seq
           WHERE a.session_id = s.id AND c.user_label = 'breakthrough') AS confirmed,
         (SELECT id FROM actions WHERE session_id = s.id ORDER BY created_at DESC, seq DESC LIMIT 1) AS step_id
       FROM sessions s WHERE s.id = ?`,
    )
    .get(id) as (SessionRow & { answers: number; breakthroughs: number; confirmed: number; step_id: string | null }) | undefined;
  if (!row) return null;
  return {
    ...toSession(row),
    answers: row.answers,
    breakthroughs: row.breakthroughs,
    confirmedBreakthroughs: row.confirmed,
    step: row.step_id ? getAction(db, row.step_id) : null,
  };
}

/**
 * Sessions newest first, `filter.limit` of them: those with at least one answer the entry filter
 * takes (so `--label breakthrough` finds sessions with a breakthrough, `--tag work` those that
 * touched work). `total` is how many match in all.
 */
export function listSessions(db: Db, filter: EntryFilter): { sessions: SessionSummary[]; total: number } {
  const { where, params } = filterSql(filter, tagPlan(db, filter));
  const matches = `EXISTS (SELECT 1 FROM entries e ${filterJoins(filter)} ${where ? `${where} AND` : 'WHERE'} e.session_id = ss.id)`;
  const ids = db
    .prepare(`SELECT ss.id FROM sessions ss WHERE ${matches} ORDER BY ss.started_at DESC, ss.seq DESC LIMIT ?`)
    .pluck()
    .all(...params, filter.limit ?? -1) as string[];
  const sessions = ids.map((id) => sessionSummary(db, id)!);
  const total =
    filter.limit !== undefined && ids.length >= filter.limit
      ? (db.prepare(`SELECT count(*) FROM sessions ss WHERE ${matches}`).pluck().get(...params) as number)
      : ids.length;
  return { sessions, total };
}

export function createSession(db: Db, session: NewSession): StoredSession {
  db.prepare(
    `INSERT INTO sessions (id, set_id, set_title, set_version, set_hash, set_snapshot, started_at, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`,
  ).run(
    session.id,
    session.setId,
    session.setTitle,
    session.setVersion,
    session.setHash,
    session.setSnapshot,
    session.startedAt.toISOString(),
  );
  return getSession(db, session.id)!;
}

export function finishSession(db: Db, id: string, at: Date): void {
  db.prepare(`UPDATE sessions SET status = 'finished', finished_at = ? WHERE id = ?`).run(at.toISOString(), id);
}

/** The most recent session left open (interrupted), if any. */
export function openSessions(db: Db): StoredSession[] {
  const rows = db.prepare(`SELECT * FROM sessions WHERE status = 'open' ORDER BY started_at DESC`).all() as SessionRow[];
  return rows.map(toSession);
}

export function deleteSession(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
}

export type NewSession = Omit<StoredSession, 'finishedAt' | 'status'>;

/**
 * Keeps one answer at once, in its own transaction. The session row is written with the first
 * answer, so a session stopped before any answer leaves nothing behind.
 */
export function recordAnswer(db: Db, session: NewSession, answer: GivenAnswer, at: Date): Entry {
  return db
    .transaction(() => {
      if (!getSession(db, session.id)) createSession(db, session);
      return addEntry(db, {
        text: answer.text,
        date: at,
        createdAt: at,
        session: { id: session.id, questionId: answer.questionId, question: answer.question, position: answer.position, depth: answer.depth },
        // The typed value is kept only where it differs from the text (choices, scales, yes/no).
        answer: answer.value === answer.text ? undefined : answer.value,
      });
    })
    .immediate();
}

/** The answers already kept for a session, in the engine's terms, for resuming it. */
export function sessionAnswers(db: Db, sessionId: string): GivenAnswer[] {
  const rows = db
    .prepare(
      `SELECT question_id, question, position, depth, answer_json, text FROM entries
       WHERE session_id = ? ORDER BY position, depth, seq`,
    )
    .all(sessionId) as { question_id: string; question: string; position: number; depth: number; answer_json: string | null; text: string }[];
  return rows.map((r) => ({
    questionId: r.question_id,
    question: r.question,
    position: r.position,
    depth: r.depth,
    value: r.answer_json === null ? r.text : (JSON.parse(r.answer_json) as GivenAnswer['value']),
    text: r.text,
  }));
}

export function getMeta(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
