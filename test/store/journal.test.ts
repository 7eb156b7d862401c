import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../src/store/journal.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { addEntry, deleteEntry, listEntries, updateEntryText } from '../../src/store/entries.js';
import { searchEntries } from '../../src/store/search.js';
import { ReflectError } from '../../src/core/errors.js';
import { ROOT, tempJournal } from '../helpers/cli.js';

function kindOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ReflectError);
    return (error as ReflectError).kind;
  }
  throw new Error('expected an error');
}

describe('opening a journal', () => {
  it('creates a private journal in a private folder and migrates it from empty', () => {
    const { dir } = tempJournal();
    const path = join(dir, 'nested', 'reflect', 'journal.db');
    const db = openJournal(path, 'write');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested', 'reflect')).mode & 0o777).toBe(0o700);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['entries', 'entry_tags', 'sessions', 'classifications', 'actions', 'entries_fts']));
    db.close();
  });

  it('reopens an existing journal without migrating it again', () => {
    const { db: path } = tempJournal();
    const first = openJournal(path, 'write');
    addEntry(first, { text: 'kept', date: new Date() });
    first.close();
    const again = openJournal(path, 'write');
    expect(listEntries(again, {}).map((e) => e.text)).toEqual(['kept']);
    again.close();
  });

  it('removes a stale rollback journal left beside it once it is open in WAL mode, and keeps every entry', () => {
    const { db: path } = tempJournal();
    const first = openJournal(path, 'write');
    addEntry(first, { text: 'kept', date: new Date() });
    first.close();
    // What a killed encrypt, decrypt or passphrase can leave: under exclusive locking SQLite keeps
    // the rollback journal after a commit, its header zeroed (so it is not a live one).
    writeFileSync(`${path}-journal`, Buffer.alloc(512));
    const next = openJournal(path, 'read');
    expect(listEntries(next, {}).map((e) => e.text)).toEqual(['kept']);
    next.close();
    expect(existsSync(`${path}-journal`)).toBe(false);
  });

  it('reading a journal that does not exist creates nothing', () => {
    const { db: path } = tempJournal();
    const db = openJournal(path, 'read');
    expect(listEntries(db, {})).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a journal from a newer version and leaves its bytes untouched', () => {
    const { db: path } = tempJournal();
    openJournal(path, 'write').close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = readFileSync(path);
    expect(kindOf(() => openJournal(path, 'write'))).toBe('journal');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it.each([
    ['a text file', (p: string) => writeFileSync(p, 'Dear diary, this is not a database at all.'.repeat(50))],
    ['another program’s SQLite database', (p: string) => {
      const other = new Database(p);
      other.exec('CREATE TABLE recipes (name TEXT)');
      other.close();
    }],
  ])('refuses %s and leaves it untouched', (_name, make) => {
    const { db: path } = tempJournal();
    make(path);
    const before = readFileSync(path);
    expect(kindOf(() => openJournal(path, 'write'))).toBe('journal');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a folder', () => {
    const { dir } = tempJournal();
    mkdirSync(join(dir, 'folder.db'));
    expect(kindOf(() => openJournal(join(dir, 'folder.db'), 'read'))).toBe('journal');
  });
});

describe('full-text index', () => {
  it('follows inserts, edits and deletes', () => {
    const { db: path } = tempJournal();
    const db = openJournal(path, 'write');
    const entry = addEntry(db, { text: 'The lighthouse keeper waved', date: new Date() });
    expect(searchEntries(db, 'lighthouse', {}).map((h) => h.entry.id)).toEqual([entry.id]);

    expect(updateEntryText(db, entry.id, 'The harbour was quiet', new Date())).toBe(true);
    expect(searchEntries(db, 'lighthouse', {})).toEqual([]);
    expect(searchEntries(db, 'harbour', {}).map((h) => h.entry.id)).toEqual([entry.id]);

    deleteEntry(db, entry.id);
    expect(searchEntries(db, 'harbour', {})).toEqual([]);
    // The FTS integrity check fails if the index and the table disagree.
    expect(() => db.exec(`INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')`)).not.toThrow();
  });

  it('ranks the better match first and filters by tag', () => {
    const { db: path } = tempJournal();
    const db = openJournal(path, 'write');
    addEntry(db, { text: 'fear once, and a long tail of other words about the garden and the weather', date: new Date() });
    const strong = addEntry(db, { text: 'fear fear fear of failing #work', date: new Date() });
    expect(searchEntries(db, 'fear', {})[0]!.entry.id).toBe(strong.id);
    expect(searchEntries(db, 'fear', { tags: ['work'] }).map((h) => h.entry.id)).toEqual([strong.id]);
  });

  it('gives each hit a snippet from its own text', () => {
    const { db: path } = tempJournal();
    const db = openJournal(path, 'write');
    for (let i = 0; i < 30; i++) addEntry(db, { text: `entry number ${i} speaks of trust and word${i}`, date: new Date() });
    const hits = searchEntries(db, 'trust', { limit: 10 });
    expect(hits).toHaveLength(10);
    for (const hit of hits) {
      const plain = hit.snippet.replace(/[\u0002\u0003…]/g, '');
      expect(hit.entry.text).toContain(plain.trim());
    }
  });

  it('an unchanged edit saves nothing', () => {
    const { db: path } = tempJournal();
    const db = openJournal(path, 'write');
    const entry = addEntry(db, { text: 'same', date: new Date() });
    expect(updateEntryText(db, entry.id, 'same', new Date())).toBe(false);
    expect(listEntries(db, {})[0]!.updatedAt).toBeNull();
  });
});

describe('two terminals writing at once', () => {
  it('keeps every entry from both', async () => {
    const { db: path } = tempJournal();
    openJournal(path, 'write').close();
    const writer = (name: string) =>
      new Promise<number>((resolve, reject) => {
        const script = `
          import { openJournal } from '${ROOT}/dist/store/journal.js';
          import { addEntry } from '${ROOT}/dist/store/entries.js';
          const db = openJournal(process.argv[1], 'write');
          for (let i = 0; i < 150; i++) addEntry(db, { text: '${name} ' + i, date: new Date() });
          db.close();`;
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, path], { stdio: 'inherit' });
        child.on('exit', (code) => resolve(code ?? -1));
        child.on('error', reject);
      });
    expect(await Promise.all([writer('left'), writer('right')])).toEqual([0, 0]);
    const db = openJournal(path, 'read');
    const texts = listEntries(db, {}).map((e) => e.text);
    expect(texts.filter((t) => t.startsWith('left')).length).toBe(150);
    expect(texts.filter((t) => t.startsWith('right')).length).toBe(150);
  });
});
