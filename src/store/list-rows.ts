import type { Entry, EntryFilter } from '../core/entry.js';
import { ENTRY_JOINS, rowToEntry, withPrefix, type EntryRow } from './entries.js';
import { filterJoins, filterSql, tagPlan } from './filter-sql.js';
import type { Db } from './journal.js';

/** A row of `list`: an entry of its own, or a guided session standing for its answers. */
export type ListRow = { kind: 'entry'; entry: Entry } | { kind: 'session'; sessionId: string; answers: Entry[] };

export interface ListPage {
  rows: ListRow[];
  /** How many rows match in all (more than rows.length when the limit cut the list). */
  total: number;
  /** True when there are more than `total`: counting stopped there. */
  atLeast: boolean;
}

/**
 * `list`'s rows, newest first, `filter.limit` of them. Grouped, a session is one row (its answers
 * that match, in the order asked); with `answers`, each answer is a row, a session's still
 * together and in the order asked. The date index is walked only as far as the rows shown need,
 * and one row past them: the total is counted only when that row exists.
 */
export function listRows(db: Db, filter: EntryFilter, options: { textPrefix?: number; answers?: boolean } = {}): ListPage {
  const { where, params } = filterSql(filter, tagPlan(db, filter));
  const columns = withPrefix(options.textPrefix);
  const walk = db.prepare(`SELECT ${columns} FROM entries e ${ENTRY_JOINS} ${where} ORDER BY e.occurred_at DESC, e.seq DESC`);
  const ofSession = db.prepare(
    `SELECT ${columns} FROM entries e ${ENTRY_JOINS} ${where ? `${where} AND` : 'WHERE'} e.session_id = ? ORDER BY e.position, e.depth, e.seq`,
  );
  const limit = filter.limit ?? Infinity;
  const rows: ListRow[] = [];
  const seen = new Set<string>();
  let shown = 0;
  let more = false;
  for (const row of walk.iterate(...params) as IterableIterator<EntryRow>) {
    if (row.session_id && seen.has(row.session_id)) continue;
    if (shown >= limit) {
      more = true;
      break;
    }
    if (!row.session_id) {
      rows.push({ kind: 'entry', entry: rowToEntry(row) });
      shown++;
      continue;
    }
    seen.add(row.session_id);
    const answers = (ofSession.all(...params, row.session_id) as EntryRow[]).map(rowToEntry);
    if (options.answers) {
      const room = limit - shown;
      for (const entry of answers.slice(0, room)) rows.push({ kind: 'entry', entry });
      shown += Math.min(answers.length, room);
      more = answers.length > room;
    } else {
      rows.push({ kind: 'session', sessionId: row.session_id, answers });
      shown++;
    }
  }
  if (!more) return { rows, total: shown, atLeast: false };
  return { rows, ...countRows(db, filterJoins(filter), where, params, options.answers ?? false) };
}

/**
 * Counting every match costs a look at each (30 ms for 10,000 tagged entries of 100,000), on
 * every list that fills its page; counting the first COUNT_CAP entries costs ~3 ms and is exact
 * for most journals. The joins are left out when the filter does not look at them.
 */
const COUNT_CAP = 1000;

function countRows(db: Db, joins: string, where: string, params: unknown[], answers: boolean): { total: number; atLeast: boolean } {
  const { n, grouped } = db
    .prepare(
      `SELECT count(*) AS n, count(*) - count(sid) + count(DISTINCT sid) AS grouped
       FROM (SELECT e.session_id AS sid FROM entries e ${joins} ${where} LIMIT ${COUNT_CAP})`,
    )
    .get(...params) as { n: number; grouped: number };
  return { total: answers ? n : grouped, atLeast: n >= COUNT_CAP };
}
