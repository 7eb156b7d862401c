import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openJournal } from '../../src/store/journal.js';
import { getEntry, listEntries, setStarred } from '../../src/store/entries.js';
import { tempJournal } from '../helpers/cli.js';

const ID = '11111111-2222-4333-8444-555555555555';

/** A journal as reflect wrote it at schema 1, before stars: one tagged, labelled entry. */
function schemaOneJournal(path: string, appId: number): void {
  const db = new Database(path);
  db.exec(MIGRATIONS[0]!);
  db.pragma(`application_id = ${appId}`);
  db.pragma('user_version = 1');
  db.prepare(`INSERT INTO entries (id, occurred_at, created_at, text) VALUES (?, '2025-03-15T12:00:00.000Z', '2025-03-15T12:00:00.000Z', 'old words #work')`).run(ID);
  db.prepare(`INSERT INTO entry_tags (entry_seq, tag, origin) VALUES (1, 'work', 'text')`).run();
  db.prepare(`INSERT INTO classifications (entry_seq, user_label, confirmed_at) VALUES (1, 'skill', '2025-03-15T12:00:00.000Z')`).run();
  db.close();
}

describe('migrations', () => {
  it('upgrades a schema-1 journal in place: everything kept, every entry unstarred, stars then work', () => {
    const { dir } = tempJournal();
    // reflect's own application id, as a journal it made carries it.
    const fresh = openJournal(join(dir, 'fresh.db'), 'write');
    const appId = fresh.pragma('application_id', { simple: true }) as number;
    fresh.close();
    const path = join(dir, 'old.db');
    schemaOneJournal(path, appId);

    const db = openJournal(path, 'update');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(getEntry(db, ID)).toMatchObject({ text: 'old words #work', tags: ['work'], label: 'skill', labelSource: 'writer', starred: false });
    expect(listEntries(db, { starred: true })).toEqual([]);
    expect(setStarred(db, ID, true)).toBe(true);
    expect(setStarred(db, ID, true)).toBe(false);
    expect(listEntries(db, { starred: true }).map((e) => e.id)).toEqual([ID]);
    db.close();
  });

  it('a fresh journal is made at the latest schema, with the starred column and its index', () => {
    const { db: path } = tempJournal();
    const db = openJournal(path, 'write');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const columns = (db.prepare('PRAGMA table_info(entries)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('starred');
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM entries WHERE starred = 1 ORDER BY occurred_at DESC').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('entries_starred');
    db.close();
  });
});
