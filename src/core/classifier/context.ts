/**
 * What an answer was an answer to. The same words read differently after different questions:
 * a fear named to "what are you afraid of?" is a fear, not an insight; a value named to "what
 * matters to you?" is a value, not a skill; a step is never a breakthrough by itself.
 */
import { ELICITS, type Elicits } from '../prompt-set.js';

export { ELICITS, type Elicits };

export interface AnswerContext {
  /** The question as the writer saw it. */
  question?: string;
  /** What the question listens for, as the prompt set declares it; else read from the question. */
  elicits?: Elicits;
  /** The earlier answers of the same chain of questions (a question and its probes), oldest first. */
  previous?: readonly { question?: string; text: string }[];
}

// Checked in order: "what are you afraid might happen" is a feeling question though it asks "what".
const QUESTION_CUES: [Elicits, RegExp][] = [
  ['plan', /\b(?:step|steps|will you do|could you do|going to do|plan|commit|next few days|by when|first move|do differently|action)\b/i],
  ['belief', /\b(?:belie(?:f|fs|ve|ved)|tell(?:ing)? yourself|story you|assum(?:e|ption)|learn(?:ed|t)? to (?:think|believe)|rule you|should you)\b/i],
  ['feeling', /\b(?:afraid|fear|scared|worr(?:y|ied)|feel|feeling|felt|heavy|heavier|weigh|cost you|hurt|angry|upset|dread)\b/i],
  ['value', /\b(?:matters?|value|values|care about|important|want most|really want|need most|what do you want|stand for|proud)\b/i],
  ['insight', /\b(?:see now|notice|noticed|learn(?:ed|t)? about yourself|realis|realiz|understand|really about|underneath|new angle|what changed|different now|insight|see differently|shifted|look like from)\b/i],
];

/** What a question listens for, read from its words when the set does not say. */
export function inferElicits(question: string): Elicits {
  for (const [elicits, pattern] of QUESTION_CUES) if (pattern.test(question)) return elicits;
  return 'fact';
}

/** The context's declared or inferred intent, or null for a plain entry. */
export function elicitsOf(context: AnswerContext | null | undefined): Elicits | null {
  if (!context) return null;
  if (context.elicits) return context.elicits;
  return context.question ? inferElicits(context.question) : null;
}
