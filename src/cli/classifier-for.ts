import { classify, type Classification } from '../core/classifier/classify.js';
import type { AnswerContext } from '../core/classifier/context.js';
import { MIN_EXAMPLES, trainLearned } from '../core/classifier/learned.js';
import { WEIGHTS } from '../core/classifier/weights.js';
import type { Label } from '../core/prompt-set.js';
import type { Db } from '../store/journal.js';
import { writerLabelled } from '../store/classifications.js';

/** The model version stored with every proposal, so a later model can tell which are its own. */
export const MODEL_VERSION = WEIGHTS.version;

/** The probability a breakthrough needs before it is proposed. */
export const BREAKTHROUGH_BAR = WEIGHTS.breakthroughBar;

/** The same for an answer given in a session, read with its question. */
export const SESSION_BAR = WEIGHTS.sessionBar ?? WEIGHTS.breakthroughBar;

/**
 * The classifier for this journal: the signals and form model, plus, once the writer has labelled
 * enough entries themselves, a model learned from those labels.
 */
export type Classifier = (text: string, context?: AnswerContext | null) => Classification;

export function classifierFor(db: Db): Classifier {
  return classifierFrom(writerLabelled(db));
}

/** The same, from the writer's labelled entries: what a worker of the classify pool is given. */
export function classifierFrom(labelled: readonly { text: string; label: Label }[]): Classifier {
  const learned = labelled.length >= MIN_EXAMPLES ? trainLearned(labelled) : null;
  return (text, context = null) => classify(text, { learned, context });
}
