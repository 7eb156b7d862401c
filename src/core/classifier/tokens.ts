/**
 * An entry as the classifier reads it: lower-cased words with their place in the text, split into
 * sentences. Every signal works on these tokens, so the text is scanned once, not once a rule.
 */
export interface Token {
  /** Lower-cased, curly apostrophes straightened, common apostrophe-less spellings restored. */
  word: string;
  start: number;
  end: number;
  sentence: number;
}

export interface SentenceSpan {
  start: number;
  end: number;
  /** Index of the sentence's first token and one past its last. */
  from: number;
  to: number;
}

export interface Tokens {
  text: string;
  tokens: Token[];
  sentences: SentenceSpan[];
}

// Words (with inner apostrophes), runs of sentence-ending marks, commas and dashes, line breaks.
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[.!?]+|[,;:]|[—–]|\s-\s|\n/gu;

const ENDS_SENTENCE = /^(?:[.!?]+|\n)$/;

/**
 * Spellings people type on phones and in a hurry, read as the words they stand for, so that
 * "im not lazy its fear" reads like "I'm not lazy, it's fear". Only unambiguous ones.
 */
const RESPELL = new Map(
  Object.entries({
    im: "i'm", ive: "i've", dont: "don't", didnt: "didn't", doesnt: "doesn't", cant: "can't", wont: "won't", isnt: "isn't",
    wasnt: "wasn't", arent: "aren't", werent: "weren't", havent: "haven't", hasnt: "hasn't", couldnt: "couldn't",
    shouldnt: "shouldn't", wouldnt: "wouldn't", thats: "that's", its: "it's", youre: "you're", theyre: "they're",
    whats: "what's", theres: "there's", u: 'you', ur: 'your', coz: 'because', cos: 'because', cuz: 'because',
    bc: 'because', becuase: 'because', becasue: 'because', realise: 'realise', realize: 'realise', realized: 'realised',
    realizing: 'realising', realization: 'realisation', recognize: 'recognise', recognized: 'recognised', gonna: 'going',
    wanna: 'want', gotta: 'got', tho: 'though', thru: 'through', rly: 'really', prob: 'probably', prolly: 'probably',
    learnt: 'learned', ok: 'okay',
  }),
);

/** "idk" stands for three words; each keeps the span of the whole. */
const EXPAND = new Map(
  Object.entries({ idk: ['i', "don't", 'know'], dunno: ["don't", 'know'], tbh: ['to', 'be', 'honest'], imo: ['i', 'think'], ngl: ['not', 'going', 'to', 'lie'] }),
);

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const sentences: SentenceSpan[] = [];
  let sentence = 0;
  let from = 0;
  const close = (end: number) => {
    if (tokens.length > from) {
      sentences.push({ start: tokens[from]!.start, end, from, to: tokens.length });
      sentence++;
      from = tokens.length;
    }
  };
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index!;
    const end = start + raw.length;
    if (ENDS_SENTENCE.test(raw)) {
      // The mark itself is part of the sentence ("?" matters); a line break is not.
      if (raw !== '\n' && tokens.length > from) tokens.push({ word: raw[0] === '?' || raw.includes('?') ? '?' : raw[0] === '!' ? '!' : '.', start, end, sentence });
      close(raw === '\n' ? start : end);
      continue;
    }
    const lower = raw.toLowerCase().replace(/’/g, "'");
    const expanded = EXPAND.get(lower);
    if (expanded) {
      for (const word of expanded) tokens.push({ word, start, end, sentence });
      continue;
    }
    const word = raw.trim() === '-' ? '—' : (RESPELL.get(lower) ?? lower);
    tokens.push({ word, start, end, sentence });
  }
  close(text.length);
  return { text, tokens, sentences };
}

/** The text a run of tokens covers. */
export function spanOf(t: Tokens, from: number, to: number): { start: number; end: number; span: string } {
  const start = t.tokens[from]!.start;
  const end = t.tokens[Math.max(from, to - 1)]!.end;
  return { start, end, span: t.text.slice(start, end) };
}
