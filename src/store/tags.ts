import type { EntryFilter } from '../core/entry.js';
import type { Db } from './journal.js';
import { filterJoins, filterSql } from './filter-sql.js';

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag on the entries a filter selects, with how many carry it: most used first, ties by name. */
export function tagCounts(db: Db, filter: EntryFilter): TagCount[] {
  const { where, params } = filterSql({ ...filter, limit: undefined });
  // Unfiltered, the tag index alone answers; filtered, only the selected entries' tags count.
  // CROSS JOIN keeps SQLite on the selected entries first (the date index for --from), each
  // entry's tags then one primary-key seek: scanning every tag first was ten times slower.
  // The label and set joins only when the filter asks for them: each reads every selected row whole.
  const joins = filterJoins(filter);
  const from = where ? `entries e ${joins} CROSS JOIN entry_tags t ON t.entry_seq = e.seq ${where}` : 'entry_tags t';
  return db.prepare(`SELECT t.tag, count(*) AS count FROM ${from} GROUP BY t.tag ORDER BY count DESC, t.tag`).all(...params) as TagCount[];
}
