import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { journalFormat } from '../../src/store/cipher.js';
import { addEntry, listEntries } from '../../src/store/entries.js';
import { openJournal, rekeyTemp, type Db } from '../../src/store/journal.js';
import { rewriteJournal } from '../../src/store/rekey.js';
import { searchEntries } from '../../src/store/search.js';

const WORDS = ['my mother never asked', 'fear of being ordinary', 'the job was a cage'];

function journalWith(texts: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'reflect-rekey-')), 'journal.db');
  const db = openJournal(path, 'write');
  texts.forEach((text, i) => addEntry(db, { text, date: new Date(Date.UTC(2026, 0, i + 1)), tags: ['work'] }));
  db.close();
  return path;
}

const texts = (db: Db) => listEntries(db, {}).map((e) => `${e.text}|${e.tags.join(',')}`).sort();
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const folderHolds = (path: string, words: string) =>
  readdirSync(join(path, '..')).filter((f) => readFileSync(join(path, '..', f)).includes(words));

function read<T>(path: string, passphrase: string | undefined, use: (db: Db) => T): T {
  const db = openJournal(path, 'read', passphrase === undefined ? {} : { passphrase });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

describe('rewriteJournal', () => {
  it('encrypts in place: every entry kept, search still works, no word left readable in the folder', () => {
    const path = journalWith(WORDS);
    const before = read(path, undefined, texts);
    expect(rewriteJournal(path, { from: null, to: 'pass one' })).toBe(3);
    expect(journalFormat(path)).toBe('encrypted');
    expect(read(path, 'pass one', texts)).toEqual(before);
    expect(read(path, 'pass one', (db) => searchEntries(db, 'cage', {}).length)).toBe(1);
    expect(readdirSync(join(path, '..'))).toEqual(['journal.db']);
    expect(folderHolds(path, 'ordinary')).toEqual([]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('changes the passphrase, then decrypts, and the journal is as it was', () => {
    const path = journalWith(WORDS);
    const before = read(path, undefined, texts);
    rewriteJournal(path, { from: null, to: 'old' });
    rewriteJournal(path, { from: 'old', to: 'new' });
    expect(() => read(path, 'old', texts)).toThrow(/the passphrase does not open the journal/);
    expect(read(path, 'new', texts)).toEqual(before);
    rewriteJournal(path, { from: 'new', to: null });
    expect(journalFormat(path)).toBe('plain');
    expect(read(path, undefined, texts)).toEqual(before);
  });

  it('keeps writing encrypted: an entry added later is not readable in the journal or its WAL', () => {
    const path = journalWith(WORDS);
    rewriteJournal(path, { from: null, to: 'k' });
    const db = openJournal(path, 'write', { passphrase: 'k' });
    addEntry(db, { text: 'I finally said no to him', date: new Date() });
    expect(folderHolds(path, 'said no to him')).toEqual([]);
    db.close();
    expect(read(path, 'k', texts)).toHaveLength(4);
  });

  it('rewrites a journal reached by a symlink where it is, and keeps the link', () => {
    const path = journalWith(WORDS);
    const link = join(mkdtempSync(join(tmpdir(), 'reflect-link-')), 'journal.db');
    symlinkSync(path, link);
    rewriteJournal(link, { from: null, to: 'linked' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(journalFormat(path)).toBe('encrypted');
    expect(folderHolds(path, 'ordinary')).toEqual([]);
  });

  it('refuses a wrong passphrase and leaves the file byte for byte', () => {
    const path = journalWith(WORDS);
    rewriteJournal(path, { from: null, to: 'right' });
    const before = hash(path);
    expect(() => rewriteJournal(path, { from: 'wrong', to: 'other' })).toThrow(/the passphrase does not open the journal/);
    expect(hash(path)).toBe(before);
    expect(existsSync(rekeyTemp(path))).toBe(false);
  });

  it('will not rewrite a journal another connection has open, and changes nothing', () => {
    const path = journalWith(WORDS);
    const other = openJournal(path, 'write');
    try {
      const before = hash(path);
      expect(() => rewriteJournal(path, { from: null, to: 'x', waitMs: 50 })).toThrow(/open in another reflect/);
      expect(journalFormat(path)).toBe('plain');
      expect(hash(path)).toBe(before);
      expect(texts(other)).toHaveLength(3);
    } finally {
      other.close();
    }
  });

  it('clears what a killed rewrite left beside the journal the next time it is opened', () => {
    const path = journalWith(WORDS);
    writeFileSync(rekeyTemp(path), 'half a copy of fear of being ordinary');
    writeFileSync(`${rekeyTemp(path)}-journal`, 'more of it');
    read(path, undefined, texts);
    expect(readdirSync(join(path, '..')).filter((f) => f.includes('reflect-new'))).toEqual([]);
  });

  it('makes a journal that the sqlcipher tools open with SQLCipher 4 settings', () => {
    const path = journalWith(WORDS);
    rewriteJournal(path, { from: null, to: 'tool' });
    // What a user of `sqlcipher` or DB Browser types: the key and SQLCipher 4 compatibility.
    const db = new Database(path, { readonly: true });
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma("key = 'tool'");
    expect(db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(3);
    expect(Number(db.pragma('kdf_iter', { simple: true }))).toBe(256000);
    db.close();
  });
});
