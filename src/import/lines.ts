import { closeSync, openSync, readSync } from 'node:fs';
import { invalidInput } from '../core/errors.js';
import { firstInvalidUtf8 } from '../core/utf8.js';

/**
 * A file's lines, read synchronously a megabyte at a time: an import runs inside one SQLite
 * transaction (synchronous in better-sqlite3) and must not hold the whole file in memory.
 * The last item is the text after the final newline ('' when the file ends with one).
 * Bytes that are not UTF-8 are refused, never turned into U+FFFD.
 */
export function* linesOf(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let consumed = 0;
  const decode = (bytes: Uint8Array, stream: boolean) => {
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      throw invalidInput(`${path} is not UTF-8 text (an invalid byte near offset ${consumed + Math.max(0, firstInvalidUtf8(bytes))}); nothing was imported`);
    }
  };
  const buffer = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const chunk = rest + decode(buffer.subarray(0, read), true);
      consumed += read;
      const lines = chunk.split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    yield rest + decode(new Uint8Array(0), false);
  } finally {
    closeSync(fd);
  }
}
