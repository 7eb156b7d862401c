import { describe, expect, it } from 'vitest';
import { BREAK, pluralFold, wordReader } from '../../src/core/theme-words.js';

describe('theme words', () => {
  const read = (text: string) => {
    const reader = wordReader();
    const words = reader.read(text).map((id) => (id === BREAK ? '|' : reader.word(id)));
    return { words };
  };

  it.each([
    ['letters of any script; stopwords, short words and punctuation break phrases', 'Sam’s café: budget review, über-menu! I do it.', ['sam', 'café', '|', 'budget', 'review', '|', 'über', '|', 'menu']],
    ['how a challenge is felt or said is no theme, the people in it are', 'I dread the review because I should be stuck with mum, I keep trying', ['review', '|', 'mum']],
    ['only stopwords give nothing', 'It is what it is, and so on.', []],
    ["possessives and quotes read as the word", "'Sam's' mood", ['sam', 'mood']],
    ['unspaced scripts give no words', '予算の見直し, budget', ['budget']],
  ])('reads %s', (_name, text, expected) => {
    expect(read(text).words).toEqual(expected);
  });

  it('shows a word as most often cased mid-sentence, in the texts read for case', () => {
    const reader = wordReader();
    reader.read('Budget talk with Sam. Sam again, SAM.', true);
    reader.read('Sam, sam, sam and the budget', false);
    reader.read('Avoided Sam and the budget', true);
    expect(['budget', 'sam', 'talk', 'avoided'].map((w) => reader.shown(reader.id(w)!))).toEqual(['budget', 'Sam', 'talk', 'avoided']);
  });

  it.each([
    ['budgets', ['budget', 'budgets'], 'budget'],
    ['news', ['news', 'new'], 'news'],
    ['always', ['always'], 'always'],
    ['boxes', ['box', 'boxes'], 'box'],
    ['worries', ['worry', 'worries'], 'worry'],
    ['glass', ['glass', 'glas'], 'glass'],
  ])('folds %s only when the singular is also used', (word, vocabulary, expected) => {
    expect(pluralFold(new Set(vocabulary))(word)).toBe(expected);
  });
});
