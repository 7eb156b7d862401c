import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalFormat, keyBytes } from '../../src/store/cipher.js';
import { openJournal } from '../../src/store/journal.js';

const folder = () => mkdtempSync(join(tmpdir(), 'reflect-cipher-'));

describe('journalFormat: what is at the path, from its first bytes', () => {
  const cases: [string, (dir: string) => string, string][] = [
    ['nothing', (dir) => join(dir, 'none.db'), 'missing'],
    ['a folder', (dir) => (mkdirSync(join(dir, 'f')), join(dir, 'f')), 'missing'],
    ['an empty file', (dir) => (writeFileSync(join(dir, 'e.db'), ''), join(dir, 'e.db')), 'empty'],
    ['a plain journal', (dir) => (openJournal(join(dir, 'p.db'), 'write').close(), join(dir, 'p.db')), 'plain'],
    ['an encrypted journal', (dir) => (openJournal(join(dir, 'c.db'), 'write', { passphrase: 'x' }).close(), join(dir, 'c.db')), 'encrypted'],
    ['a text file', (dir) => (writeFileSync(join(dir, 't.db'), 'dear diary\n'), join(dir, 't.db')), 'not-sqlite'],
  ];
  it.each(cases)('%s is %s', (_name, make, format) => {
    expect(journalFormat(make(folder()))).toBe(format);
  });
});

describe('an encrypted journal on disk', () => {
  it('holds none of its words in the clear, in the file or its WAL', () => {
    const path = join(folder(), 'journal.db');
    const db = openJournal(path, 'write', { passphrase: 'correct horse' });
    db.prepare("INSERT INTO entries (id, occurred_at, created_at, text) VALUES ('a', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'I am afraid of my father')").run();
    for (const file of [path, `${path}-wal`]) expect(readFileSync(file).includes('afraid of my father')).toBe(false);
    db.close();
    expect(readFileSync(path).includes('afraid')).toBe(false);
  });
});

describe('keyBytes', () => {
  it('gives one key for a passphrase however its accents were typed (NFC)', () => {
    expect(keyBytes('caf\u00e9')).toEqual(keyBytes('cafe\u0301'));
    expect(keyBytes('café')).not.toEqual(keyBytes('cafe'));
  });
});
