import { describe, expect, it } from 'vitest';
import { wordConditions } from '../../../src/core/classifier/word-conditions.js';

/** Each way as its sets, each set as its words (and "prefix…" for a prefix), sorted: order says nothing. */
const read = (pattern: RegExp) =>
  wordConditions(pattern)
    ?.map((way) => way.map((set) => [...[...set.exact].sort(), ...[...set.prefixes].sort().map((p) => `${p}…`)].join(' ')).sort())
    .sort() ?? null;

describe('the words a pattern needs', () => {
  it.each([
    ['one word', /\bbecause\b/i, [['because']]],
    ['two words around any characters, both needed', /\b(?:i|my)\b.{0,50}\b(?:fear|shame)\b/i, [['fear', 'i'], ['fear', 'my'], ['i', 'shame'], ['my', 'shame']]],
    ['any characters first, then a word', /.{0,20}\bsaid\b/i, [['said']]],
    ['a phrase: each word after a space is needed', /\bcomes from\b/i, [['comes', 'from']]],
    ['alternatives become ways of their own', /\b(?:turns out|truth is)\b/i, [['is', 'truth'], ['out', 'turns']]],
    ['an optional group is a way with and a way without', /\bi(?: really)? agree\b/i, [['agree', 'i'], ['agree', 'i', 'really']]],
    ['an apostrophe ends a word where sentences are split', /\bi'm done\b/i, [['done', 'i', 'm']]],
    ['a word inside a word is not needed on its own', /\bfrustrat(?:ed|ing)\b/i, [['frustrated'], ['frustrating']]],
    ['a space that may be missing can join two words', /\bnot\s*sure\b/i, [['not notsure']]],
    ['no boundary after a word: only its start', /\bprotect/i, [['protect…']]],
    ['no word, but a mark it must start with', /\?\s*$/, [['?']]],
    ['a way of words or a way of a mark', /\bwhy\b|\?$/, [['?'], ['why']]],
  ])('%s', (_name, pattern, ways) => {
    expect(read(pattern)).toEqual(ways);
  });

  it.each([
    ['any character, and no word start after it', /.{0,20}said\b/i],
    ['a class of letters first', /[a-z]+ly\b/i],
    ['no boundary at the start: it may match inside a word ("unsaid")', /said\b/i],
    ['one way unknown', /\bwhy\b|.\s*$/],
    ['a mark that may be left out', /\??\s*$/],
  ])('%s: nothing is known, the pattern always runs', (_name, pattern) => {
    expect(wordConditions(pattern)).toBeNull();
  });

  it('leaves a group with too many ways through it as it is: its words are still needed', () => {
    const many = new RegExp(String.raw`\b(?:${Array.from({ length: 40 }, (_, i) => `w${i}`).join('|')}) (?:${Array.from({ length: 40 }, (_, i) => `v${i}`).join('|')})\b`, 'i');
    const ways = wordConditions(many)!;
    expect(ways.length).toBeLessThanOrEqual(40);
    // Every way still needs one of the first words and one of the second.
    for (const way of ways) {
      expect(way.some((set) => set.exact.has('w0') || [...set.exact].every((w) => w.startsWith('w')))).toBe(true);
      expect(way.some((set) => [...set.exact].some((w) => w.startsWith('v')))).toBe(true);
    }
  });
});
