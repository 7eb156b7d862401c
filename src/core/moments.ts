import type { AnswerContext } from './classifier/context.js';
import type { Classification } from './classifier/classify.js';
import { elicitsFor, type Label, type PromptSet } from './prompt-set.js';

/** One answer of a session, with what it answered. */
export interface SessionAnswer {
  id: string;
  questionId: string;
  /** The question or probe exactly as asked. */
  question: string;
  depth: number;
  text: string;
}

export interface Moment extends SessionAnswer {
  proposed: Classification;
}

/** The most moments put forward after a session: more reads as a form to fill in. */
export const MAX_MOMENTS = 3;

/**
 * Each answer's context for the classifier: its question, what the set says that question (or
 * probe) listens for, and the earlier answers of the same chain (a question and its probes).
 */
export function answerContexts(set: PromptSet | null, answers: readonly SessionAnswer[]): Map<string, AnswerContext> {
  const contexts = new Map<string, AnswerContext>();
  for (const a of answers) {
    const question = set?.questions.find((q) => q.id === a.questionId);
    const elicits = question ? elicitsFor(question, a.depth === 0 ? null : a.depth - 1) : undefined;
    const previous = answers.filter((p) => p.questionId === a.questionId && p.depth < a.depth).map((p) => ({ question: p.question, text: p.text }));
    contexts.set(a.id, { question: a.question, ...(elicits ? { elicits } : {}), ...(previous.length ? { previous } : {}) });
  }
  return contexts;
}

/** What most needs the writer's response after a breakthrough: a heavy challenge, someone else's conclusion. */
const NEEDS_RESPONSE: readonly Label[] = ['challenge', 'external'];

/**
 * The session's moments: the clearest breakthrough candidates first, then what most needs a
 * response, at most one a chain (its strongest answer) and MAX_MOMENTS in all. The rest keep the
 * model's label, unconfirmed.
 */
export function pickMoments(answers: readonly Moment[], max = MAX_MOMENTS): Moment[] {
  const strength = (m: Moment) => m.proposed.probabilities[m.proposed.label];
  const rank = (label: Label) => (label === 'breakthrough' ? 0 : NEEDS_RESPONSE.includes(label) ? 1 : 2);
  const candidates = answers
    .filter((m) => rank(m.proposed.label) < 2)
    // Breakthroughs first; then the surest; in a tie the later answer of a chain, where realisations land.
    .sort((a, b) => rank(a.proposed.label) - rank(b.proposed.label) || strength(b) - strength(a) || b.depth - a.depth);
  const chains = new Set<string>();
  const picked: Moment[] = [];
  for (const m of candidates) {
    if (picked.length >= max) break;
    if (chains.has(m.questionId)) continue;
    chains.add(m.questionId);
    picked.push(m);
  }
  return picked;
}
