#!/usr/bin/env node
// npm run eval: the classifier on the labelled corpus, per label and overall, on the held-out part
// (never tuned against), separately for plain entries and for answers given in a session (read
// with their question); then what a per-journal model learned from a writer's corrections adds.
import { classify } from '../dist/core/classifier/classify.js';
import { learnedShare, trainLearned } from '../dist/core/classifier/learned.js';
import { evaluate, formatEvaluation } from '../dist/core/classifier/metrics.js';
import { contextOf, inSession, readCorpus } from './corpus.mjs';

const train = readCorpus('train');
const heldout = readCorpus('heldout');
const run = (corpus, options = {}) => evaluate(corpus.map((e) => ({ truth: e.label, predicted: classify(e.text, { ...options, context: contextOf(e) }).label })));
const parts = [
  ['plain entries', heldout.filter((e) => !inSession(e))],
  ['answers given in a session, read with their question', heldout.filter(inSession)],
];

console.log(`Training part: ${train.length} entries (\`npm run train\` prints the leave-one-writer-out figures).\n`);
const results = parts.map(([name, entries]) => {
  const e = run(entries);
  console.log(formatEvaluation(`## Held out: ${name} (${entries.length})`, e));
  return [name, e];
});
// Writers G and H (added 2026-12-01) wrote about trades and places no training writer touched
// (fishing, chaplaincy, esports, trucking, beekeeping, interpreting, funerals, learning to drive):
// how the classifier reads people whose topics it has never seen.
const newTopics = (e) => 'GH'.includes(e.id[0]);
for (const [name, entries] of parts) {
  const e = run(entries.filter(newTopics));
  console.log(`Of the ${name}, the writers on new topics (G, H; ${entries.filter(newTopics).length}): macro-F1 ${e.macroF1.toFixed(3)}, breakthrough precision ${e.perLabel.breakthrough.precision.toFixed(3)}, recall ${e.perLabel.breakthrough.recall.toFixed(3)}.`);
}
console.log('');

const session = parts[1][1];
const alone = run(session.map(({ question, elicits, previous, ...rest }) => rest));
console.log(`The same answers read without their question: macro-F1 ${alone.macroF1.toFixed(3)}, breakthrough precision ${alone.perLabel.breakthrough.precision.toFixed(3)}.\n`);

console.log('## With a per-journal model learned from the writer’s corrections (held out, all)\n');
console.log('| corrections | learned share | macro-F1 | breakthrough precision |');
console.log('|---:|---:|---:|---:|');
for (const n of [0, 20, 100, 500]) {
  const e = run(heldout, n ? { learned: trainLearned(train.slice(0, n)) } : {});
  console.log(`| ${n} | ${learnedShare(n).toFixed(2)} | ${e.macroF1.toFixed(3)} | ${e.perLabel.breakthrough.precision.toFixed(3)} |`);
}
console.log('\nTargets on each held-out part: macro-F1 >= 0.90, breakthrough precision >= 0.93.');
for (const [name, e] of results) {
  const met = e.macroF1 >= 0.9 && e.perLabel.breakthrough.precision >= 0.93;
  console.log(`${met ? 'met' : 'NOT met'}: ${name}: macro-F1 ${e.macroF1.toFixed(3)}, breakthrough precision ${e.perLabel.breakthrough.precision.toFixed(3)}`);
}
