import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tableCrc32 } from '../../src/import/zip.js';

describe('the CRC-32 used where zlib has none (Node before 20.15)', () => {
  it.each([[''], ['a'], ['The quick brown fox jumps over the lazy dog'], ['ünïcödé 🙂'.repeat(1000)]])('matches zlib on %j, whole and in pieces', (text) => {
    const bytes = Buffer.from(text);
    expect(tableCrc32(bytes)).toBe(crc32(bytes));
    const half = Math.floor(bytes.length / 2);
    expect(tableCrc32(bytes.subarray(half), tableCrc32(bytes.subarray(0, half)))).toBe(crc32(bytes));
  });
});
