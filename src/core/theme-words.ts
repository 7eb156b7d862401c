import { CATEGORIES } from './classifier/categories.js';

/**
 * The words a theme is made of, read from an entry's own text: letters only (any script), lowercase,
 * English function words dropped. No list of topics: what a writer keeps coming back to is found
 * by comparing their challenges with the rest of their own writing (loops.ts).
 */

/** English function words and fillers that carry no theme. Grammar, not subject matter. */
const STOPWORDS = new Set(
  (
    "a about above after again against all almost also although am an and another any anyone anything are aren't around as at " +
    "be because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't " +
    "done down during each either else enough even ever every everyone everything few for from further get gets getting got gotten " +
    "had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's however i " +
    "i'd i'll i'm i've if in into is isn't it it's its itself just let let's like made make makes may maybe me might mine more most " +
    "much must mustn't my myself neither never no nobody none nor not nothing now of off often on once one only onto or other others " +
    "ought our ours ourselves out over own per quite rather really same shall shan't she she'd she'll she's should shouldn't since so " +
    "some somebody someone something sometimes still such than that that's the their theirs them themselves then there there's these " +
    "they they'd they'll they're they've thing things this those though through thus till to too toward towards under until up upon " +
    "us very via was wasn't we we'd we'll we're we've were weren't what what's whatever when when's where where's whether which while " +
    "who who's whoever whom whose why why's will with within without won't would wouldn't yes yet you you'd you'll you're you've your " +
    "yours yourself yourselves"
  ).split(' '),
);

/**
 * How a challenge is felt and said (the classifier's LIWC-like categories: "dread", "stuck",
 * "because", "should", "realise") is no theme: a loop names what keeps coming back, not the
 * feeling of it. People ("mum", "friend") stay, as they often are the theme.
 */
const EXPRESSION = new Set([
  ...Object.entries(CATEGORIES)
    .filter(([name]) => name !== 'others' && name !== 'self')
    .flatMap(([, c]) => [...c.words]),
  // How any recurring trouble is told, whatever it is about.
  ...'stuck keep keeps kept keeping try tries tried trying feel feels felt feeling think thought want wanted need needed wish'.split(' '),
]);

/** Longer runs of letters are not words (unspaced scripts, pasted strings): no theme is read from them. */
const MAX_WORD = 24;
const MIN_WORD = 3;

/** In a word sequence, a place no phrase spans: a stopword, a short word, punctuation. */
export const BREAK = -1;

/** Runs of what is not a letter or apostrophe, kept by split() as the gaps between words. */
const GAP = /([^\p{L}'’]+)/u;
const SENTENCE_END = /[.!?:;\n]/;
const SPACES = /^[ \t]+$/;
/** Scripts written without spaces between words: a run of their letters is a clause, not a word, so no term is read from it. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Reads texts into sequences of word ids, one id per distinct lowercase word across all of them.
 * Ids, not strings: this runs over every challenge in a year of writing, and each later step
 * (counting, pairing, folding) is then an array index instead of a string built and hashed.
 */
export interface WordReader {
  /** The content words in order, BREAK where a phrase may not span. With `cased`, how each word is cased mid-sentence is noted for `shown`. */
  read(text: string, cased?: boolean): number[];
  word(id: number): string;
  /** The form the writer used most mid-sentence in the `cased` texts ("Sam" stays a name); lowercase unless a cased form wins. */
  shown(id: number): string;
  id(word: string): number | undefined;
  readonly size: number;
}

export function wordReader(): WordReader {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const lowerSeen: number[] = [];
  const casedSeen = new Map<number, Map<string, number>>();
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      const usable = word.length >= MIN_WORD && word.length <= MAX_WORD && !STOPWORDS.has(word) && !EXPRESSION.has(word) && !word.includes("'") && !UNSPACED.test(word);
      id = usable ? words.push(word) - 1 : BREAK;
      ids.set(word, id);
    }
    return id;
  };
  return {
    read(text, cased = false) {
      const out: number[] = [];
      const parts = text.split(GAP);
      let sentenceStart = true;
      for (let i = 0; i < parts.length; i += 2) {
        const gap = i > 0 ? parts[i - 1]! : '';
        const spaced = gap === ' ' || SPACES.test(gap);
        if (!spaced && SENTENCE_END.test(gap)) sentenceStart = true;
        let raw = parts[i]!;
        if (raw === '') continue;
        if (!spaced && out.length && out[out.length - 1] !== BREAK) out.push(BREAK);
        const first = sentenceStart;
        sentenceStart = false;
        // Quotes made of apostrophes are not part of the word; "Sam's budget" is about Sam.
        if (raw.includes('’')) raw = raw.replace(/’/g, "'");
        if (raw.includes("'")) {
          raw = raw.replace(/^'+|'+$/g, '');
          if (raw.toLowerCase().endsWith("'s") && !STOPWORDS.has(raw.toLowerCase())) raw = raw.slice(0, -2);
        }
        const lower = raw.toLowerCase();
        const id = idOf(lower);
        if (id === BREAK) {
          if (out.length && out[out.length - 1] !== BREAK) out.push(BREAK);
          continue;
        }
        out.push(id);
        if (cased && !first) {
          if (raw === lower) lowerSeen[id] = (lowerSeen[id] ?? 0) + 1;
          else {
            let forms = casedSeen.get(id);
            if (!forms) casedSeen.set(id, (forms = new Map()));
            forms.set(raw, (forms.get(raw) ?? 0) + 1);
          }
        }
      }
      if (out[out.length - 1] === BREAK) out.pop();
      return out;
    },
    word: (id) => words[id]!,
    shown(id) {
      let best = words[id]!;
      let most = lowerSeen[id] ?? 0;
      for (const [form, count] of casedSeen.get(id) ?? []) if (count > most) [best, most] = [form, count];
      return best;
    },
    id: (word) => {
      const id = ids.get(word);
      return id === undefined || id === BREAK ? undefined : id;
    },
    get size() {
      return words.length;
    },
  };
}

/**
 * A light plural fold over a vocabulary: "budgets" reads as "budget" and "boxes" as "box", but
 * only when the writer also used the singular, so "news" and "always" stay as they are.
 */
export function pluralFold(vocabulary: { has(word: string): boolean }): (word: string) => string {
  return (word) => {
    // Short words are left alone: "news" is not the plural of "new".
    if (word.length < 5 || !word.endsWith('s') || word.endsWith('ss')) return word;
    const bare = word.slice(0, -1);
    if (vocabulary.has(bare)) return bare;
    if (word.endsWith('es') && vocabulary.has(word.slice(0, -2))) return word.slice(0, -2);
    if (word.endsWith('ies') && vocabulary.has(`${word.slice(0, -3)}y`)) return `${word.slice(0, -3)}y`;
    return word;
  };
}
