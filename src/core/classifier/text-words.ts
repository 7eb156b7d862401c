/**
 * The words of a text as the word model and the word categories read them: lower case, curly
 * apostrophes made straight, a word being a letter followed by letters and apostrophes ("i've"
 * is one word). A category word never starts with an apostrophe, so a word straight after one
 * ("'cause") is marked: the categories leave it out. Both read every entry classified, one after
 * the other, so the words of the last text are kept.
 */
export interface TextWords {
  words: readonly string[];
  /** For each word, whether an apostrophe comes straight before it. */
  afterApostrophe: readonly boolean[];
}

// One optional apostrophe before the word, so a word and what precedes it come from one pass.
const WORD = /'?[a-z][a-z']*/g;

let last: { text: string; words: TextWords } | null = null;

export function textWords(text: string): TextWords {
  if (last && last.text === text) return last.words;
  const words: string[] = [];
  const afterApostrophe: boolean[] = [];
  for (const match of text.toLowerCase().replace(/[’‘]/g, "'").match(WORD) ?? []) {
    const quoted = match.charCodeAt(0) === 39;
    words.push(quoted ? match.slice(1) : match);
    afterApostrophe.push(quoted);
  }
  last = { text, words: { words, afterApostrophe } };
  return last.words;
}
