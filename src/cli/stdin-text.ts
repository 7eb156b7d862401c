import { invalidInput } from '../core/errors.js';
import { megabytes } from '../core/limits.js';
import { decodeUtf8, withoutBom } from '../core/utf8.js';

/**
 * Reading text from stdin without trusting it: the read stops at a size limit instead of
 * buffering whatever is piped in, and bytes that are not UTF-8 are refused (with where they
 * are) rather than quietly turned into U+FFFD. A byte-order mark is dropped only at the very start.
 */

/** All of stdin as one text, at most `limit` bytes. */
export async function readStdinText(stream: NodeJS.ReadableStream, limit: number, purpose: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.from(chunk as Buffer);
    size += buffer.length;
    // Leaving the loop closes the stream: nothing beyond the limit is ever held.
    if (size > limit) throw invalidInput(`stdin holds more than ${megabytes(limit)}; ${purpose} may be at most ${megabytes(limit)}; nothing was saved`);
    chunks.push(buffer);
  }
  const all = Buffer.concat(chunks);
  return withoutBom(decode(all, 0, 'stdin'));
}

/** Stdin line by line (a final "\r" dropped, as readline does), no line longer than `limit` bytes. */
export async function* stdinLines(stream: NodeJS.ReadableStream, limit: number): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let offset = 0; // where the pending line starts, in bytes from the start of stdin
  let n = 0;
  const line = (bytes: Buffer) => {
    n++;
    const text = decode(bytes, offset, `line ${n} of stdin`);
    offset += bytes.length + 1;
    const plain = text.endsWith('\r') ? text.slice(0, -1) : text;
    return n === 1 ? withoutBom(plain) : plain;
  };
  const tooLong = () => invalidInput(`line ${n + 1} of stdin is more than ${megabytes(limit)}; a line may be at most ${megabytes(limit)}`);
  for await (const chunk of stream) {
    let buffer = Buffer.from(chunk as Buffer);
    for (let at = buffer.indexOf(0x0a); at >= 0; at = buffer.indexOf(0x0a)) {
      if (pendingSize + at > limit) throw tooLong();
      const whole = pending.length ? Buffer.concat([...pending, buffer.subarray(0, at)]) : buffer.subarray(0, at);
      pending = [];
      pendingSize = 0;
      yield line(whole);
      buffer = buffer.subarray(at + 1);
    }
    pendingSize += buffer.length;
    if (pendingSize > limit) throw tooLong();
    if (buffer.length) pending.push(buffer);
  }
  if (pendingSize) yield line(Buffer.concat(pending));
}

function decode(bytes: Uint8Array, start: number, what: string): string {
  return decodeUtf8(bytes, what, 'save it as UTF-8 and try again', start);
}

/**
 * Stdin copied to a private temp file, for readers that need a file (an import is read inside one
 * synchronous transaction; a zip is read from its end). The caller removes it with `remove`.
 */
export async function stdinToFile(stream: NodeJS.ReadableStream): Promise<{ path: string; remove: () => void }> {
  const { mkdtempSync, rmSync, createWriteStream } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { pipeline } = await import('node:stream/promises');
  const dir = mkdtempSync(join(tmpdir(), 'reflect-stdin-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const path = join(dir, 'stdin');
  try {
    await pipeline(stream, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    remove();
    throw error;
  }
  return { path, remove };
}
