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

/** Longer runs of letters are not words (unspaced scripts, pasted strings): no theme is read from them. */
const MAX_WORD = 24;
const MIN_WORD = 3;

/** One word as written: `word` lowercased and folded, `shown` as the writer cased it (null at a sentence start, where case says nothing). */
export interface Token {
  word: string;
  shown: string | null;
  /** Whether it follows the previous token with only spaces between: the two may form a phrase. */
  joined: boolean;
}

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
/** Scripts written without spaces between words: a run of their letters is a clause, not a word, so no term is read from it. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** The content words of a text, in order; stopwords and short words leave a gap no phrase spans. */
export function contentTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let end = 0;
  let sentenceStart = true;
  let adjacent = false;
  for (const match of text.matchAll(WORD)) {
    const gap = text.slice(end, match.index);
    end = match.index + match[0].length;
    if (/[.!?:;\n]/.test(gap)) sentenceStart = true;
    const spaced = /^[ \t]+$/.test(gap);
    let raw = match[0].replace(/’/g, "'");
    const lower = raw.toLowerCase();
    const first = sentenceStart;
    sentenceStart = false;
    if (STOPWORDS.has(lower)) {
      adjacent = false;
      continue;
    }
    // "Sam's budget" is about Sam.
    if (lower.endsWith("'s")) raw = raw.slice(0, -2);
    const word = raw.toLowerCase();
    if (word.length < MIN_WORD || word.length > MAX_WORD || word.includes("'") || STOPWORDS.has(word) || UNSPACED.test(word)) {
      adjacent = false;
      continue;
    }
    tokens.push({ word, shown: first ? null : raw, joined: adjacent && spaced });
    adjacent = true;
  }
  return tokens;
}

/**
 * A light plural fold over a vocabulary: "budgets" reads as "budget" and "boxes" as "box", but
 * only when the writer also used the singular, so "news" and "always" stay as they are.
 */
export function pluralFold(vocabulary: ReadonlySet<string>): (word: string) => string {
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
