import { readFileSync, statSync } from 'node:fs';
import { invalidInput, notFound } from '../core/errors.js';
import { decodeUtf8, withoutBom } from '../core/utf8.js';

/**
 * Far larger than any prompt set or answers file a person writes (the built-in sets are 2-4 KB).
 * Every session reads every prompt file in the folders, so one 10 MB file would slow them all.
 */
export const MAX_TEXT_BYTES = 1024 * 1024;

/** A YAML file someone gave us, as text: refused in one line if it is missing, a folder, too big, binary or not UTF-8. */
export function readTextFile(path: string, what: 'prompt file' | 'answers file'): string {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_TEXT_BYTES) {
      throw invalidInput(`${path} is ${(size / 1024 / 1024).toFixed(1)} MB; a ${what} can be at most ${MAX_TEXT_BYTES / 1024 / 1024} MB`);
    }
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    if (code === 'ENOENT') throw notFound(`no ${what} at ${path}`);
    if (code === 'EISDIR') throw invalidInput(`${path} is a folder; name a .yaml file`);
    throw invalidInput(`can't read ${path}: ${code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
  return textOf(bytes, path, what);
}

/** Bytes already in memory (a file from a pack archive) as YAML text, refused as a file on disk would be. */
export function textOf(bytes: Buffer, path: string, what: 'prompt file' | 'answers file' | 'pack manifest'): string {
  // YAML never holds a NUL byte; decoding binary data would give hundreds of meaningless syntax errors.
  if (bytes.includes(0)) throw invalidInput(`${path} is not a text file (it holds binary data); a ${what} is YAML text`);
  return withoutBom(decodeUtf8(bytes, path, `save it as UTF-8 (a ${what} is YAML text)`));
}
