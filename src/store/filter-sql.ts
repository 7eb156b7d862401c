import type { EntryFilter } from '../core/entry.js';

/**
 * The WHERE clause shared by list, search and export, over `entries e` joined with
 * `classifications c` and `sessions s`. Each tag must match (all of them, not any).
 */
export function filterSql(filter: EntryFilter): { where: string; params: unknown[] } {
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
    clauses.push('e.seq IN (SELECT entry_seq FROM entry_tags WHERE tag = ?)');
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
