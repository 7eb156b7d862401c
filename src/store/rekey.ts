import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { journalError } from '../core/errors.js';
import { journalFormat, rekey, unlock } from './cipher.js';
import { openJournal, rekeyTemp, removeRekeyTemp, type Db, type OpenOptions } from './journal.js';

export interface Rekeying {
  /** The journal's passphrase now; null for a plain journal. */
  from: string | null;
  /** Its passphrase afterwards; null to make it plain. */
  to: string | null;
  /** How long to wait for another reflect to let go of the journal. */
  waitMs?: number;
}

/**
 * Encrypts, decrypts or re-keys a journal without ever touching it in place. The journal is
 * locked against every other connection; VACUUM INTO copies it (encrypted as it is, or plain as it
 * is) into a private file beside it; that copy alone is re-keyed, read back whole with the new
 * passphrase and compared with the journal, synced, and renamed over it. Killed at any moment,
 * the path holds either the old journal or the new one, whole; a half-made copy is removed on
 * the next start (openJournal). Returns how many entries the journal holds.
 */
export function rewriteJournal(given: string, change: Rekeying, options: OpenOptions = {}): number {
  // A journal reached by a symlink is rewritten where it is: renamed over, the link would become
  // the new journal and leave the old one, still readable, at its target.
  const path = realpathSync(given);
  const db = openJournal(path, 'update', change.from === null ? options : { ...options, passphrase: change.from });
  try {
    holdAlone(db, path, change.waitMs ?? 2000);
    const before = tableCounts(db);
    const temp = rekeyTemp(path);
    removeRekeyTemp(path);
    // VACUUM INTO wants an empty or missing file: an empty one made 0600 keeps the copy private from its first byte.
    closeSync(openSync(temp, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(temp);
    reencrypt(temp, change);
    verify(temp, change.to, before);
    syncFile(temp);
    renameSync(temp, path);
    syncFile(dirname(path));
    return before.get('entries') ?? 0;
  } catch (error) {
    removeRekeyTemp(path);
    throw error;
  } finally {
    db.close();
  }
}

/**
 * A journal is only rewritten when no other reflect has it open (a session in another terminal
 * would go on writing to the old file). In WAL mode every open connection holds a shared lock,
 * so leaving WAL succeeds only alone; exclusive locking keeps everyone out until the rename.
 */
function holdAlone(db: Db, path: string, waitMs: number): void {
  db.pragma(`busy_timeout = ${waitMs}`);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw journalError(`the journal ${path} is open in another reflect (a session in another terminal?); close it and try again; nothing was changed`);
  }
  // Nothing more is written to the old file. Without a journal file of its own, closing it after
  // the rename deletes nothing at the path, which by then is the new journal's.
  db.pragma('journal_mode = MEMORY');
  rmSync(`${path}-journal`, { force: true });
}

function reencrypt(temp: string, change: Rekeying): void {
  const copy = new Database(temp, { fileMustExist: true });
  try {
    if (change.from !== null) unlock(copy, change.from);
    copy.pragma('synchronous = FULL');
    rekey(copy, change.to);
  } finally {
    copy.close();
  }
}

/** Opened afresh with the new passphrase, the copy must be whole and hold every row the journal does. */
function verify(temp: string, passphrase: string | null, before: Map<string, number>): void {
  const format = journalFormat(temp);
  if (format !== (passphrase === null ? 'plain' : 'encrypted')) throw journalError(`the new journal came out ${format}; the journal was left as it was`);
  const copy = new Database(temp, { fileMustExist: true, readonly: true });
  try {
    if (passphrase !== null) unlock(copy, passphrase);
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw journalError(`the new journal failed SQLite's check (${String(check)}); the journal was left as it was`);
    const after = tableCounts(copy);
    for (const [table, rows] of before) {
      if (after.get(table) !== rows) throw journalError(`the new journal's ${table} has ${after.get(table) ?? 0} rows, not ${rows}; the journal was left as it was`);
    }
  } finally {
    copy.close();
  }
}

/** Rows in every real table (FTS5's shadow tables included, its virtual tables not). */
function tableCounts(db: Db): Map<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = new Map<string, number>();
  for (const table of tables) {
    counts.set(table, db.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number);
  }
  const meta = db.prepare('SELECT (SELECT user_version FROM pragma_user_version) * 1000000000 + (SELECT application_id FROM pragma_application_id)').pluck().get() as number;
  counts.set('(schema version and id)', meta);
  return counts;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
