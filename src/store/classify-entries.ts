import type { EntryFilter } from '../core/entry.js';
import type { Label } from '../core/prompt-set.js';
import type { Db } from './journal.js';
import { ENTRY_JOINS } from './entries.js';
import { filterSql } from './filter-sql.js';

export interface StoredText {
  id: string;
  text: string;
  modelLabel: Label | null;
  userLabel: Label | null;
  /** The question, when the entry is an answer in a session. */
  question: string | null;
}

/**
 * Walks the entries a filter selects in pages of `pageSize`, by rowid, so memory stays flat on a
 * journal of any size and the connection is free to write between pages.
 */
export function* entryPages(db: Db, filter: EntryFilter, pageSize = 1000): Generator<StoredText[]> {
  const { where, params } = filterSql(filter);
  const page = db.prepare(
    `SELECT e.seq, e.id, e.text, e.question, c.model_label, c.user_label
     FROM entries e ${ENTRY_JOINS}
     ${where ? `${where} AND` : 'WHERE'} e.seq > ? ORDER BY e.seq LIMIT ?`,
  );
  let after = 0;
  let left = filter.limit ?? Infinity;
  while (left > 0) {
    const rows = page.all(...params, after, Math.min(pageSize, left)) as { seq: number; id: string; text: string; question: string | null; model_label: Label | null; user_label: Label | null }[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.seq;
    left -= rows.length;
    yield rows.map((r) => ({ id: r.id, text: r.text, question: r.question, modelLabel: r.model_label, userLabel: r.user_label }));
  }
}

/** How many entries a filter selects, so a long run can show its progress. */
export function countEntries(db: Db, filter: EntryFilter): number {
  const { where, params } = filterSql(filter);
  const row = db.prepare(`SELECT count(*) AS n FROM entries e ${ENTRY_JOINS} ${where}`).get(...params) as { n: number };
  return Math.min(row.n, filter.limit ?? Infinity);
}
