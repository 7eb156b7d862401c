import type { EntryFilter } from '../core/entry.js';
import type { Label } from '../core/prompt-set.js';
import type { AnswerContext } from '../core/classifier/context.js';
import { answerContexts } from '../core/moments.js';
import { setFromSnapshot } from '../core/prompt-set.js';
import type { Db } from './journal.js';
import { getSession, sessionEntries } from './sessions.js';
import { ENTRY_JOINS } from './entries.js';
import { filterSql } from './filter-sql.js';

export interface StoredText {
  id: string;
  text: string;
  modelLabel: Label | null;
  userLabel: Label | null;
  /** The session, when the entry is an answer in one. */
  sessionId: string | null;
}

/**
 * Walks the entries a filter selects in pages of `pageSize`, by rowid, so memory stays flat on a
 * journal of any size and the connection is free to write between pages.
 */
export function* entryPages(db: Db, filter: EntryFilter, pageSize = 1000): Generator<StoredText[]> {
  const { where, params } = filterSql(filter);
  const page = db.prepare(
    `SELECT e.seq, e.id, e.text, e.session_id, c.model_label, c.user_label
     FROM entries e ${ENTRY_JOINS}
     ${where ? `${where} AND` : 'WHERE'} e.seq > ? ORDER BY e.seq LIMIT ?`,
  );
  let after = 0;
  let left = filter.limit ?? Infinity;
  while (left > 0) {
    const rows = page.all(...params, after, Math.min(pageSize, left)) as { seq: number; id: string; text: string; session_id: string | null; model_label: Label | null; user_label: Label | null }[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.seq;
    left -= rows.length;
    yield rows.map((r) => ({ id: r.id, text: r.text, sessionId: r.session_id, modelLabel: r.model_label, userLabel: r.user_label }));
  }
}

/** How many entries a filter selects, so a long run can show its progress. */
export function countEntries(db: Db, filter: EntryFilter): number {
  const { where, params } = filterSql(filter);
  const row = db.prepare(`SELECT count(*) AS n FROM entries e ${ENTRY_JOINS} ${where}`).get(...params) as { n: number };
  return Math.min(row.n, filter.limit ?? Infinity);
}

/**
 * What each answer of a session was read with when the session ended (its question, the set's
 * `elicits`, the chain so far), so reclassifying stored answers reads them as the session did.
 * Sessions are looked up once each; a journal holds few next to its entries.
 */
export function sessionContexts(db: Db): (sessionId: string, entryId: string) => AnswerContext | null {
  const bySession = new Map<string, Map<string, AnswerContext>>();
  return (sessionId, entryId) => {
    let contexts = bySession.get(sessionId);
    if (!contexts) {
      const session = getSession(db, sessionId);
      const answers = sessionEntries(db, sessionId).map((e) => ({ id: e.id, questionId: e.session!.questionId, question: e.session!.question, depth: e.session!.depth, text: e.text }));
      contexts = answerContexts(session ? setFromSnapshot(session.setSnapshot) : null, answers);
      bySession.set(sessionId, contexts);
    }
    return contexts.get(entryId) ?? null;
  };
}
