#!/usr/bin/env node
// Fits how much each rule counts for each label (multinomial logistic regression with L2,
// plain gradient descent, deterministic) on the TRAINING corpus only, and writes
// src/core/classifier/weights.ts. The held-out corpus is never read here.
import { writeFileSync } from 'node:fs';
import { FEATURES, featureVector, ruleHits } from '../dist/core/classifier/classify.js';
import { LABELS } from '../dist/core/prompt-set.js';
import { evaluate } from '../dist/core/classifier/metrics.js';
import { blend, learnedProbabilities, trainLearned } from '../dist/core/classifier/learned.js';


import { readCorpus } from './corpus.mjs';

const STEPS = 3000;
const RATE = 0.5;

const train = readCorpus('train');
const X = train.map((e) => featureVector(ruleHits(e.text).hits, e.text));
const Y = train.map((e) => LABELS.indexOf(e.label));
const K = LABELS.length;
const F = FEATURES.length;

function fit(rows, l2) {
  const W = Array.from({ length: K }, () => new Array(F).fill(0));
  const b = new Array(K).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const gW = Array.from({ length: K }, () => new Array(F).fill(0));
    const gb = new Array(K).fill(0);
    for (const n of rows) {
      const p = predict(W, b, X[n]);
      for (let k = 0; k < K; k++) {
        const g = p[k] - (Y[n] === k ? 1 : 0);
        gb[k] += g;
        for (let f = 0; f < F; f++) if (X[n][f]) gW[k][f] += g * X[n][f];
      }
    }
    for (let k = 0; k < K; k++) {
      b[k] -= (RATE * gb[k]) / rows.length;
      for (let f = 0; f < F; f++) W[k][f] -= RATE * (gW[k][f] / rows.length + l2 * W[k][f]);
    }
  }
  return { W, b };
}

function predict(W, b, x) {
  const z = W.map((row, k) => b[k] + row.reduce((s, w, f) => s + w * x[f], 0));
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const t = e.reduce((a, c) => a + c, 0);
  return e.map((v) => v / t);
}

// Out-of-fold probabilities (5 folds by position, deterministic) choose the regularisation, the
// word model's share and temperature, and the breakthrough bar, all on entries not trained on.
function outOfFold(l2) {
  const ruleProbs = new Array(X.length);
  const wordModels = new Array(X.length);
  for (let fold = 0; fold < 5; fold++) {
    const rows = X.map((_, n) => n).filter((n) => n % 5 !== fold);
    const { W, b } = fit(rows, l2);
    const words = trainLearned(rows.map((n) => train[n]));
    for (let n = fold; n < X.length; n += 5) {
      ruleProbs[n] = predict(W, b, X[n]);
      wordModels[n] = words;
    }
  }
  return { ruleProbs, wordModels };
}

function blended(ruleProbs, words, text, share, temperature) {
  const asRecord = Object.fromEntries(LABELS.map((l, k) => [l, ruleProbs[k]]));
  const mixed = blend(asRecord, learnedProbabilities(words, text, temperature), share);
  return LABELS.map((l) => mixed[l]);
}

function macroF1(probs) {
  return evaluate(probs.map((p, n) => ({ truth: LABELS[Y[n]], predicted: LABELS[p.indexOf(Math.max(...p))] }))).macroF1;
}

let best = { score: -1 };
for (const l2 of [0.003, 0.01, 0.03]) {
  const { ruleProbs, wordModels } = outOfFold(l2);
  for (const share of [0, 0.2, 0.35, 0.5]) {
    for (const temperature of [0.1, 0.2, 0.3, 0.5]) {
      const probs = ruleProbs.map((p, n) => blended(p, wordModels[n], train[n].text, share, temperature));
      const score = macroF1(probs);
      if (score > best.score) best = { l2, share, temperature, score, probs };
    }
  }
  console.log(`L2 ${l2}: best cross-validated macro-F1 so far ${best.score.toFixed(3)}`);
}
console.log(`chosen: L2 ${best.l2}, word share ${best.share}, temperature ${best.temperature}`);
if (process.argv.includes('--errors')) {
  best.probs.forEach((p, n) => {
    const k = p.indexOf(Math.max(...p));
    if (k !== Y[n]) console.log(`${train[n].id} ${LABELS[Y[n]]} -> ${LABELS[k]} (${p[k].toFixed(2)}): ${train[n].text.slice(0, 150)}`);
  });
}
const { W, b } = fit(X.map((_, n) => n), best.l2);
const probs = best.probs;
const round = (n) => Math.round(n * 1000) / 1000;

// The breakthrough bar: the lowest probability that keeps cross-validated precision at 0.90 or more.
const B = LABELS.indexOf('breakthrough');
let bar = 0.5;
for (let candidate = 0.3; candidate <= 0.9; candidate += 0.01) {
  const predicted = probs.map((p) => p[B] === Math.max(...p) && p[B] >= candidate);
  const tp = predicted.filter((on, n) => on && Y[n] === B).length;
  const fp = predicted.filter((on, n) => on && Y[n] !== B).length;
  if (tp + fp > 0 && tp / (tp + fp) >= 0.9) {
    bar = candidate;
    break;
  }
}

const weights = {
  version: `rules-${new Date().toISOString().slice(0, 10)}`,
  breakthroughBar: round(bar),
  bias: Object.fromEntries(LABELS.map((l, k) => [l, round(b[k])])),
  features: Object.fromEntries(FEATURES.map((f, i) => [f, Object.fromEntries(LABELS.map((l, k) => [l, round(W[k][i])]))])),
};
const wordModel = trainLearned(train);
const roundedWords = Object.fromEntries(
  Object.entries(wordModel.words).map(([word, row]) => [word, Object.fromEntries(Object.entries(row).map(([l, v]) => [l, round(v)]))]),
);
writeFileSync(
  new URL('../src/core/classifier/word-model.ts', import.meta.url),
  `import type { LearnedModel } from './learned.js';

/**
 * Naive Bayes over the words of the training corpus. Generated by \`npm run train\`
 * (scripts/train-classifier.mjs); do not edit by hand. Blended with the rules in classify.ts.
 */
export const WORD_SHARE = ${best.share};\nexport const WORD_TEMPERATURE = ${best.temperature};

export const WORD_MODEL: LearnedModel = ${JSON.stringify({ ...wordModel, words: roundedWords })};
`,
);
const file = new URL('../src/core/classifier/weights.ts', import.meta.url);
writeFileSync(
  file,
  `import type { Label } from '../prompt-set.js';

/**
 * How much each rule counts for each label. Generated by \`npm run train\`
 * (scripts/train-classifier.mjs) from the training corpus only; do not edit by hand.
 */
export interface Weights {
  version: string;
  /** The least probability at which a breakthrough is proposed. */
  breakthroughBar: number;
  bias: Record<Label, number>;
  features: Record<string, Partial<Record<Label, number>>>;
}

export const WEIGHTS: Weights = ${JSON.stringify(weights, null, 2)};
`,
);
console.log(`trained on ${train.length} entries, ${F} features, L2 ${best.l2}, word share ${best.share}, breakthrough bar ${round(bar)}; wrote src/core/classifier/weights.ts`);
