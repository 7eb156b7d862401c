import type { Label } from '../prompt-set.js';
import { LABELS } from '../prompt-set.js';
import type { AnswerContext } from './context.js';
import { formText } from './form.js';
import { blend, learnedProbabilities, learnedShare, softmax, type LearnedModel } from './learned.js';
import { INSIGHT_IDS, LEANS, read, signalHits, SIGNALS, WHY, type Hit, type Reading } from './signals/index.js';
import { WEIGHTS, type Weights } from './weights.js';
import { FORM_MODEL, FORM_SHARE, FORM_TEMPERATURE } from './form-model.js';
import { spanOf } from './tokens.js';

/** One signal that fired, where, and how much it counted for the label given. */
export interface Evidence {
  rule: string;
  why: string;
  /** The exact words that matched, and where they are in the entry. */
  span: string;
  start: number;
  end: number;
  weight: number;
}

export interface Classification {
  label: Label;
  /** The model's probability for the label, calibrated on the labelled corpus. */
  confidence: number;
  probabilities: Record<Label, number>;
  /** The signals behind the label, strongest first. */
  evidence: Evidence[];
  /** The sentence that counted most for the label: for a breakthrough, the realisation itself. */
  sentence: string | null;
  /** Why a breakthrough, the likeliest label, was not proposed: below the bar, or no sign of insight behind it. */
  heldBack: 'below-bar' | 'no-reason' | null;
}

export interface ClassifyOptions {
  weights?: Weights;
  /** The journal's own model, learned from the writer's corrections. */
  learned?: LearnedModel | null;
  /** The question the text answers, when it is an answer in a session. */
  context?: AnswerContext | null;
}

export const FEATURES: readonly string[] = SIGNALS.map((s) => s.id);
const FEATURE_INDEX = new Map(FEATURES.map((f, i) => [f, i]));

/** How often each signal fired, counted per sentence and capped at 2: one mention, or a theme. */
export function featureVector(hits: readonly Hit[]): number[] {
  const seen = new Set<string>();
  const vector = new Array<number>(FEATURES.length).fill(0);
  for (const h of hits) {
    const key = `${h.signal}:${h.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const i = FEATURE_INDEX.get(h.signal)!;
    if (vector[i]! < 2) vector[i]!++;
  }
  return vector;
}

export function scores(vector: readonly number[], weights: Weights = WEIGHTS): Record<Label, number> {
  const raw = LABELS.map((label) => {
    let sum = weights.bias[label];
    for (let i = 0; i < vector.length; i++) if (vector[i]) sum += vector[i]! * (weights.features[FEATURES[i]!]?.[label] ?? 0);
    return sum;
  });
  return softmax(raw);
}

/** Everything the classifier derives from the text and its question, before any weights. */
export function readEntry(text: string, context: AnswerContext | null = null): { reading: Reading; hits: Hit[]; form: string } {
  const reading = read(text, context);
  return { reading, hits: signalHits(reading), form: formText(reading) };
}

/** Labels one entry or answer: deterministic, offline, and with the reasons in plain words. */
export function classify(text: string, options: ClassifyOptions = {}): Classification {
  const weights = options.weights ?? WEIGHTS;
  const { reading, hits, form } = readEntry(text, options.context ?? null);
  const base = blend(scores(featureVector(hits), weights), learnedProbabilities(FORM_MODEL, form, FORM_TEMPERATURE), FORM_SHARE);
  // Then this writer's own corrections, once there are enough of them.
  const share = options.learned ? learnedShare(options.learned.examples) : 0;
  const probabilities = share > 0 ? blend(base, learnedProbabilities(options.learned!, text), share) : base;
  const reasons = reasonsFor(hits, reading.elicits);
  const label = decide(probabilities, weights, reasons);
  const likeliest = LABELS.reduce((a, b) => (probabilities[b] > probabilities[a] ? b : a));
  const heldBack = likeliest === 'breakthrough' && label !== 'breakthrough' ? (reasons.has('breakthrough') ? 'below-bar' : 'no-reason') : null;
  return { label, confidence: round(probabilities[label]), probabilities, evidence: evidenceFor(reading, hits, label, weights), sentence: keySentence(reading, hits, label, weights), heldBack };
}

/**
 * The most probable label that has a reason the writer can read: a signal written for it that
 * fired (neutral needs none). A breakthrough must also clear a higher bar, because a false
 * breakthrough cheapens the real ones. A label that fails is passed over for the next.
 */
export function decide(probabilities: Record<Label, number>, weights: Pick<Weights, 'breakthroughBar'> = WEIGHTS, reasons: ReadonlySet<Label> = new Set(LABELS)): Label {
  const ranked = [...LABELS].sort((a, b) => probabilities[b] - probabilities[a]);
  const proposable = (label: Label) => label === 'neutral' || (reasons.has(label) && (label !== 'breakthrough' || probabilities.breakthrough >= weights.breakthroughBar));
  return ranked.find(proposable) ?? 'neutral';
}

/**
 * The labels there is a reason to propose: those a fired signal speaks for. A breakthrough needs
 * a sign of new understanding in the answer itself (the question or the chain alone never make
 * one), and a step given to "what will you do?" is never a breakthrough by itself.
 */
export function reasonsFor(hits: readonly { signal: string }[], elicits: string | null = null): Set<Label> {
  const reasons = new Set<Label>();
  for (const h of hits) {
    const leans = LEANS.get(h.signal);
    if (leans && leans !== 'breakthrough') reasons.add(leans);
  }
  const insight = hits.filter((h) => INSIGHT_IDS.has(h.signal));
  if (insight.length && (elicits !== 'plan' || insight.some((h) => h.signal !== 'reframe'))) reasons.add('breakthrough');
  return reasons;
}

/**
 * Whether a signal is a reason for the label, as a writer would read it: it counts for the
 * label, and the label is the one it was written for or the one it counts for most.
 */
function speaksFor(signal: string, label: Label, weights: Weights): number {
  const row = weights.features[signal];
  const w = row?.[label] ?? 0;
  if (w <= 0) return 0;
  const strongest = LABELS.reduce((a, b) => ((row![b] ?? 0) > (row![a] ?? 0) ? b : a));
  return strongest === label || LEANS.get(signal) === label ? w : 0;
}

function evidenceFor(r: Reading, hits: readonly Hit[], label: Label, weights: Weights): Evidence[] {
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (const h of hits) {
    const weight = speaksFor(h.signal, label, weights);
    if (weight <= 0 || seen.has(h.signal)) continue;
    seen.add(h.signal);
    const { start, end, span } = r.tokens.length ? spanOf(r, h.from, h.to) : { start: 0, end: 0, span: '' };
    evidence.push({ rule: h.signal, why: WHY.get(h.signal)!, span, start, end, weight: round(weight) });
  }
  // The signals that read the words first; where the entry ends and what was asked only weigh them.
  const order = (e: Evidence) => (e.rule.startsWith('ends-in') || e.rule.startsWith('asks-') ? 1 : 0);
  return evidence.sort((a, b) => order(a) - order(b) || b.weight - a.weight);
}

/**
 * The sentence to quote. For a breakthrough, the realisation, not the set-up before it: "I always
 * thought I was lazy. I'm not lazy, I'm scared." quotes the second sentence, so later sentences
 * win close calls.
 */
function keySentence(r: Reading, hits: readonly Hit[], label: Label, weights: Weights): string | null {
  const bySentence = new Map<number, number>();
  for (const h of hits) {
    if (h.signal.startsWith('asks-') || h.signal.startsWith('ends-in') || h.signal.startsWith('chain-') || h.signal === 'short') continue;
    const w = speaksFor(h.signal, label, weights);
    if (w > 0) bySentence.set(h.sentence, (bySentence.get(h.sentence) ?? 0) + w);
  }
  let best = -1;
  let bestScore = 0;
  for (const [sentence, weight] of bySentence) {
    const score = weight * (1 + 0.25 * (sentence / Math.max(1, r.sentences.length - 1)));
    if (score > bestScore || (score === bestScore && sentence > best)) [best, bestScore] = [sentence, score];
  }
  if (best < 0) return null;
  const s = r.sentences[best]!;
  return r.text.slice(s.start, s.end).trim();
}

const round = (n: number) => Math.round(n * 1000) / 1000;
