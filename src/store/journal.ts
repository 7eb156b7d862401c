import Database from 'better-sqlite3-multiple-ciphers';
import { createRequire } from 'node:module';
import { accessSync, chmodSync, closeSync, constants, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { errnoWords } from '../core/errno-words.js';
import { journalError, passphraseError, ReflectError } from '../core/errors.js';
import { journalFormat, unlock } from './cipher.js';
import { keepPrivate } from './privacy.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

/**
 * The driver's compiled addon, named directly: left to find it, the driver asks the \`bindings\`
 * package, which tries a dozen paths on every start (2 to 5 ms measured here). Where the addon is
 * not at its usual place, the driver looks for it as before.
 */
const NATIVE_BINDING = (() => {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
  } catch {
    return undefined;
  }
})();
const driverOptions = NATIVE_BINDING ? { nativeBinding: NATIVE_BINDING } : {};

/** 'RFLT': marks a SQLite file as a reflect journal, so we never migrate someone else's database. */
const APPLICATION_ID = 0x52464c54;

/** 'update' writes to a journal that exists; with none there, there is nothing to update and nothing is created. */
export type OpenMode = 'read' | 'write' | 'update';

export interface OpenOptions {
  /** The folder is reflect's own (the default location): it is kept 0700. */
  privateFolder?: boolean;
  /** Where a warning goes (a journal others could replace); nothing is refused for it. */
  warn?: (message: string) => void;
  /** Opens an encrypted journal; creates the journal encrypted when there is none yet. */
  passphrase?: string;
}

/**
 * Opens (and, for writing, creates) the journal. Every check that can refuse the file
 * runs before anything is written to it, so a journal we cannot use is left untouched.
 * Reading a journal that does not exist yet gives an empty in-memory one instead of
 * creating a file the user never asked for; a journal that cannot be created leaves no file.
 */
export function openJournal(path: string, mode: OpenMode, options: OpenOptions = {}): Db {
  const exists = fileState(path);
  if (!exists && mode !== 'write') return prepare(new Database(':memory:', driverOptions), path, true);
  const created = !exists && createPrivateFile(path);
  try {
    keepPrivate(path, options);
    const db = openFile(path, mode, options.passphrase);
    removeRekeyTemp(path, db.pragma('journal_mode', { simple: true }) === 'wal');
    return db;
  } catch (error) {
    if (!created) throw error;
    removeJournal(path);
    // A refusal of our own says it best; what the driver or the disk said is put in plain words.
    const cause = error instanceof ReflectError ? (error.cause as Error | undefined) : (error as Error);
    if (!cause) throw error;
    throw journalError(`can't create the journal ${path}: ${driverWords(cause)}; no file was left behind`);
  }
}

/** The passphrase was given but does not open the journal: worth asking again on a terminal. */
export const isWrongPassphrase = (error: unknown) => error instanceof ReflectError && (error as { wrongPassphrase?: boolean }).wrongPassphrase === true;

function openFile(path: string, mode: OpenMode, passphrase: string | undefined): Db {
  const writable = canWrite(path);
  if (mode !== 'read' && !writable) {
    throw journalError(`the journal ${path} is read-only; nothing was saved`);
  }
  const format = journalFormat(path);
  if (format === 'not-sqlite') throw journalError(`${path} is not a reflect journal (not an SQLite database)`);
  if (format === 'encrypted' && passphrase === undefined) throw passphraseError(`the journal ${path} is encrypted and no passphrase was given`);
  // A plain journal stays plain whatever passphrase is about; an empty file becomes an encrypted journal.
  const keyed = passphrase !== undefined && format !== 'plain';
  let db: Db;
  try {
    db = new Database(path, { ...driverOptions, fileMustExist: true, readonly: !writable });
  } catch (error) {
    throw Object.assign(journalError(`can't open the journal ${path}: ${(error as Error).message}`), { cause: error });
  }
  try {
    if (keyed) unlock(db, passphrase);
    return prepare(db, path, writable, keyed);
  } catch (error) {
    db.close();
    throw error;
  }
}

function prepare(db: Db, path: string, writable: boolean, keyed = false): Db {
  let version: number;
  let appId: number;
  let tables: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    appId = db.pragma('application_id', { simple: true }) as number;
    tables = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Keyed, a page that does not decrypt is all SQLite can tell: the passphrase is not this journal's.
    if (code === 'SQLITE_NOTADB' && keyed) throw Object.assign(passphraseError(`the passphrase does not open the journal ${path}; nothing was changed`), { wrongPassphrase: true });
    if (code === 'SQLITE_NOTADB') throw journalError(`${path} is not a reflect journal (not an SQLite database)`);
    throw Object.assign(journalError(`can't read the journal ${path}: ${(error as Error).message}`), { cause: error });
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

/** Whether the journal is there; anything at the path that is not a file we can read is refused. */
function fileState(path: string): boolean {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const target = symlinkTarget(path);
      if (target !== null) throw journalError(`${path} is a symlink to ${target}, which does not exist; nothing was created`);
      return false;
    }
    if (code === 'EACCES' || code === 'EPERM') throw journalError(`can't read the journal ${path}: permission denied`);
    if (code === 'ENOTDIR') throw journalError(`can't use ${path}: a part of the path is a file, not a folder`);
    throw error;
  }
  if (stat.isDirectory()) throw journalError(`${path} is a folder, not a journal file`);
  if (!stat.isFile()) throw journalError(`${path} is not a regular file (it is ${fileKind(stat)}); --db needs a journal file`);
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw journalError(`can't read the journal ${path}: permission denied`);
  }
  return true;
}

function symlinkTarget(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : null;
  } catch {
    return null;
  }
}

function fileKind(stat: Stats): string {
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
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
function createPrivateFile(path: string): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fd = openSync(path, 'wx', 0o600);
    closeSync(fd);
    chmodSync(path, 0o600);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false; // another terminal created it first
    throw journalError(`can't create the journal ${path}: ${errnoWords(error)}`);
  }
}

/** Where encrypt, decrypt and passphrase build the new journal (store/rekey.ts), beside the old one. */
export const rekeyTemp = (path: string) => `${path}.reflect-new`;

/**
 * What a killed encrypt, decrypt or passphrase left, removed once the journal opens: a rewrite
 * still running holds the journal locked until its copy is renamed, so no live copy is removed.
 * With `inWal`, a rollback journal beside the journal goes too. A rewrite leaves WAL mode for a
 * while, and a `journal.db-journal` was once found left after one was killed (how is not known).
 * Once the journal is open in WAL mode such a file is stale: SQLite rolls back a live one before
 * it reads anything, and never reads one in WAL mode.
 */
export function removeRekeyTemp(given: string, inWal = false): void {
  let path: string;
  try {
    path = realpathSync(given);
  } catch {
    return;
  }
  for (const file of [rekeyTemp(path), `${rekeyTemp(path)}-journal`, ...(inWal ? [`${path}-journal`] : [])]) {
    try {
      rmSync(file, { force: true });
    } catch {
      // A folder we may read but not change: the copy stays, as private as the folder.
    }
  }
}

/** A journal that could not be made (a full disk, say) goes, with its side files: no half journal is left to trip over. */
function removeJournal(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

function driverWords(error: Error): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_FULL') return 'no space left on device';
  if (code.startsWith('SQLITE_IOERR')) return 'the disk refused the write (full, over quota, or failing)';
  if (code.startsWith('SQLITE_READONLY')) return 'the file system is read-only';
  return code.startsWith('SQLITE_') ? error.message : errnoWords(error);
}
