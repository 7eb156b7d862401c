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
  // Ids are lower-case hex and '-', all below 'g', so this range is exactly "starts with prefix".
  const range = [prefix, `${prefix}g`];
  const matches: Found[] = [
    ...(db.prepare('SELECT id FROM entries WHERE id >= ? AND id < ? LIMIT 5').all(...range) as { id: string }[]).map(
      (r) => ({ kind: 'entry' as const, id: r.id }),
    ),
    ...(db.prepare('SELECT id FROM sessions WHERE id >= ? AND id < ? LIMIT 5').all(...range) as { id: string }[]).map(
      (r) => ({ kind: 'session' as const, id: r.id }),
    ),
  ];
  if (matches.length === 0) throw notFound(`no entry or session with id ${ref}`);
  if (matches.length > 1) {
    const shown = matches.map((m) => m.id.slice(0, prefix.length + 4)).join(', ');
    throw new ReflectError('ambiguous', `the id ${ref} matches more than one entry (${shown}); type more of it`);
  }
  return matches[0]!;
}
