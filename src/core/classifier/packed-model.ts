import { LABELS, type Label } from '../prompt-set.js';
import type { KnownTerm, LearnedModel, TermCounts } from './learned.js';

/**
 * The counts as the generated word model stores them, to load in a couple of milliseconds: the
 * terms one a line, and their counts (LABELS order, term after term) one character each, the
 * count plus COUNT_OFFSET as a character code. (As JSON, parsing them took 14 ms at every start.)
 */
export interface PackedCounts {
  examples: number;
  pairs: boolean;
  docs: number[];
  /** For each label, its counts summed over all terms. */
  totals: number[];
  terms: string;
  counts: string;
}

export const COUNT_OFFSET = 48;

/** Lookups (terms and pairs) after which the model builds its Maps: about ten entries' worth. */
const INDEX_AFTER = 2000;

export function packCounts(counts: TermCounts): PackedCounts {
  // Sorted, so that a model can look a term up by halving the list (see modelFromPacked).
  const terms = Object.keys(counts.terms).sort();
  const codes = terms.flatMap((term) => counts.terms[term]!.map((n) => n + COUNT_OFFSET));
  let packed = '';
  for (let i = 0; i < codes.length; i += 4096) packed += String.fromCharCode(...codes.slice(i, i + 4096));
  const totals = counts.docs.map((_, k) => terms.reduce((sum, term) => sum + counts.terms[term]![k]!, 0));
  return { examples: counts.examples, pairs: counts.pairs, docs: counts.docs, totals, terms: terms.join('\n'), counts: packed };
}

/**
 * Log probabilities from counts, with add-one smoothing. A term's row is worked out the first
 * time a text uses it: every command that classifies builds this model at start-up, and an
 * entry touches a few dozen of its terms.
 */
export function modelFromPacked(packed: PackedCounts): LearnedModel {
  const width = packed.docs.length;
  const list = packed.terms ? packed.terms.split('\n') : [];
  // packCounts writes the terms sorted, so a term can be found by halving the list: one entry's
  // few hundred lookups cost less that way than building Maps at start-up. Once a run has looked
  // up enough to pay for them, two are built: every term, and each word with the pairs it starts, so
  // a text's word is looked up once and a pair without joining its two words into a new string.
  // Terms not in order get the Maps at once.
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1]! < list[i]!;
  // Typed with `as` so the closures below still see the Maps they may build.
  let index = null as Map<string, number> | null;
  // A word's own term (-1 when only pairs start with it) and the pairs it starts, by second word.
  let byWord = null as Map<string, { own: number; pairs: Map<string, number> | null }> | null;
  const buildIndexes = () => {
    index = new Map(list.map((term, i) => [term, i]));
    byWord = new Map();
    const at = (word: string) => byWord!.get(word) ?? byWord!.set(word, { own: -1, pairs: null }).get(word)!;
    list.forEach((term, i) => {
      const space = term.indexOf(' ');
      if (space < 0) at(term).own = i;
      else {
        const first = at(term.slice(0, space));
        (first.pairs ??= new Map()).set(term.slice(space + 1), i);
      }
    });
  };
  if (!sorted) buildIndexes();
  let lookups = 0;
  // Which text each term was last kept for (see known).
  const keptIn = new Uint32Array(list.length);
  let text = 0;
  const counted = () => {
    if (!index && ++lookups > INDEX_AFTER) buildIndexes();
  };
  const find = (term: string): number | undefined => {
    if (index) return index.get(term);
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = list[middle]!;
      if (at === term) return middle;
      if (at < term) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  };
  // Sorted terms are distinct; a list out of order counts its distinct terms, as its Map does.
  const termCount = index ? index.size : list.length;
  const denominators = packed.totals.map((total) => Math.log(total + termCount + 1));
  const rows: (number[] | undefined)[] = [];
  const rowAt = (i: number) => {
    let row = rows[i];
    if (!row) {
      row = new Array<number>(width);
      for (let k = 0; k < width; k++) row[k] = Math.log(packed.counts.charCodeAt(i * width + k) - COUNT_OFFSET + 1) - denominators[k]!;
      rows[i] = row;
    }
    return row;
  };
  const words: LearnedModel['words'] = {
    get(term) {
      counted();
      const i = find(term);
      return i === undefined ? undefined : rowAt(i);
    },
    getPair(first, second) {
      counted();
      const i = byWord ? byWord.get(first)?.pairs?.get(second) : find(`${first} ${second}`);
      return i === undefined ? undefined : rowAt(i);
    },
    known(textWords) {
      const found: KnownTerm[] = [];
      if (!byWord) {
        // Until a run has looked up enough to build the Maps, word by word and pair by pair.
        const seen = new Set<readonly number[]>();
        const keep = (term: () => string, row: readonly number[] | undefined) => row && !seen.has(row) && (seen.add(row), found.push({ term: term(), row }));
        for (const word of textWords) keep(() => word, words.get(word));
        if (packed.pairs) for (let i = 0; i + 1 < textWords.length; i++) keep(() => `${textWords[i]} ${textWords[i + 1]}`, words.getPair(textWords[i]!, textWords[i + 1]!));
        return found;
      }
      // Each word is looked up once, for its own term and the pairs it starts; a term met twice
      // is kept once, told by the text's number beside it.
      if (++text === 0xffffffff) (text = 1), keptIn.fill(0);
      const entries = textWords.map((word) => byWord!.get(word));
      for (let i = 0; i < textWords.length; i++) {
        const own = entries[i]?.own ?? -1;
        if (own >= 0 && keptIn[own] !== text) (keptIn[own] = text), found.push({ term: textWords[i]!, row: rowAt(own) });
      }
      for (let i = 0; packed.pairs && i + 1 < textWords.length; i++) {
        const pair = entries[i]?.pairs?.get(textWords[i + 1]!);
        if (pair !== undefined && keptIn[pair] !== text) (keptIn[pair] = text), found.push({ term: `${textWords[i]} ${textWords[i + 1]}`, row: rowAt(pair) });
      }
      return found;
    },
  };
  return {
    examples: packed.examples,
    pairs: packed.pairs,
    prior: Object.fromEntries(LABELS.map((l, k) => [l, Math.log((packed.docs[k]! + 1) / (packed.examples + LABELS.length))])) as Record<Label, number>,
    words,
  };
}
