import { describe, expect, it } from 'vitest';
import { parse, prepend, wordsFrom, type FirstWords } from '../../../src/core/classifier/first-words.js';

/** The words any match of the whole pattern can start with: each alternative walked from its start. */
function firstWords(pattern: RegExp): FirstWords | null {
  const alternatives = parse(pattern);
  if (!alternatives) return null;
  const found: FirstWords = { exact: new Set(), prefixes: new Set() };
  for (const alternative of alternatives) {
    const words = wordsFrom(prepend(alternative, null));
    if (!words) return null;
    words.exact.forEach((w) => found.exact.add(w));
    words.prefixes.forEach((p) => found.prefixes.add(p));
  }
  return found;
}

const read = (pattern: RegExp) => {
  const words = firstWords(pattern);
  return words && { exact: [...words.exact].sort(), prefixes: [...words.prefixes].sort() };
};

describe('the words a pattern can start with', () => {
  it.each([
    ['alternatives of words', /\b(?:because|comes from|rooted in)\b/i, ['because', 'comes', 'rooted'], []],
    ['a group inside a word', /\bfrustrat(?:ed|ing)\b/i, ['frustrated', 'frustrating'], []],
    ['an optional letter', /\bparents?\b/i, ['parent', 'parents'], []],
    ['an apostrophe ends a word', /\b(?:i've|didn't) been\b/i, ['didn', 'i'], []],
    ['an optional hyphen', /\bco-?worker\b/i, ['co', 'coworker'], []],
    ['a small class of letters', /\breali[sz]e\b/i, ['realise', 'realize'], []],
    ['a lookahead takes nothing', /\bnot\b(?! sure)/i, ['not'], []],
    ['the start of the sentence', /^(?:huh|wow)[.!]/i, ['huh', 'wow'], []],
    ['a repeated letter: only how it starts', /^oh+[.!]/i, [], ['oh']],
    ['digits', /\b\d+ days\b/, [], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']],
    ['no boundary after the word', /\bprotect/i, [], ['protect']],
    ['a repeat that starts with a space ends the word', /\b(?:i|im)(?: [a-z']+){0,3} only\b/i, ['i', 'im'], []],
    ['capitals are read as lower case', /\bSaid\b/, ['said'], []],
  ])('%s', (_name, pattern, exact, prefixes) => {
    expect(read(pattern)).toEqual({ exact, prefixes });
  });

  it.each([
    ['any character first', /.{0,20}\bsaid\b/i],
    ['a wide class first', /\b[A-Z][a-z]+ said\b/],
    ['a mark first', /\?\s*$/],
    ['one alternative unknown', /\bwhy\b|\?$/],
    ['a pattern that can match nothing', /\b(?:so)?/i],
  ])('%s: no first words, the pattern always runs', (_name, pattern) => {
    expect(firstWords(pattern)).toBeNull();
  });
});
