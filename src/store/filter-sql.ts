import type { EntryFilter } from '../core/entry.js';
import type { Db } from './journal.js';

/**
 * The WHERE clause shared by list, search and export, over `entries e` joined with
 * `classifications c` and `sessions s`. Every `tags` must match, one of `anyTags`, none of `notTags`.
 */
export interface FilterPlan {
  /**
   * How to test tags. 'exists' walks the date index and stops after `limit` hits: instant for a
   * common tag. 'in' collects the tagged entries first: instant for a rare one. See tagPlan().
   */
  tags: 'in' | 'exists';
}

export function filterSql(filter: EntryFilter, plan: FilterPlan = { tags: 'in' }): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.from) {
    clauses.push('e.occurred_at >= ?');
    params.push(filter.from.toISOString());
  }
  if (filter.to) {
    clauses.push('e.occurred_at <= ?');
    params.push(filter.to.toISOString());
  }
  for (const tag of filter.tags ?? []) {
    clauses.push(
      plan.tags === 'in'
        ? 'e.seq IN (SELECT entry_seq FROM entry_tags WHERE tag = ?)'
        : 'EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_seq = e.seq AND t.tag = ?)',
    );
    params.push(tag);
  }
  if (filter.anyTags?.length) {
    const marks = filter.anyTags.map(() => '?').join(', ');
    clauses.push(
      plan.tags === 'in'
        ? `e.seq IN (SELECT entry_seq FROM entry_tags WHERE tag IN (${marks}))`
        : `EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_seq = e.seq AND t.tag IN (${marks}))`,
    );
    params.push(...filter.anyTags);
  }
  if (filter.notTags?.length) {
    // One primary-key probe per entry: cheap whichever way the rest of the query walks.
    clauses.push(`NOT EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_seq = e.seq AND t.tag IN (${filter.notTags.map(() => '?').join(', ')}))`);
    params.push(...filter.notTags);
  }
  if (filter.starred) clauses.push('e.starred = 1');
  if (filter.days) {
    // The spans (one a year, back to year 1) go in as one JSON parameter: SQLite walks them and
    // seeks each on the date index, a few milliseconds on any journal, where a test of each
    // entry's local month and day would read them all.
    clauses.push(
      `e.seq IN (SELECT d.seq FROM json_each(?) j JOIN entries d
        ON d.occurred_at >= json_extract(j.value, '$[0]') AND d.occurred_at <= json_extract(j.value, '$[1]'))`,
    );
    params.push(JSON.stringify(filter.days.map((span) => [span.from.toISOString(), span.to.toISOString()])));
  }
  if (filter.label) {
    clauses.push('COALESCE(c.user_label, c.model_label) = ?');
    params.push(filter.label);
  }
  if (filter.setId) {
    clauses.push('s.set_id = ?');
    params.push(filter.setId);
  }
  if (filter.sessionId) {
    clauses.push('e.session_id = ?');
    params.push(filter.sessionId);
  }
  if (filter.entryId) {
    clauses.push('e.id = ?');
    params.push(filter.entryId);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * An entry's labels, read from their covering index, not the classifications table, whose rows
 * carry the evidence: a query that walks thousands of entries (the loops, a --label filter, stats)
 * would otherwise read, and in an encrypted journal decrypt, a page of evidence for two words.
 */
export const LABELS_JOIN = 'LEFT JOIN classifications c INDEXED BY classifications_labels ON c.entry_seq = e.seq';

/**
 * The joins `filterSql`'s clauses need (`s.` for --set, `c.` for --label), for queries that read
 * no other column of them: each join reads every selected row, so a count or a tag tally leaves
 * out what the filter does not look at.
 */
export function filterJoins(filter: EntryFilter): string {
  return [
    filter.setId ? 'LEFT JOIN sessions s ON s.id = e.session_id' : '',
    filter.label ? LABELS_JOIN : '',
  ].join(' ');
}

/** Below this many entries, collecting a tag's entries and sorting them beats walking the dates. */
const RARE_TAG = 5000;

/**
 * Picks the tag strategy from how many entries carry the rarest requested tag (an index count);
 * `--any-tag`'s tags count as one, their sum.
 */
export function tagPlan(db: Db, filter: EntryFilter): FilterPlan {
  if (!filter.tags?.length && !filter.anyTags?.length) return { tags: 'in' };
  const count = db.prepare('SELECT count(*) FROM entry_tags WHERE tag = ?').pluck();
  const counts = (filter.tags ?? []).map((tag) => count.get(tag) as number);
  if (filter.anyTags?.length) counts.push(filter.anyTags.reduce((sum, tag) => sum + (count.get(tag) as number), 0));
  return { tags: Math.min(...counts) <= RARE_TAG ? 'in' : 'exists' };
}
