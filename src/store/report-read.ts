import type { EntryFilter } from '../core/entry.js';
import type { BreakthroughWithSteps } from '../core/patterns.js';
import { actionsForEntries } from './actions.js';
import { ENTRY_COLUMNS, ENTRY_JOINS, rowToEntry, type EntryRow } from './entries.js';
import { filterSql, tagPlan } from './filter-sql.js';
import type { Db } from './journal.js';

/**
 * The breakthroughs the writer confirmed, within the report's filter (dates, tags, stars: as
 * list takes them), newest first, each with the steps that came of it and when each was done.
 */
export function reportBreakthroughs(db: Db, filter: EntryFilter): BreakthroughWithSteps[] {
  const { where, params } = filterSql(filter, tagPlan(db, filter));
  const rows = db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM entries e ${ENTRY_JOINS} ${where ? `${where} AND` : 'WHERE'} c.user_label = 'breakthrough' ORDER BY e.occurred_at DESC, e.seq DESC`)
    .all(...params) as EntryRow[];
  const entries = rows.map(rowToEntry);
  const actions = actionsForEntries(db, entries.map((e) => e.id));
  // The last "done": a step done, reopened and done again was done the second time.
  const doneAt = db.prepare(`SELECT max(at) FROM action_events WHERE action_id = ? AND kind = 'done'`).pluck();
  return entries.map((e) => ({
    id: e.id,
    date: e.date,
    text: e.text,
    ...(e.session ? { question: e.session.question } : {}),
    steps: (actions.get(e.id) ?? []).map((a) => {
      const at = a.status === 'done' ? (doneAt.get(a.id) as string | null) : null;
      return { text: a.text, status: a.status, dueAt: a.dueAt, doneAt: at ? new Date(at) : null };
    }),
  }));
}
