import { chmodSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import type { OpenOptions } from './journal.js';

const OTHERS = 0o077;

/**
 * A journal is a diary: only its owner should read it. When the user owns a journal that
 * group or others can read (copied in, made under a loose umask, an empty file adopted), it
 * and its WAL side files are tightened to owner-only, keeping the owner's own bits (a journal
 * made read-only stays read-only). Reflect's own folder is kept 0700. A folder the user chose
 * is not ours to change: if others can replace files in it, one warning says so.
 */
export function keepPrivate(path: string, options: OpenOptions): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    const stat = ownStat(file);
    if (stat && stat.isFile() && stat.mode & OTHERS) tighten(file, stat, options);
  }
  const folder = dirname(path);
  const stat = statOrNull(folder);
  if (!stat) return;
  if (options.privateFolder && ownedByMe(stat)) {
    if (stat.mode & OTHERS) tighten(folder, stat, options);
    return;
  }
  // The sticky bit (as on /tmp) stops others from removing or renaming what is ours.
  if (stat.mode & 0o022 && !(stat.mode & 0o1000)) {
    options.warn?.(`others can write in ${folder}, so they could replace the journal there; chmod go-w ${folder}, or move the journal`);
  }
}

function tighten(file: string, stat: Stats, options: OpenOptions): void {
  try {
    chmodSync(file, stat.mode & 0o700);
  } catch {
    options.warn?.(`${file} can be read by others (mode ${(stat.mode & 0o777).toString(8)}) and could not be made private`);
  }
}

const ownedByMe = (stat: Stats) => typeof process.getuid !== 'function' || stat.uid === process.getuid();

function ownStat(path: string): Stats | null {
  const stat = statOrNull(path);
  return stat && ownedByMe(stat) ? stat : null;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
