import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Db } from './journal.js';

/**
 * An encrypted journal is an SQLCipher 4 database, made by SQLite3 Multiple Ciphers (the driver
 * better-sqlite3-multiple-ciphers). SQLCipher's format, not the driver's own default, so that any
 * SQLCipher tool (the `sqlcipher` shell, DB Browser for SQLite) opens a journal without reflect:
 * a journal kept for years must not depend on one program to be read.
 */
export const CIPHER = {
  name: 'sqlcipher',
  legacy: 4,
  /** What the README and `--help` say the settings are. */
  summary: 'SQLCipher 4: AES-256-CBC, an HMAC-SHA512 on every page, key from PBKDF2-HMAC-SHA512 with 256,000 iterations',
} as const;

/** What is at a journal's path, read from its first bytes: no driver, no passphrase needed. */
export type JournalFormat = 'missing' | 'empty' | 'plain' | 'encrypted' | 'not-sqlite';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** SQLite's smallest page; an encrypted journal is whole pages, so other sizes are some other file. */
const MIN_PAGE = 512;

/** Anything that is not a readable file is 'missing' here: opening it says what is wrong with it. */
export function journalFormat(path: string): JournalFormat {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return 'missing';
    size = stat.size;
    if (size === 0) return 'empty';
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return 'missing';
  }
  if (head.equals(SQLITE_HEADER)) return 'plain';
  // SQLCipher's first 16 bytes are a random salt: nothing in them says "encrypted", so whole
  // pages are the best sign there is, and a text file given to --db is not asked a passphrase.
  return size >= MIN_PAGE && size % MIN_PAGE === 0 ? 'encrypted' : 'not-sqlite';
}

/** The bytes SQLite is keyed with: NFC, so a passphrase typed on any system gives the same key. */
export const keyBytes = (passphrase: string) => Buffer.from(passphrase.normalize('NFC'), 'utf8');

/** Sets the cipher, then the key, on a connection before it reads or writes its first page. */
export function unlock(db: Db, passphrase: string): void {
  useCipher(db);
  db.key(keyBytes(passphrase));
  privateTemp(db);
}

/**
 * Re-encrypts every page in place with a new passphrase, or writes them plain with none. Only
 * ever used on reflect's own temporary copy (store/rekey.ts), never on the journal itself.
 */
export function rekey(db: Db, passphrase: string | null): void {
  if (passphrase !== null) useCipher(db);
  db.rekey(passphrase === null ? Buffer.alloc(0) : keyBytes(passphrase));
}

function useCipher(db: Db): void {
  db.pragma(`cipher = '${CIPHER.name}'`);
  db.pragma(`legacy = ${CIPHER.legacy}`);
}

/** SQLite's own temp files (big sorts, some indexes) are not encrypted: they stay in memory. */
function privateTemp(db: Db): void {
  db.pragma('temp_store = MEMORY');
}
