// The source of src/core/classifier/word-model.ts, from the counts `npm run train` keeps.
import { packCounts } from '../dist/core/classifier/packed-model.js';

export function wordModelSource(counts, share, temperature) {
  const packed = packCounts(counts);
  return `import { modelFromPacked, type PackedCounts } from './packed-model.js';

/**
 * Naive Bayes over the words of the training corpus: in how many entries of each label each term
 * appears, packed as packed-model.ts describes (terms one a line; counts one character each). Generated
 * by \`npm run train\` (scripts/train-classifier.mjs); do not edit by hand. Blended with the rules
 * in classify.ts.
 */
export const WORD_SHARE = ${share};
export const WORD_TEMPERATURE = ${temperature};

const COUNTS: PackedCounts = {
  examples: ${packed.examples},
  pairs: ${packed.pairs},
  docs: ${JSON.stringify(packed.docs)},
  totals: ${JSON.stringify(packed.totals)},
  terms: ${JSON.stringify(packed.terms)},
  counts: ${JSON.stringify(packed.counts)},
};

export const WORD_MODEL = modelFromPacked(COUNTS);
`;
}
