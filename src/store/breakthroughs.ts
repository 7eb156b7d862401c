import { year4 } from '../core/dates.js';
import type { Entry } from '../core/entry.js';
import type { EntryFilter } from '../core/entry.js';
import { isoDay } from '../core/dates.js';
import type { Db } from './journal.js';
import { filterSql, tagPlan } from './filter-sql.js';
import { ENTRY_COLUMNS, ENTRY_JOINS, rowToEntry, type EntryRow } from './entries.js';

/** Entries the writer confirmed as breakthroughs, newest first. Only the writer's word counts here. */
export function confirmedBreakthroughs(db: Db, limit?: number): Entry[] {
  const rows = db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM entries e ${ENTRY_JOINS} WHERE c.user_label = 'breakthrough' ORDER BY e.occurred_at DESC LIMIT ?`)
    .all(limit ?? -1) as EntryRow[];
  return rows.map(rowToEntry);
}

const PROPOSED = `c.user_label IS NULL AND c.model_label = 'breakthrough'`;

/** Breakthroughs the model proposed that the writer has not labelled yet, newest first: the ones to review. */
export function proposedBreakthroughs(db: Db, limit?: number): Entry[] {
  const rows = db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM entries e ${ENTRY_JOINS} WHERE ${PROPOSED} ORDER BY e.occurred_at DESC, e.seq DESC LIMIT ?`)
    .all(limit ?? -1) as EntryRow[];
  return rows.map(rowToEntry);
}

export function countProposedBreakthroughs(db: Db): number {
  return db
    .prepare(`SELECT count(*) FROM classifications c WHERE ${PROPOSED}`)
    .pluck()
    .get() as number;
}

/** How many confirmed breakthroughs each month holds ('2026-11' -> 3), by local month. */
export function breakthroughsByMonth(entries: readonly Entry[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const month = `${year4(e.date)}-${String(e.date.getMonth() + 1).padStart(2, '0')}`;
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[0].localeCompare(a[0]));
}

export function countConfirmedBreakthroughs(db: Db): number {
  return db.prepare(`SELECT count(*) FROM classifications WHERE user_label = 'breakthrough'`).pluck().get() as number;
}

/** The latest confirmed breakthrough dated before `date`, leaving out `except` (the ones just confirmed). */
export function previousBreakthrough(db: Db, date: Date, except: readonly string[]): Entry | null {
  const rows = db
    .prepare(
      `SELECT ${ENTRY_COLUMNS} FROM entries e ${ENTRY_JOINS}
       WHERE c.user_label = 'breakthrough' AND e.occurred_at < ? ORDER BY e.occurred_at DESC, e.seq DESC LIMIT ?`,
    )
    .all(date.toISOString(), except.length + 1) as EntryRow[];
  return rows.map(rowToEntry).find((e) => !except.includes(e.id)) ?? null;
}

/** Local days with an entry since `from`: enough to see whether the current streak reached a month. */
export function entryDaysSince(db: Db, from: Date): Date[] {
  return (db.prepare('SELECT occurred_at FROM entries WHERE occurred_at >= ?').pluck().all(from.toISOString()) as string[]).map((d) => new Date(d));
}

/** The local days ('YYYY-MM-DD') holding a breakthrough the writer confirmed, within the filter: the calendar's marks. */
export function confirmedBreakthroughDays(db: Db, filter: EntryFilter): Set<string> {
  const { where, params } = filterSql(filter, tagPlan(db, filter));
  const joins = `JOIN classifications c ON c.entry_seq = e.seq ${filter.setId ? 'LEFT JOIN sessions s ON s.id = e.session_id' : ''}`;
  const times = db.prepare(`SELECT e.occurred_at FROM entries e ${joins} ${where ? `${where} AND` : 'WHERE'} c.user_label = 'breakthrough'`).pluck().all(...params) as string[];
  return new Set(times.map((t) => isoDay(new Date(t))));
}
