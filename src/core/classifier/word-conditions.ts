import { parse, prepend, wordsFrom, WORD, type FirstWords, type Piece } from './first-words.js';

/**
 * What a sentence must hold for a pattern to have any chance of matching it, read from the
 * pattern's source: for each way the pattern can match, word sets the sentence must each have a
 * word from. `\b(?:i|me|my)\b.{0,50}\b(?:fear|shame|worth)\b` needs one of "i", "me", "my" AND
 * one of "fear", "shame", "worth"; a sentence with "i" but none of the second set is never run.
 *
 * Each set is the first words (first-words.ts) of what is left of the pattern after a point
 * where a word must start: after `\b`, a space or another mark. The sets are necessary, never
 * sufficient, so skipping a pattern whose sets are not all met is always safe; the pattern itself
 * still decides. A way with no word at all may still need a mark: `\?\s*$` needs a "?", kept as a
 * set of that one mark (the index looks marks up as it does words). Where nothing can be said, the
 * answer is `null`: run always.
 */
export type Way = FirstWords[];

/** Past this many ways, groups are left as they are: the sets stay right, only less sharp. */
const MOST_WAYS = 64;

export function wordConditions(pattern: RegExp): Way[] | null {
  const alternatives = parse(pattern);
  if (!alternatives) return null;
  const ways: Way[] = [];
  for (const sequence of spellOut(alternatives)) {
    const way: Way = [];
    const seen = new Set<string>();
    sequence.forEach((_, k) => {
      // At the start, a match begins where a word does only after \b, ^ or a lookbehind (all the
      // rules start so): /said/ also matches in "unsaid", so it says nothing of first words.
      if (k === 0 ? sequence[0]?.atom.kind !== 'zero' : !startsWord(sequence[k - 1]!)) return;
      const words = wordsFrom(prepend(sequence.slice(k), null));
      const key = words && JSON.stringify([[...words.exact].sort(), [...words.prefixes].sort()]);
      if (words && !seen.has(key!)) seen.add(key!), way.push(words);
    });
    // A way with no word to go by may still need a mark ("?" in `\?\s*$`): a one-character set.
    const mark = way.length === 0 ? firstMark(sequence) : null;
    if (mark) way.push({ exact: new Set([mark]), prefixes: new Set() });
    // A way nothing is known of could match any sentence: so could the pattern.
    if (way.length === 0) return null;
    ways.push(way);
  }
  return ways;
}

/**
 * The pattern's alternatives with each group that is read once (or not at all) spelled out into
 * the ways through it: `\b(?:a|b c)\b` is `\ba\b` or `\bb c\b`, the same matches, but now "b c"
 * is a sequence with a place where a word starts.
 */
function spellOut(alternatives: Piece[][]): Piece[][] {
  let ways = alternatives;
  for (let changed = true; changed; ) {
    changed = false;
    const next: Piece[][] = [];
    for (const [n, way] of ways.entries()) {
      // The first group read once whose ways still fit: a wide one is left as it is, and the next tried.
      const left = ways.length - n - 1 + next.length;
      const at = way.findIndex((p) => p.atom.kind === 'group' && p.max === 1 && left + optionsOf(p).length <= MOST_WAYS);
      if (at < 0) {
        next.push(way);
        continue;
      }
      for (const option of optionsOf(way[at]!)) next.push([...way.slice(0, at), ...option, ...way.slice(at + 1)]);
      changed = true;
    }
    ways = next;
  }
  return ways;
}

/** The mark (not a letter or digit) a way must match first, after anything that takes no characters. */
function firstMark(sequence: Piece[]): string | null {
  const first = sequence.find((piece) => piece.atom.kind !== 'zero');
  if (!first || first.min < 1 || first.atom.kind !== 'char' || WORD.test(first.atom.char)) return null;
  return first.atom.char;
}

/** The ways through a group: its alternatives, and nothing at all if it may be left out. */
const optionsOf = (piece: Piece): Piece[][] => (piece.atom.kind === 'group' ? [...piece.atom.alternatives, ...(piece.min === 0 ? [[]] : [])] : []);

/**
 * Whether a word starts right after this piece, if a letter follows: after a word boundary (or
 * the end), or after a mark such as a space or an apostrophe, which also ends a word where the
 * classifier splits words. A repeat that may match nothing says nothing.
 */
function startsWord(piece: Piece): boolean {
  if (piece.min < 1) return false;
  const { atom } = piece;
  if (atom.kind === 'zero') return atom.ends;
  if (atom.kind === 'char') return !WORD.test(atom.char);
  if (atom.kind === 'class') return atom.chars !== null && atom.chars.every((c) => !WORD.test(c));
  return false;
}
