import { suggestActions } from '../core/actions.js';
import type { Classification } from '../core/classifier/classify.js';
import type { AnswerContext } from '../core/classifier/context.js';
import type { Proposal } from '../store/classifications.js';
import { printJsonLine } from '../ui/json.js';

/** One text to classify, what it is read with, and the question to print with it (a --jsonl line's, even an empty one). */
export interface Job {
  text: string;
  context: AnswerContext | null;
  question?: string;
}

/**
 * What a classify run needs of each result, made where it was classified. On 100,000 entries,
 * copying whole results back from the workers and writing them out on the main thread cost as
 * much as classifying: a worker that hands back the finished line or the row to save leaves
 * the main thread only reading and writing.
 */
export const FINISHERS = {
  /** The whole result, for the text output and for callers that read it. */
  classification: (_job: Job, result: Classification): Classification => result,
  /** The line `classify --json` prints. */
  jsonLine: (job: Job, result: Classification): string => classifiedJsonLine(job.text, job.question, result),
  /** What `classify --entries` saves, the evidence as JSON. */
  proposal: (_job: Job, result: Classification): Proposal => ({ label: result.label, confidence: result.confidence, evidence: JSON.stringify(result.evidence) }),
};

export type FinishName = keyof typeof FINISHERS;
export type Finished<F extends FinishName> = ReturnType<(typeof FINISHERS)[F]>;

/** The JSON line for one classified text: its label, confidence, evidence and suggested next steps. */
export function classifiedJsonLine(text: string, question: string | undefined, result: Classification): string {
  const suggestions = suggestActions(result.label, null, () => undefined).map((s) => s.text);
  return printJsonLine({
    text,
    ...(question !== undefined ? { question } : {}),
    label: result.label,
    confidence: result.confidence,
    probabilities: result.probabilities,
    evidence: result.evidence,
    sentence: result.sentence,
    heldBack: result.heldBack,
    suggestions,
  });
}
