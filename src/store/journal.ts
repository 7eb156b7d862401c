import Database from 'better-sqlite3';
import { accessSync, chmodSync, closeSync, constants, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { journalError } from '../core/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

/** 'RFLT': marks a SQLite file as a reflect journal, so we never migrate someone else's database. */
const APPLICATION_ID = 0x52464c54;

/** 'update' writes to a journal that exists; with none there, there is nothing to update and nothing is created. */
export type OpenMode = 'read' | 'write' | 'update';

/**
 * Opens (and, for writing, creates) the journal. Every check that can refuse the file
 * runs before anything is written to it, so a journal we cannot use is left untouched.
 * Reading a journal that does not exist yet gives an empty in-memory one instead of
 * creating a file the user never asked for.
 */
export function openJournal(path: string, mode: OpenMode): Db {
  const exists = fileState(path);
  if (!exists && mode !== 'write') return prepare(new Database(':memory:'), path, true);
  if (!exists) createPrivateFile(path);

  const writable = canWrite(path);
  if (mode !== 'read' && !writable) {
    throw journalError(`the journal ${path} is read-only; nothing was saved`);
  }
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true, readonly: !writable });
  } catch (error) {
    throw journalError(`can't open the journal ${path}: ${(error as Error).message}`);
  }
  try {
    return prepare(db, path, writable);
  } catch (error) {
    db.close();
    throw error;
  }
}

function prepare(db: Db, path: string, writable: boolean): Db {
  let version: number;
  let appId: number;
  let tables: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    appId = db.pragma('application_id', { simple: true }) as number;
    tables = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw journalError(`${path} is not a reflect journal (not an SQLite database)`);
    throw journalError(`can't read the journal ${path}: ${(error as Error).message}`);
  }
  if (version > SCHEMA_VERSION) {
    throw journalError(
      `the journal ${path} was written by a newer reflect (schema ${version}, this one knows ${SCHEMA_VERSION}); upgrade reflect, the journal was left untouched`,
    );
  }
  const fresh = tables === 0 && version === 0;
  if (appId !== APPLICATION_ID && !fresh) {
    throw journalError(`${path} is an SQLite database but not a reflect journal; it was left untouched`);
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (writable) {
    // WAL lets two terminals write at once; FULL sync means an answer, once given, survives a power cut.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  if (version < SCHEMA_VERSION) {
    if (!writable) {
      throw journalError(`the journal ${path} needs upgrading but is read-only`);
    }
    migrate(db);
  }
  return db;
}

function migrate(db: Db): void {
  db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated while we waited.
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let n = current; n < SCHEMA_VERSION; n++) db.exec(MIGRATIONS[n]!);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function fileState(path: string): boolean {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw journalError(`${path} is a folder, not a journal file`);
    accessSync(path, constants.R_OK);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'EACCES' || code === 'EPERM') throw journalError(`can't read the journal ${path}: permission denied`);
    if (code === 'ENOTDIR') throw journalError(`can't use ${path}: a part of the path is a file, not a folder`);
    throw error;
  }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    // WAL needs to create its side files next to the journal.
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Journals are private: the folder is created 0700 and the file 0600, before SQLite touches it. */
function createPrivateFile(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fd = openSync(path, 'wx', 0o600);
    closeSync(fd);
    chmodSync(path, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // another terminal created it first
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw journalError(`can't create the journal ${path}: permission denied`);
    }
    if (code === 'ENOTDIR') throw journalError(`can't create the journal ${path}: a part of the path is a file`);
    throw error;
  }
}
