import { LABELS, type Label } from '../prompt-set.js';
import { CATEGORY_NAMES, categoryCounts } from './categories.js';
import { ELICITS, elicitsOf, type AnswerContext } from './context.js';
import { decideInContext } from './decide.js';
import { INSIGHT_RULES, NEGATED_INSIGHT, RULES, STRUGGLE_RULES } from './features.js';
import { blend, leaningLabels, leaningTerms, learnedProbabilities, learnedShare, softmax, type LearnedModel } from './learned.js';
import { RuleIndex } from './rule-index.js';
import { splitSentences, type Sentence } from './sentences.js';
import { WEIGHTS, type Weights } from './weights.js';
import { WORD_MODEL, WORD_SHARE, WORD_TEMPERATURE } from './word-model.js';

// How a label is chosen from the probabilities lives in decide.ts; callers reach it from here.
export { decide, decideInContext } from './decide.js';

/** One rule that fired, where, and how much it counted for the label given. */
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
  /** The rules behind the label, strongest first. */
  evidence: Evidence[];
  /** The sentence that counted most for the label. */
  sentence: string | null;
  /** Why a breakthrough, the likeliest label, was not proposed: below the bar, or no rule of insight behind it. */
  heldBack: 'below-bar' | 'no-reason' | null;
}

interface Hit {
  rule: string;
  why: string;
  sentence: number;
  start: number;
  end: number;
}

/** Rules whose presence in a sentence changes how other rules there are read. */
const DERIVED: Record<string, { leans: Label; why: string }> = {
  'tool-insight': { leans: 'skill', why: 'a realisation about a tool or technique, not about yourself' },
  'tip-insight': { leans: 'skill', why: 'a productivity tip told as a realisation' },
  'owned-external': { leans: 'breakthrough', why: "someone else's view, then your own evidence for it" },
  'reframe-across': { leans: 'breakthrough', why: 'a reframe across two sentences ("Not ambitious. Scared.")' },
  'ends-in-insight': { leans: 'breakthrough', why: 'the entry ends on a new understanding' },
  'ends-in-struggle': { leans: 'challenge', why: 'the entry ends still struggling' },
};

const NEGATION = /\b(?:not|never|isn't|wasn't|aren't|weren't|don't|doesn't|didn't|no longer)\b|n't\b/i;
/** What a sentence NEGATION can match must have: one of these words (as the rule index splits them), or "n't". */
const NEGATION_WORDS = new Set(['not', 'never', 'longer']);
const CONTRACTED_NOT = /n't/i;
const mayNegate = (words: readonly string[], sentence: string) => words.some((w) => NEGATION_WORDS.has(w)) || CONTRACTED_NOT.test(sentence);
const RESTATEMENT = /^(?:it'?s|it is|it was|i'?m|i am|that'?s|just|only|but|it'?s been|[a-z]+ is\.?$|[a-z]+ was\.?$)/i;

export const FEATURES: readonly string[] = [
  ...RULES.map((r) => r.id),
  ...Object.keys(DERIVED),
  ...CATEGORY_NAMES.map((c) => `words:${c}`),
  // What the question listens for: the same words mean more or less after different questions.
  ...ELICITS.map((e) => `asks:${e}`),
];

const RULE_INDEX = new RuleIndex(RULES);

/** Ways of putting a realisation that, in someone else's words ("she says it's really fear"), are their conclusion. */
const ATTRIBUTABLE = ['really-is', 'maybe-self', 'actually-self', 'no-wonder', 'only-when', 'same-as'];

/** The rules that fire in each sentence, after negation and attribution are taken into account. */
export function ruleHits(text: string): { sentences: Sentence[]; hits: Hit[] } {
  const normalised = text.replace(/[’‘]/g, "'");
  const sentences = splitSentences(normalised);
  const hits: Hit[] = [];
  // Whether each sentence may hold a negation, read from the words the rule index split it into.
  const negatable: boolean[] = [];
  sentences.forEach((sentence, index) => {
    const found = new Map<string, Hit>();
    const matches = RULE_INDEX.match(sentence.text);
    negatable.push(mayNegate(RULE_INDEX.words, sentence.text));
    for (const { rule, match } of matches) {
      found.set(rule.id, { rule: rule.id, why: rule.why, sentence: index, start: sentence.start + match.index, end: sentence.start + match.index + match[0].length });
    }
    const whole = { sentence: index, start: sentence.start, end: sentence.start + sentence.text.length };
    // "I didn't realise anything" is the absence of insight, not an insight.
    if (found.has('realise-self') && NEGATED_INSIGHT.test(sentence.text)) {
      found.delete('realise-self');
      if (!found.has('no-insight')) found.set('no-insight', { rule: 'no-insight', why: 'says there was no new understanding', ...whole });
    }
    // Someone else's conclusion: the deep words in it are theirs, not the writer's.
    if (found.has('attribution')) {
      for (const id of ['self-deep', 'realise-self', 'pattern', 'underneath', 'cause-self', 'reframe', 'past-present', 'fear-ahead', ...ATTRIBUTABLE]) found.delete(id);
    }
    // "That I'd fail in front of people who trusted me" names a fear; its deep words are the fear's,
    // not a new understanding, unless the sentence also sees something ("I see now I'm scared...").
    if (found.has('fear-ahead') && !['realise-self', 'underneath', 'reframe', 'past-present', 'cause-self', 'self-function'].some((id) => found.has(id))) {
      found.delete('self-deep');
    }
    // "Finally understood pivot tables", "realised batching email saves an hour": skill, told as insight.
    const deep = found.has('self-deep') || found.has('underneath') || found.has('reframe');
    if (found.has('realise-self') && !deep && (found.has('how-to') || found.has('productivity'))) {
      const derived = found.has('how-to') ? 'tool-insight' : 'tip-insight';
      found.set(derived, { ...found.get('realise-self')!, rule: derived, why: DERIVED[derived]!.why });
      found.delete('realise-self');
    }
    hits.push(...found.values());
  });
  // "Not ambitious. Scared." / "I'm not tired of my friends. I'm tired of performing for them."
  for (let i = 0; i + 1 < sentences.length; i++) {
    const next = sentences[i + 1]!;
    const short = () => next.text.split(/\s+/).length <= 8;
    if (negatable[i] && NEGATION.test(sentences[i]!.text) && (RESTATEMENT.test(next.text) || short()) && !hits.some((h) => h.sentence === i && h.rule === 'attribution')) {
      hits.push({ rule: 'reframe-across', why: DERIVED['reframe-across']!.why, sentence: i + 1, start: sentences[i]!.start, end: next.start + next.text.length });
    }
  }
  // A conclusion someone else drew, then owned with the writer's own words in a later sentence.
  const attributed = hits.filter((h) => h.rule === 'attribution').map((h) => h.sentence);
  if (attributed.length) {
    const owning = hits.find(
      (h) => h.sentence > Math.min(...attributed) && !attributed.includes(h.sentence) && ['owning', 'realise-self', 'self-deep', 'cause-self', 'past-present', 'pattern', 'reframe'].includes(h.rule),
    );
    if (owning) hits.push({ ...owning, rule: 'owned-external', why: DERIVED['owned-external']!.why });
  }
  // Where an entry ends matters: frustration that turns into understanding is a breakthrough.
  const tail = Math.max(0, sentences.length - 2);
  const lastInsight = hits.find((h) => h.sentence >= tail && INSIGHT_RULES.has(h.rule));
  const lastStruggle = hits.find((h) => h.sentence >= tail && STRUGGLE_RULES.has(h.rule));
  if (lastInsight) hits.push({ ...lastInsight, rule: 'ends-in-insight', why: DERIVED['ends-in-insight']!.why });
  if (lastStruggle && !lastInsight) hits.push({ ...lastStruggle, rule: 'ends-in-struggle', why: DERIVED['ends-in-struggle']!.why });
  return { sentences, hits };
}

/** How often each rule fired, counted per sentence and capped at 2: one mention, or a theme. */
export function featureVector(hits: readonly Hit[], text: string, context: AnswerContext | null = null): number[] {
  // Counting stops at two, so a rule's first sentence is all there is to remember.
  const rules = new Array<number>(RULE_FEATURES.length).fill(0);
  const firstSentence = new Array<number>(RULE_FEATURES.length).fill(-1);
  for (const h of hits) {
    const f = RULE_FEATURE_AT.get(h.rule);
    if (f === undefined || rules[f] === 2) continue;
    if (rules[f] === 0) (rules[f] = 1), (firstSentence[f] = h.sentence);
    else if (firstSentence[f] !== h.sentence) rules[f] = 2;
  }
  const elicits = elicitsOf(context);
  return [...rules, ...categoryCounts(text), ...ELICITS.map((e) => (e === elicits ? 1 : 0))];
}

const RULE_FEATURES = FEATURES.filter((f) => !f.startsWith('words:') && !f.startsWith('asks:'));
const RULE_FEATURE_AT = new Map(RULE_FEATURES.map((f, i) => [f, i]));

/** The weights as one row of numbers a label, in FEATURES order, worked out once a set of weights. */
const MATRICES = new WeakMap<Weights, number[][]>();
function matrixOf(weights: Weights): number[][] {
  let rows = MATRICES.get(weights);
  if (!rows) MATRICES.set(weights, (rows = LABELS.map((label) => FEATURES.map((f) => weights.features[f]?.[label] ?? 0))));
  return rows;
}

export function scores(vector: readonly number[], weights: Weights = WEIGHTS): Record<Label, number> {
  const rows = matrixOf(weights);
  const raw = LABELS.map((label, k) => {
    // Summed in the same order as before (features, then the bias), so probabilities match to the last bit.
    let sum = 0;
    for (let i = 0; i < vector.length; i++) sum += vector[i]! * rows[k]![i]!;
    return weights.bias[label] + sum;
  });
  return softmax(raw);
}

export interface ClassifyOptions {
  weights?: Weights;
  /** The question the text answers, when it is an answer in a session (see in-context.ts). */
  context?: AnswerContext | null;
  /** The journal's own model, learned from the writer's corrections. */
  learned?: LearnedModel | null;
}

/** Labels one entry: deterministic, offline, and with the reasons in plain words. */
export function classify(text: string, options: ClassifyOptions = {}): Classification {
  const weights = options.weights ?? WEIGHTS;
  const { sentences, hits } = ruleHits(text);
  // The base: the rules, blended with a word model learned from the training corpus.
  const base = blend(scores(featureVector(hits, text, options.context ?? null), weights), learnedProbabilities(WORD_MODEL, text, WORD_TEMPERATURE), WORD_SHARE);
  // Then this writer's own corrections, once there are enough of them.
  const share = options.learned ? learnedShare(options.learned.examples) : 0;
  const probabilities = share > 0 ? blend(base, learnedProbabilities(options.learned!, text), share) : base;
  const reasons = reasonsFor(hits, text);
  const { label, inContext } = decideInContext(probabilities, weights, reasons, hits, text, options.context);
  const likeliest = LABELS.reduce((a, b) => (probabilities[b] > probabilities[a] ? b : a));
  // Without a margin for words alone, a breakthrough no rule of insight speaks for is never proposed, whatever its probability.
  const wordsMayPropose = weights.wordsOnlyMargin !== undefined;
  const heldBack = likeliest === 'breakthrough' && label !== 'breakthrough' ? (reasons.has('breakthrough') || wordsMayPropose ? 'below-bar' : 'no-reason') : null;
  const weightOf = (rule: string) => (speaksFor(rule, label, weights) ? weights.features[rule]![label]! : 0);
  const seen = new Set<string>();
  const evidence = hits
    .filter((h) => weightOf(h.rule) > 0 && !seen.has(h.rule) && seen.add(h.rule))
    .map((h) => ({ rule: h.rule, why: h.why, span: text.slice(h.start, h.end), start: h.start, end: h.end, weight: round(weightOf(h.rule)) }))
    .sort((a, b) => b.weight - a.weight);
  // The rules that read the words come first, then the words the word model leaned on, and
  // "where the entry ends" last, because it only weighs the others.
  const order = (e: Evidence) => (inContext.some((r) => r.rule === e.rule) ? -1 : e.rule.startsWith('ends-in') ? 2 : e.rule === 'words' ? 1 : 0);
  evidence.push(...wordEvidence(text, label));
  // What the question made of the answer is about the whole answer: no words to point at.
  for (const { rule, why } of inContext) evidence.push({ rule, why, span: '', start: 0, end: 0, weight: 1 });
  evidence.sort((a, b) => order(a) - order(b));
  const bySentence = new Map<number, number>();
  // "Where the entry ends" weighs the other rules; it says nothing about which sentence to quote.
  // An "oh." or "huh." of its own marks the moment; the sentence after it says what was seen.
  const short: (boolean | undefined)[] = [];
  const quoted = (i: number) => (i + 1 < sentences.length && (short[i] ??= (sentences[i]!.text.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 2) ? i + 1 : i);
  for (const h of hits) {
    if (weightOf(h.rule) <= 0 || h.rule.startsWith('ends-in')) continue;
    const at = quoted(h.sentence);
    bySentence.set(at, (bySentence.get(at) ?? 0) + weightOf(h.rule));
  }
  // The realisation, not the set-up before it: in "I always thought I was lazy. I'm not lazy, I'm
  // scared." the second sentence is the moment, so later sentences win close calls.
  const last = Math.max(1, sentences.length - 1);
  const strongest = [...bySentence.entries()].sort((a, b) => b[1] * (1 + (0.25 * b[0]) / last) - a[1] * (1 + (0.25 * a[0]) / last))[0]?.[0];
  return {
    label,
    confidence: round(probabilities[label]),
    probabilities,
    evidence,
    sentence: strongest === undefined ? null : sentences[strongest]!.text,
    heldBack,
  };
}

/**
 * The labels there is a reason to propose: one a rule that fired was written for, or, except
 * for a breakthrough, one a word of the text is strongly tied to in the corpus. A breakthrough's
 * reason is a rule of insight; on its words alone, it must clear the bar by `wordsOnlyMargin`
 * (see decide.ts).
 */
export function reasonsFor(hits: readonly { rule: string }[], text: string, model = WORD_MODEL): Set<Label> {
  const reasons = supportedLabels(hits);
  for (const label of leaningLabels(model, text)) if (label !== 'breakthrough') reasons.add(label);
  return reasons;
}

const LEANS = new Map<string, Label>([...RULES.map((r) => [r.id, r.leans] as const), ...Object.entries(DERIVED).map(([id, d]) => [id, d.leans] as const)]);

/**
 * Whether a rule that fired is a reason for the label, as a writer would read it: it counts for
 * the label, and the label is the one it was written for or the one it counts for most. (A
 * fitted weight can be slightly positive for an unrelated label; that is no reason to show.)
 */
function speaksFor(rule: string, label: Label, weights: Weights): boolean {
  const row = weights.features[rule];
  if (!row || (row[label] ?? 0) <= 0) return false;
  const strongest = LABELS.reduce((a, b) => ((row[b] ?? 0) > (row[a] ?? 0) ? b : a));
  return strongest === label || LEANS.get(rule) === label;
}

/** The labels some rule that fired was written for: the labels there is a reason to show. */
function supportedLabels(hits: readonly { rule: string }[]): Set<Label> {
  const labels = new Set<Label>();
  for (const h of hits) {
    const leans = LEANS.get(h.rule);
    if (leans) labels.add(leans);
  }
  return labels;
}

/**
 * A word as the word model reads it (text-words.ts), found in the text as written so its place is
 * the writer's; global, so one object walks the text (no iterator, no copy).
 */
const WORD = /[a-z][a-z']*/gi;

/** The words and word pairs that lean most towards the label in the corpus, where they are in the text. */
function wordEvidence(text: string, label: Label): Evidence[] {
  const normalised = text.replace(/[’‘]/g, "'");
  const leaning = leaningTerms(WORD_MODEL, normalised, label);
  if (leaning.length === 0) return [];
  // Each term's first place, as whole words: not straight after an apostrophe, and with no
  // apostrophe between the two words of a pair. The text is read word by word until all are placed.
  const wanted = leaning.map(({ term, lean }) => {
    const [first, second] = term.split(' ') as [string, string | undefined];
    return { term, lean, first, second, at: null as { start: number; end: number } | null };
  });
  let left = wanted.length;
  // The word before, kept in plain variables: this walks every word of every entry classified.
  let previous = '';
  let previousStart = -1;
  let previousEnd = -1;
  let previousAfterApostrophe = true;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(normalised); m && left > 0; m = WORD.exec(normalised)) {
    const start = m.index;
    const end = start + m[0].length;
    const afterApostrophe = normalised.charCodeAt(start - 1) === 39;
    // Lowered only when some term is as long: most words are no term's.
    let word: string | null = null;
    for (const w of wanted) {
      if (w.at) continue;
      // A term is a word or a pair of words (the word model has nothing longer).
      if (w.second === undefined) {
        if (!afterApostrophe && w.first.length === end - start && (word ??= m[0].toLowerCase()) === w.first) (w.at = { start, end }), left--;
      } else if (
        !previousAfterApostrophe &&
        previous === w.first &&
        w.second.length === end - start &&
        (word ??= m[0].toLowerCase()) === w.second &&
        !normalised.slice(previousEnd, start).includes("'")
      ) {
        (w.at = { start: previousStart, end }), left--;
      }
    }
    // The word itself is kept only if some pair may start with it.
    previous = wanted.some((w) => w.second !== undefined && w.first.length === end - start) ? (word ?? m[0].toLowerCase()) : '';
    previousStart = start;
    previousEnd = end;
    previousAfterApostrophe = afterApostrophe;
  }
  return wanted.flatMap(({ term, lean, at }) =>
    at ? [{ rule: 'words', why: `words that often go with this label: "${term}"`, span: text.slice(at.start, at.end), start: at.start, end: at.end, weight: round(WORD_SHARE * WORD_TEMPERATURE * lean) }] : [],
  );
}

const round = (n: number) => Math.round(n * 1000) / 1000;
