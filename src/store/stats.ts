import type { EntryFilter } from '../core/entry.js';
import { daySpans } from '../core/local-day.js';
import { LABELS } from '../core/prompt-set.js';
import { COUNTED, StatsTally, UNLABELLED, type ActionRow, type Summary } from '../core/stats.js';
import { filterJoins, filterSql, LABELS_JOIN, tagPlan } from './filter-sql.js';
import type { Db } from './journal.js';

/** True when the filter narrows the entries at all (a limit is not a narrowing here). */
const narrows = (f: EntryFilter) =>
  Boolean(f.from || f.to || f.tags?.length || f.anyTags?.length || f.notTags?.length || f.starred || f.days?.length || f.label || f.setId);

/** Past this many days from the first entry to the last (about 80 years), entries are read one by one instead. */
const MAX_SPANS = 30_000;

/**
 * The journal's patterns over the entries `filter` keeps, counted in core/stats. Steps: with no
 * filter, every step; with one, the steps that came of a kept entry or of a session with a kept
 * entry. Read in one transaction, so a write meanwhile cannot make the parts disagree.
 */
export function readStats(db: Db, filter: EntryFilter, now: Date): Summary {
  return db.transaction(() => {
    const { where, params } = filterSql(filter, tagPlan(db, filter));
    // A date range only cuts the days. Any other filter would be tested in every day's count; entry
    // by entry, it is tested once.
    const datesOnly = !narrows({ ...filter, from: undefined, to: undefined });
    const tally = (datesOnly ? byDays(db, filter, where, params) : null) ?? byEntries(db, filter, where, params);
    return tally.tally.summary(readActions(db, filter, where, params), now, tally.counted);
  })();
}

type Read = { tally: StatsTally; counted?: { sessions: number; unlabelledFree: number } };

/**
 * Fast (100,000 entries in ~100 ms, where reading each entry's day and label took ~250):
 * how many entries each local day holds, counted on the date index in SQLite; the kept entries'
 * seqs in date order, which those counts cut into days; and every entry's label from one scan of
 * classifications into an array by seq. Numbers only, no join: joining each entry to its label in
 * SQLite costs more than all the rest. Null when the days are too many to list.
 */
function byDays(db: Db, filter: EntryFilter, where: string, params: unknown[]): Read | null {
  const from = `FROM entries e ${filterJoins(filter)} ${where}`;
  // Each on its own, so SQLite reads one end of the date index (two aggregates in one query read it all).
  const end = (order: string) => db.prepare(`SELECT e.occurred_at ${from} ORDER BY e.occurred_at ${order} LIMIT 1`).pluck().get(...params) as string | undefined;
  const first = end('ASC') ?? null;
  const last = end('DESC') ?? null;
  if (first === null || last === null) return { tally: new StatsTally(), counted: { sessions: 0, unlabelledFree: 0 } };
  const spans = daySpans(new Date(first), new Date(last), MAX_SPANS);
  if (!spans) return null;
  // Each day's range, cut to --from/--to: the count then needs no other test, and SQLite seeks it
  // on the date index (with the filter's own bounds beside the day's, it may walk from --from each time).
  const lower = filter.from?.toISOString() ?? '';
  const upper = filter.to ? new Date(filter.to.getTime() + 1).toISOString() : '\uffff';
  const ranges = spans.map((s) => [s.from > lower ? s.from : lower, s.to < upper ? s.to : upper]);
  const sizes = db
    .prepare(
      `SELECT (SELECT count(*) FROM entries e WHERE e.occurred_at >= json_extract(j.value, '$[0]') AND e.occurred_at < json_extract(j.value, '$[1]'))
       FROM json_each(?) j`,
    )
    .pluck()
    .all(JSON.stringify(ranges)) as number[];
  const seqs = db.prepare(`SELECT e.seq ${from} ORDER BY e.occurred_at`).pluck().all(...params) as number[];
  if (sizes.reduce((a, b) => a + b, 0) !== seqs.length) return null; // times not stored as toISOString writes them
  const labels = labelsBySeq(db);
  const tally = new StatsTally();
  const unlabelled: number[] = [];
  let next = 0;
  spans.forEach((span, k) => {
    if (sizes[k] === 0) return;
    const counts = COUNTED.map(() => 0);
    for (const end = next + sizes[k]!; next < end; next++) {
      const label = labels[seqs[next]!] ?? UNLABELLED;
      counts[label]!++;
      if (label === UNLABELLED) unlabelled.push(seqs[next]!);
    }
    tally.addDay(span.day, counts);
  });
  tally.within(first, last);
  // From the sessions (few), each looked up on its entries: SQLite would otherwise walk every entry by session.
  const sessions = db.prepare(`SELECT count(*) FROM sessions s WHERE EXISTS (SELECT 1 ${from} ${where ? 'AND' : 'WHERE'} e.session_id = s.id)`).pluck().get(...params) as number;
  return { tally, counted: { sessions, unlabelledFree: freeText(db, unlabelled) } };
}

/** The label that counts for every classified entry, by seq (UNLABELLED where none). */
function labelsBySeq(db: Db): Uint8Array {
  const last = (db.prepare('SELECT max(seq) FROM entries').pluck().get() as number | null) ?? 0;
  const labels = new Uint8Array(last + 1).fill(UNLABELLED);
  const code = `CASE COALESCE(user_label, model_label) ${LABELS.map((l, i) => `WHEN '${l}' THEN ${i}`).join(' ')} ELSE ${UNLABELLED} END`;
  // One number a row: seq * 8 + the label's position.
  for (const value of db.prepare(`SELECT entry_seq * 8 + ${code} FROM classifications`).pluck().all() as number[]) {
    labels[Math.floor(value / 8)] = value % 8;
  }
  return labels;
}

/** How many of these entries are free text, not typed answers: the ones a classifier would read. */
function freeText(db: Db, seqs: readonly number[]): number {
  if (seqs.length === 0) return 0;
  return db.prepare('SELECT count(*) FROM entries WHERE seq IN (SELECT value FROM json_each(?)) AND answer_json IS NULL').pluck().get(JSON.stringify(seqs)) as number;
}

/** Entry by entry: a string a row (better-sqlite3 makes strings much faster than arrays), for journals of centuries. */
function byEntries(db: Db, filter: EntryFilter, where: string, params: unknown[]): Read {
  // The classifications join is needed for the labels anyway; sessions only for --set.
  const joins = `${LABELS_JOIN} ${filter.setId ? 'LEFT JOIN sessions s ON s.id = e.session_id' : ''}`;
  // "#skill 2026-11-25T21:03:00.000Z <session id>": '#' marks a typed answer, then the label that
  // counts, the time and the session (no part holds a space).
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
  return { tally };
}

function readActions(db: Db, filter: EntryFilter, where: string, params: unknown[]): ActionRow[] {
  const done = `SELECT action_id, max(at) AS at FROM action_events WHERE kind = 'done' GROUP BY action_id`;
  const select = `SELECT a.status, a.due_at, d.at FROM actions a LEFT JOIN (${done}) d ON d.action_id = a.id`;
  if (!narrows(filter)) return db.prepare(select).raw().all() as ActionRow[];
  // Steps are few: each looks up its entry, or its session's entries, among the kept ones.
  const kept = (link: string) => `EXISTS (SELECT 1 FROM entries e ${filterJoins(filter)} ${where ? `${where} AND` : 'WHERE'} ${link})`;
  return db
    .prepare(`${select} WHERE ${kept('e.id = a.entry_id')} OR ${kept('e.session_id = a.session_id')}`)
    .raw()
    .all(...params, ...params) as ActionRow[];
}
