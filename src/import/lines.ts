import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * A file's lines, read synchronously a megabyte at a time: an import runs inside one SQLite
 * transaction (synchronous in better-sqlite3) and must not hold the whole file in memory.
 * The last item is the text after the final newline ('' when the file ends with one).
 */
export function* linesOf(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const chunk = rest + decoder.write(buffer.subarray(0, read));
      const lines = chunk.split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    yield rest + decoder.end();
  } finally {
    closeSync(fd);
  }
}
