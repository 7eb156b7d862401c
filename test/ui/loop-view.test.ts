import { describe, expect, it } from 'vitest';
import { shortDay } from '../../src/core/dates.js';
import type { Loop } from '../../src/core/patterns.js';
import { loopSentence, shortQuote } from '../../src/ui/loop-view.js';

const first = new Date(2026, 9, 12, 9);
const loop = (terms: string[], weeks: number, entries: number, last = new Date(2026, 10, 20, 9)): Loop => ({
  terms,
  weeks,
  entries: Array.from({ length: entries }, (_, i) => `id-${i}`),
  first,
  last,
});

describe('loopSentence', () => {
  it.each([
    ['one term', loop(['budget review'], 4, 6), `“budget review” has come up in 4 weeks since ${shortDay(first)} (6 entries).`],
    ['two terms, joined', loop(['sister', 'christmas', 'mum'], 3, 3), `“sister” and “christmas” have come up in 3 weeks since ${shortDay(first)} (3 entries).`],
    ['a name keeps its case', loop(['Sam'], 3, 4), `“Sam” has come up in 3 weeks since ${shortDay(first)} (4 entries).`],
    ['into an earlier year, the year is said', loop(['rent'], 5, 5, new Date(2027, 1, 1)), `“rent” has come up in 5 weeks since ${shortDay(first)} 2026 (5 entries).`],
    ['control characters in a term are made safe', loop(['a\u001b[2Jb'], 3, 3), `“a␛[2Jb” has come up in 3 weeks since ${shortDay(first)} (3 entries).`],
  ])('%s', (_name, value, expected) => {
    expect(loopSentence(value)).toBe(expected);
  });

  it('never says "1 entries" or "1 weeks"', () => {
    expect(loopSentence(loop(['x'], 1, 1))).toMatch(/in 1 week since .* \(1 entry\)\.$/);
  });
});

describe('shortQuote', () => {
  it.each([
    ['short text as it is', 'Budget review again.', '“Budget review again.”'],
    ['the first line only', '\nFirst line\nsecond line', '“First line”'],
    ['long text cut at a word', 'The budget review went badly again and I could not say what I meant to say at all', '“The budget review went badly again and I could not say what…”'],
    ['emoji are not cut in half', '😀'.repeat(70), `“${'😀'.repeat(60)}…”`],
  ])('%s', (_name, text, expected) => {
    expect(shortQuote(text)).toBe(expected);
  });
});
