import { ReflectError, notFound } from '../core/errors.js';
import type { Db } from './journal.js';

export interface Found {
  kind: 'entry' | 'session';
  id: string;
}

/**
 * Finds an entry or a guided session by its full id or an unambiguous prefix
 * (the 8-character short id shown by `list`).
 */
export function findById(db: Db, ref: string): Found {
  const prefix = ref.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/.test(prefix)) {
    throw notFound(`"${ref}" is not an entry id (ids look like 3f9c1a2b; see \`reflect list\`)`);
  }
  const matches: Found[] = [
    ...idsStartingWith(db, 'entries', prefix).map((id) => ({ kind: 'entry' as const, id })),
    ...idsStartingWith(db, 'sessions', prefix).map((id) => ({ kind: 'session' as const, id })),
  ];
  if (matches.length === 0) throw notFound(`no entry or session with id ${ref}`);
  if (matches.length > 1) {
    const shown = matches.map((m) => m.id.slice(0, prefix.length + 4)).join(', ');
    throw new ReflectError('ambiguous', `the id ${ref} matches more than one entry (${shown}); type more of it`);
  }
  return matches[0]!;
}

/** A committed action by its full id or an unambiguous prefix (the short id from `reflect actions`). */
export function findActionId(db: Db, ref: string): string {
  const prefix = ref.trim().toLowerCase();
  const ids = /^[0-9a-f-]{4,36}$/.test(prefix) ? idsStartingWith(db, 'actions', prefix) : [];
  if (ids.length === 0) throw notFound(`no action with id ${ref} (see \`reflect actions\`)`);
  if (ids.length > 1) throw new ReflectError('ambiguous', `the id ${ref} matches more than one action; type more of it`);
  return ids[0]!;
}

function idsStartingWith(db: Db, table: 'entries' | 'sessions' | 'actions', prefix: string): string[] {
  // Ids are lower-case hex and '-', all below 'g', so this range is exactly "starts with prefix".
  return db.prepare(`SELECT id FROM ${table} WHERE id >= ? AND id < ? LIMIT 5`).pluck().all(prefix, `${prefix}g`) as string[];
}
