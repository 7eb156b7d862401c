import { LABELS, type Label } from '../prompt-set.js';
import type { LearnedModel, TermCounts } from './learned.js';

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
  // up enough to pay for them, two are built: every term, and pairs by their first word, so a pair
  // is looked up without joining its two words into a new string (most pairs are unknown).
  // Terms not in order get the Maps at once.
  let sorted = true;
  for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1]! < list[i]!;
  // Typed with `as` so the closures below still see the Maps they may build.
  let index = null as Map<string, number> | null;
  let pairs = null as Map<string, Map<string, number>> | null;
  const buildIndexes = () => {
    index = new Map(list.map((term, i) => [term, i]));
    pairs = new Map();
    list.forEach((term, i) => {
      const space = term.indexOf(' ');
      if (space > 0) {
        const first = term.slice(0, space);
        (pairs!.get(first) ?? pairs!.set(first, new Map()).get(first)!).set(term.slice(space + 1), i);
      }
    });
  };
  if (!sorted) buildIndexes();
  let lookups = 0;
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
      const i = pairs ? pairs.get(first)?.get(second) : find(`${first} ${second}`);
      return i === undefined ? undefined : rowAt(i);
    },
  };
  return {
    examples: packed.examples,
    pairs: packed.pairs,
    prior: Object.fromEntries(LABELS.map((l, k) => [l, Math.log((packed.docs[k]! + 1) / (packed.examples + LABELS.length))])) as Record<Label, number>,
    words,
  };
}
