import { invalidInput } from './errors.js';

/**
 * How big input may be, in one place. Each limit is far above what a person writes or a real
 * export holds, and low enough that hostile or broken input fails in seconds and megabytes
 * instead of minutes and gigabytes.
 */

/** One entry's text, counted in UTF-8 bytes: about 150,000 words, a long book. */
export const MAX_ENTRY_BYTES = 1024 * 1024;

/** A zip member reflect inflates (a Day One journal .json, ~10 MB for 5,000 entries); other members are never inflated. */
export const MAX_ZIP_MEMBER_BYTES = 64 * 1024 * 1024;

/** All the members reflect inflates from one zip, together. */
export const MAX_ZIP_TOTAL_BYTES = 128 * 1024 * 1024;

/** Files in one zip (Day One archives hold one per photo, so this is generous). */
export const MAX_ZIP_MEMBERS = 50_000;

/** How deeply arrays and objects may nest in an import file; reflect's own exports nest about 8 deep. */
export const MAX_JSON_DEPTH = 64;

/** The first characters of an entry a one-line view (`list`) needs. */
export const LINE_PREFIX_CHARS = 2000;

export const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;

/** Refuses text longer than one entry may be; `what` says whose text it is ("the entry", "line 4"). */
export function checkEntrySize(text: string, what = 'the entry'): void {
  // Most text is far below the limit: only count bytes when the characters could exceed it.
  if (text.length * 3 <= MAX_ENTRY_BYTES) return;
  const bytes = utf8Length(text);
  if (bytes > MAX_ENTRY_BYTES) {
    throw invalidInput(`${what} is ${megabytes(bytes)}; an entry may be at most ${megabytes(MAX_ENTRY_BYTES)} (${MAX_ENTRY_BYTES.toLocaleString('en')} bytes of UTF-8)`);
  }
}

/** The UTF-8 size of a string, without encoding it (core stays free of Node's Buffer). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
