import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ReflectError } from '../core/errors.js';
import { checkPack } from './pack-check.js';
import { readPackFiles } from './pack-source.js';

/** One argument of `prompts validate`: a set file or a whole pack. */
export interface Result {
  file: string;
  valid: boolean;
  /** A pack's problems each name the file in it (`file`); a set file's are all in that file. */
  problems: { file?: string; line: number; col: number; message: string }[];
  pack?: { id: string; version: string; sets: string[] };
}

/** A folder, or a file that starts as a zip or gzip does; anything else is read as one prompt set, as before packs. */
export function isPack(path: string): boolean {
  try {
    if (statSync(path).isDirectory()) return true;
    const head = Buffer.alloc(4);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
    return head.equals(Buffer.from('PK\x03\x04', 'latin1')) || (head[0] === 0x1f && head[1] === 0x8b);
  } catch {
    return false;
  }
}

/** Checks a pack as `prompts install` does (but not against the packs installed here), changing nothing. */
export async function validatePack(path: string): Promise<Result> {
  try {
    const { manifest, sets, problems } = checkPack(await readPackFiles(path, "it can't be installed"));
    const pack = manifest ? { id: manifest.id, version: manifest.version, sets: sets.map((s) => s.id) } : undefined;
    return { file: path, valid: manifest !== null && problems.length === 0, problems, ...(pack ? { pack } : {}) };
  } catch (error) {
    if (!(error instanceof ReflectError)) throw error;
    return { file: path, valid: false, problems: [{ line: 1, col: 1, message: error.message }] };
  }
}
