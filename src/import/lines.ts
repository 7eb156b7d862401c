import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { invalidInput } from '../core/errors.js';
import { firstInvalidUtf8 } from '../core/utf8.js';

const CHUNK = 1 << 20;

/**
 * A file's lines, read synchronously a megabyte at a time: an import runs inside one SQLite
 * transaction (synchronous in better-sqlite3) and must not hold the whole file in memory.
 * The last item is the text after the final newline ('' when the file ends with one).
 * Bytes that are not UTF-8 are refused, never turned into U+FFFD.
 */
export function* linesOf(path: string, name = path): Generator<string> {
  const fd = openSync(path, 'r');
  // The fast decoder turns a bad byte into U+FFFD; only when one shows up (or the file holds a
  // real U+FFFD) is the file read again, strictly, to refuse it or clear it.
  const decoder = new StringDecoder('utf8');
  let checked = false;
  const decode = (text: string) => {
    if (!checked && text.includes('\uFFFD')) {
      checkUtf8File(path, name);
      checked = true;
    }
    return text;
  };
  const buffer = Buffer.alloc(CHUNK);
  let rest = '';
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const chunk = rest + decode(decoder.write(buffer.subarray(0, read)));
      const lines = chunk.split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    yield rest + decode(decoder.end());
  } finally {
    closeSync(fd);
  }
}

/** Reads the file through a strict decoder, refusing it at its first byte that is not UTF-8. */
function checkUtf8File(path: string, name: string): void {
  const fd = openSync(path, 'r');
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const buffer = Buffer.alloc(CHUNK);
  let consumed = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      const bytes = buffer.subarray(0, read);
      try {
        strict.decode(bytes, { stream: read > 0 });
      } catch {
        throw invalidInput(`${name} is not UTF-8 text (an invalid byte near offset ${consumed + Math.max(0, firstInvalidUtf8(bytes))}); nothing was imported`);
      }
      if (read === 0) return;
      consumed += read;
    }
  } finally {
    closeSync(fd);
  }
}
