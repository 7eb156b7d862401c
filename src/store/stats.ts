import type { EntryFilter } from '../core/entry.js';
import { StatsTally, type ActionRow, type Summary } from '../core/stats.js';
import { filterJoins, filterSql, tagPlan } from './filter-sql.js';
import type { Db } from './journal.js';

/** True when the filter narrows the entries at all (a limit is not a narrowing here). */
const narrows = (f: EntryFilter) =>
  Boolean(f.from || f.to || f.tags?.length || f.anyTags?.length || f.notTags?.length || f.starred || f.days?.length || f.label || f.setId);

/**
 * The journal's patterns over the entries `filter` keeps, read in one pass over the few columns
 * they need (no Entry objects) and counted in core/stats. Steps: with no filter, every
 * step; with one, the steps that came of a kept entry or of a session with a kept entry.
 */
export function readStats(db: Db, filter: EntryFilter, now: Date): Summary {
  const { where, params } = filterSql(filter, tagPlan(db, filter));
  // The classifications join is needed for the labels anyway; sessions only for --set.
  const joins = `LEFT JOIN classifications c ON c.entry_seq = e.seq ${filter.setId ? 'LEFT JOIN sessions s ON s.id = e.session_id' : ''}`;
  // One string a row, not an array: better-sqlite3 builds 100,000 strings several times faster
  // than 100,000 arrays. "#skill 2026-11-25T21:03:00.000Z <session id>": '#' marks a typed
  // answer, then the label that counts, the time and the session (no part holds a space).
  const rows = db
    .prepare(
      `SELECT iif(e.answer_json IS NULL, '', '#') || COALESCE(c.user_label, c.model_label, '') || ' ' || e.occurred_at || ' ' || COALESCE(e.session_id, '')
       FROM entries e ${joins} ${where}`,
    )
    .pluck()
    .all(...params) as string[];
  const tally = new StatsTally();
  for (const row of rows) {
    const space = row.indexOf(' ');
    const next = row.indexOf(' ', space + 1);
    const typed = row.charCodeAt(0) === 35; /* # */
    const label = row.slice(typed ? 1 : 0, space);
    tally.add(row.slice(space + 1, next), row.length > next + 1 ? row.slice(next + 1) : null, label || null, !typed);
  }
  return tally.summary(readActions(db, filter, where, params), now);
}

function readActions(db: Db, filter: EntryFilter, where: string, params: unknown[]): ActionRow[] {
  const done = `SELECT action_id, max(at) AS at FROM action_events WHERE kind = 'done' GROUP BY action_id`;
  const select = `SELECT a.status, a.due_at, d.at FROM actions a LEFT JOIN (${done}) d ON d.action_id = a.id`;
  if (!narrows(filter)) return db.prepare(select).raw().all() as ActionRow[];
  const kept = `FROM entries e ${filterJoins(filter)} ${where}`;
  return db
    .prepare(
      `${select} WHERE a.entry_id IN (SELECT e.id ${kept})
        OR a.session_id IN (SELECT e.session_id ${kept} ${where ? 'AND' : 'WHERE'} e.session_id IS NOT NULL)`,
    )
    .raw()
    .all(...params, ...params) as ActionRow[];
}
