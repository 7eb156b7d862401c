import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errnoWords } from '../core/errno-words.js';
import { outputError, refused, ReflectError } from '../core/errors.js';

/** How bytes reach a file descriptor; tests hand in one that fails as a full disk would. */
export type FileWriter = (fd: number, text: string) => void;

const writeAll: FileWriter = (fd, text) => {
  const bytes = Buffer.from(text);
  // A write may take only part of the bytes (a disk nearly full): the next one says why.
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
};

/**
 * Where one file for `path` may go, or a refusal. Only a regular file is ever replaced (and only
 * with `force`): renaming over a device, a named pipe or a folder would destroy it, and as root
 * would replace /dev/null itself. A symlink to a file is written through, so the link stays.
 */
export function fileTarget(path: string, force: boolean, hint = 'name a file'): string {
  let link: string | null = null;
  try {
    if (lstatSync(path).isSymbolicLink()) link = readlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw refused(`can't write ${path}: ${errnoWords(error)}; nothing was written`);
  }
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw refused(`${path} is a symlink to ${link}, which does not exist; nothing was written`);
    throw refused(`can't write ${path}: ${errnoWords(error)}; nothing was written`);
  }
  if (stat.isDirectory()) throw refused(`${path} is a folder; ${hint}`);
  if (stat.isCharacterDevice() || stat.isBlockDevice()) throw refused(`${path} is a device, not a file; to write to it, use > ${path}`);
  if (stat.isFIFO()) throw refused(`${path} is a named pipe, not a file; to write into it, use > ${path}`);
  if (!stat.isFile()) throw refused(`${path} is not a regular file; nothing was written`);
  if (!force) throw refused(`${path} already exists; nothing was written. Add --force to overwrite`);
  return link === null ? path : realpathSync(path);
}

/** Writes through a private temp file renamed into place, so a failed export never leaves half a file. */
export function writeAtomically(path: string, chunks: Iterable<string>, force: boolean, write: FileWriter = writeAll): void {
  // Beside the file it will replace (through a symlink, that may be another folder): a rename within one file system.
  const target = fileTarget(path, force);
  const temp = writeTemp(target, chunks, write);
  try {
    // Looked at again: the export may have taken a while, and what is there may have changed.
    renameSync(temp, fileTarget(path, force));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

let temps = 0;

/**
 * Writes the chunks to a new private (0600) temp file beside `path`, flushed to the disk, and
 * returns its name. Any failure (a full disk included) removes the temp file and says so in plain words.
 */
export function writeTemp(path: string, chunks: Iterable<string>, write: FileWriter = writeAll): string {
  sweepStaleTemps(dirname(path));
  const temp = join(dirname(path), `.${process.pid}-${++temps}.reflect-export.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o600);
  } catch (error) {
    throw outputError(`can't write ${path}: ${errnoWords(error)}; nothing was written`);
  }
  try {
    let batch = '';
    for (const chunk of chunks) {
      batch += chunk;
      if (batch.length > 1 << 16) {
        write(fd, batch);
        batch = '';
      }
    }
    write(fd, batch);
    // Some disks report a full disk only here; and a backup should survive a power cut.
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    if (error instanceof ReflectError) throw error; // the export's own refusal, say
    throw outputError(`can't write ${path}: ${errnoWords(error)}; nothing was written`);
  }
  try {
    closeSync(fd);
  } catch (error) {
    rmSync(temp, { force: true });
    throw outputError(`can't write ${path}: ${errnoWords(error)}; nothing was written`);
  }
  return temp;
}

const TEMP_NAME = /^\.(\d+)-\d+\.reflect-export\.tmp$/;

/**
 * An export killed outright (kill -9, a power cut) cannot remove its temp file; the next export
 * to the same folder does, once the process that wrote it is gone. A live one's is left alone.
 */
const swept = new Set<string>();

function sweepStaleTemps(dir: string): void {
  // Once per folder: `export --split` writes a temp file per entry into the same folder.
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // writing there will say what is wrong
  }
  for (const name of names) {
    const pid = Number(TEMP_NAME.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, and belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
