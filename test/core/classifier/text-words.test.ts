import { describe, expect, it } from 'vitest';
import { categoryCounts, CATEGORY_NAMES } from '../../../src/core/classifier/categories.js';
import { textWords } from '../../../src/core/classifier/text-words.js';

describe('the words of a text', () => {
  it.each([
    ['lower case, apostrophes inside a word kept', "I've ALWAYS known", ["i've", 'always', 'known'], [false, false, false]],
    ['curly apostrophes made straight', 'I’m not sure', ["i'm", 'not', 'sure'], [false, false, false]],
    ['a word straight after an apostrophe is marked', "'cause it's ''true", ['cause', "it's", 'true'], [true, false, true]],
    ['digits and marks split words', 'day3 of 10-ish', ['day', 'of', 'ish'], [false, false, false]],
    ['no words', '42 … !!', [], []],
  ])('%s', (_name, text, words, afterApostrophe) => {
    expect(textWords(text)).toEqual({ words, afterApostrophe });
  });

  it('counts a category word once each time it is used, but not straight after an apostrophe', () => {
    const self = CATEGORY_NAMES.indexOf('self');
    expect(categoryCounts('I think I know myself')[self]).toBeCloseTo(Math.log1p(3));
    expect(categoryCounts("'i 'me")[self]).toBe(0);
  });
});
