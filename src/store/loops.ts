import type { EntryFilter } from '../core/entry.js';
import { findLoops, type ThemeEntry } from '../core/loops.js';
import type { Loop } from '../core/patterns.js';
import type { Db } from './journal.js';
import { filterJoins, filterSql, LABELS_JOIN, tagPlan } from './filter-sql.js';

/** The window loops are looked for in when no --from/--to is given. */
export const LOOP_WINDOW_WEEKS = 52;
/**
 * Reading words is the cost (a few hundred ms for a year of a 100,000-entry journal), so the words
 * read are bounded: the latest challenges, the breakthroughs since the first of them, and a
 * deterministic sample of the rest as the background (a rate: a sample reads it as well as all). A writer with three
 * challenges a week is read in full for years; only a journal of dozens a day is cut to its
 * latest months.
 */
const MAX_CHALLENGES = 300;
const BACKGROUND_SAMPLE = 200;

const LABEL = 'COALESCE(c.user_label, c.model_label)';
const COLUMNS = `SELECT e.id, e.occurred_at AS at, e.text, ${LABEL} AS label FROM entries e ${LABELS_JOIN}`;
/**
 * A breakthrough in a guided session reads as the whole session: one reached in the unstuck set run
 * on "the budget review" closes that loop, though the answer itself may name only the fear under it.
 */
const SESSION_TEXT = `CASE WHEN e.session_id IS NULL THEN e.text ELSE (SELECT group_concat(x.text, char(10)) FROM entries x WHERE x.session_id = e.session_id) END`;
const BREAKTHROUGH_COLUMNS = `SELECT e.id, e.occurred_at AS at, ${SESSION_TEXT} AS text, ${LABEL} AS label FROM entries e ${LABELS_JOIN}`;

interface Row {
  id: string;
  at: string;
  text: string;
  label: string | null;
}

/**
 * The open loops in the filter's window (its --from/--to, else the 52 weeks up to `now`), every
 * other filter applying too; the most weeks first.
 */
export function readLoops(db: Db, filter: EntryFilter, now: Date): Loop[] {
  const window = loopWindow(filter, now);
  const sessions = window.setId ? 'LEFT JOIN sessions s ON s.id = e.session_id' : '';
  const challenges = select(db, window, sessions, `${LABEL} = 'challenge' ORDER BY e.occurred_at DESC LIMIT ${MAX_CHALLENGES}`);
  const oldest = challenges[challenges.length - 1];
  if (challenges.length < 3 || !oldest) return [];
  // The background over the whole window (its seq test needs no label, so it is tried first); breakthroughs
  // only from the first challenge read: earlier ones close nothing.
  const { where, params } = filterSql(window, tagPlan(db, window));
  const [count] = db.prepare(`SELECT count(*) FROM entries e ${filterJoins(window)} ${where}`).raw().get(...params) as [number];
  const every = Math.max(1, Math.ceil(count / BACKGROUND_SAMPLE));
  const sample = select(db, window, sessions, `e.seq % ${every} = 0 AND ${LABEL} IS NOT 'challenge' AND ${LABEL} IS NOT 'breakthrough'`);
  const breakthroughs = select(db, { ...window, from: new Date(oldest.at) }, sessions, `${LABEL} = 'breakthrough'`, BREAKTHROUGH_COLUMNS);
  const entries: ThemeEntry[] = [...challenges, ...sample, ...breakthroughs].map((r) => ({ id: r.id, date: new Date(r.at), text: r.text, label: r.label }));
  return findLoops(entries);
}

function select(db: Db, filter: EntryFilter, joins: string, condition: string, columns = COLUMNS): Row[] {
  const { where, params } = filterSql(filter, tagPlan(db, filter));
  return db.prepare(`${columns} ${joins} ${where ? `${where} AND` : 'WHERE'} ${condition}`).all(...params) as Row[];
}

/** --from/--to when given (--to alone looks 52 weeks back from it; --from alone runs on to the newest entry), else the last 52 weeks. */
export function loopWindow(filter: EntryFilter, now: Date): EntryFilter {
  const to = filter.to ?? (filter.from ? undefined : now);
  const from = filter.from ?? weeksBefore(to ?? now, LOOP_WINDOW_WEEKS);
  return { ...filter, from, to, limit: undefined };
}

function weeksBefore(d: Date, weeks: number): Date {
  const back = new Date(d.getTime());
  back.setDate(back.getDate() - weeks * 7); // calendar days: the same local time of day
  return back;
}
