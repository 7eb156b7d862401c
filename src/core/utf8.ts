import { invalidInput } from './errors.js';

/**
 * Text someone gave us (stdin, an import file) is decoded strictly: bytes that are not UTF-8
 * are refused, saying where, rather than quietly turned into U+FFFD in the journal.
 */

/**
 * A byte-order mark is the file's, not the text's: it is dropped at the very start of a file or
 * of stdin, and nowhere else (a U+FEFF inside an entry is the writer's).
 */
export const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `bytes` as text, or a refusal naming `what` and the offset (from `start`) of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array, what: string, advice: string, start = 0): string {
  try {
    return strict.decode(bytes);
  } catch {
    const at = start + firstInvalidUtf8(bytes);
    throw invalidInput(`${what} is not UTF-8 text (an invalid byte at offset ${at}); ${advice}`);
  }
}

/** The offset of the first byte that does not begin a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const more = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (more === 0) return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (i + 1 >= b.length || b[i + 1]! < low || b[i + 1]! > high) return i;
    for (let k = 2; k <= more; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return -1;
}
