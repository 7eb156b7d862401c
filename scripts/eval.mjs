#!/usr/bin/env node
// npm run eval: the classifier on the labelled corpus, per label and overall, on the training
// part and on the held-out part (never tuned against); then what a per-journal model learned
// from a writer's corrections adds, with the training entries standing in for the corrections.
import { classify } from '../dist/core/classifier/classify.js';
import { learnedShare, trainLearned } from '../dist/core/classifier/learned.js';
import { evaluate, formatEvaluation } from '../dist/core/classifier/metrics.js';
import { readCorpus } from './corpus.mjs';

const train = readCorpus('train');
const heldout = readCorpus('heldout');
const run = (corpus, options) => evaluate(corpus.map((e) => ({ truth: e.label, predicted: classify(e.text, options).label })));

console.log(formatEvaluation(`## The classifier on the training part (${train.length} entries)`, run(train)));
console.log('(Fitted on these entries, so near perfect; `npm run train` prints the leave-one-writer-out figure.)\n');
const rules = run(heldout);
console.log(formatEvaluation(`## The classifier on the held-out part (${heldout.length} entries)`, rules));

console.log('## With a per-journal model learned from the writer’s corrections (held-out part)\n');
console.log('| corrections | learned share | macro-F1 | breakthrough precision |');
console.log('|---:|---:|---:|---:|');
console.log(`| 0 | 0 | ${rules.macroF1.toFixed(3)} | ${rules.perLabel.breakthrough.precision.toFixed(3)} |`);
for (const n of [20, 50, 100, 200, train.length]) {
  const learned = trainLearned(train.slice(0, n));
  const e = run(heldout, { learned });
  console.log(`| ${n} | ${learnedShare(n).toFixed(2)} | ${e.macroF1.toFixed(3)} | ${e.perLabel.breakthrough.precision.toFixed(3)} |`);
}
console.log('\nTargets on the held-out part: macro-F1 >= 0.85, breakthrough precision >= 0.90.');
