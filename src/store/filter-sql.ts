import type { EntryFilter } from '../core/entry.js';
import type { Db } from './journal.js';

/**
 * The WHERE clause shared by list, search and export, over `entries e` joined with
 * `classifications c` and `sessions s`. Each tag must match (all of them, not any).
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
  if (filter.label) {
    clauses.push('COALESCE(c.user_label, c.model_label) = ?');
    params.push(filter.label);
  }
  if (filter.setId) {
    clauses.push('s.set_id = ?');
    params.push(filter.setId);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Below this many entries, collecting a tag's entries and sorting them beats walking the dates. */
const RARE_TAG = 5000;

/** Picks the tag strategy from how many entries carry the rarest requested tag (an index count). */
export function tagPlan(db: Db, filter: EntryFilter): FilterPlan {
  if (!filter.tags?.length) return { tags: 'in' };
  const count = db.prepare('SELECT count(*) FROM entry_tags WHERE tag = ?').pluck();
  const rarest = Math.min(...filter.tags.map((tag) => count.get(tag) as number));
  return { tags: rarest <= RARE_TAG ? 'in' : 'exists' };
}
