#!/usr/bin/env node
// npm run eval: the classifier on the labelled corpus, per label and overall, on the training
// part and on the held-out part (never tuned against).
import { classify } from '../dist/core/classifier/classify.js';
import { evaluate, formatEvaluation } from '../dist/core/classifier/metrics.js';
import { readCorpus } from './corpus.mjs';

const showErrors = process.argv.includes('--errors');
for (const part of ['train', 'heldout']) {
  const corpus = readCorpus(part);
  const pairs = corpus.map((e) => ({ truth: e.label, predicted: classify(e.text).label, e }));
  console.log(formatEvaluation(`## ${part} (${corpus.length} entries)`, evaluate(pairs)));
  if (showErrors && part === 'train') {
    for (const p of pairs.filter((p) => p.truth !== p.predicted)) console.log(`${p.e.id} ${p.truth} -> ${p.predicted}: ${p.e.text.slice(0, 160)}`);
  }
}
