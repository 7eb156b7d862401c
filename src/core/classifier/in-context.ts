import type { Label } from '../prompt-set.js';
import { ELICITS_WORDS, elicitsOf, type AnswerContext, type Elicits } from './context.js';

/**
 * How the question an answer was given to changes what the answer is. The words are read first,
 * as for any entry; then these readings, each a small named rule with the reason it shows, decide
 * what the question makes of them. They only ever move a label towards what was asked for: a
 * question never makes a breakthrough out of words that show no new understanding.
 */
export interface ContextReading {
  rule: string;
  why: string;
  /** The label the answer is given instead, or null to leave the label alone. */
  label: Label | null;
  /** How far the breakthrough bar moves (negative: easier to clear). */
  barShift: number;
}

export interface WhatFired {
  /** The label the words alone were given. */
  label: Label;
  /** Whether a rule of new understanding fired in the answer (a reframe, then-and-now, a cause in yourself…). */
  insight: boolean;
  /** Whether a fear of what might happen, or frustration, fired. */
  fear: boolean;
  /** Words in the answer. */
  words: number;
  text: string;
}

const NOTHING = /^(?:nothing(?: really| much| yet| new)?|not (?:really|sure|much|yet)|(?:i )?(?:don'?t|dont) know|idk|dunno|no(?:pe)?|none|n\/?a|no idea|same|skip|pass)\b/i;

type Reader = (elicits: Elicits, what: WhatFired, context: AnswerContext) => ContextReading | null;

const reading = (rule: string, why: string, label: Label | null, barShift = 0): ContextReading => ({ rule, why, label, barShift });

/** Each reading, in the order they are tried; the first that applies is used. */
export const CONTEXT_READINGS: readonly Reader[] = [
  // "What do you see now that you did not see?" - "nothing really" is no breakthrough.
  (elicits, what) =>
    elicits === 'insight' && what.words <= 6 && NOTHING.test(what.text.trim()) ? reading('nothing-seen', 'asked what you see now, and nothing yet', 'neutral') : null,
  // A step is never a breakthrough by itself, and not a skill gained either.
  (elicits, what) =>
    elicits === 'plan' && (what.label === 'breakthrough' || what.label === 'skill') ? reading('step-given', 'a step to take: not a realisation by itself', 'neutral') : null,
  // A value or belief named because the question asked for it is neither a skill nor a struggle.
  (elicits, what) =>
    (elicits === 'value' || elicits === 'belief') && !what.insight && (what.label === 'skill' || what.label === 'challenge')
      ? reading('named-as-asked', `${elicits === 'value' ? 'a value' : 'a belief'} named because the question asked for it`, 'neutral')
      : null,
  // A fear named to "what are you afraid of?" is a challenge, unless it shows new understanding.
  (elicits, what) =>
    elicits === 'feeling' && what.fear && !what.insight && what.label !== 'challenge' ? reading('fear-named', 'a fear named, with no new understanding yet', 'challenge') : null,
  // A realisation at the end of a chain of probes is the chain's moment: the bar is a little lower.
  (_elicits, what, context) =>
    (context.previous?.length ?? 0) > 0 && what.insight ? reading('chain-end', 'reached at the end of a chain of questions', null, -0.08) : null,
];

/** What the question makes of the answer, if anything. */
export function readInContext(context: AnswerContext | null | undefined, what: WhatFired): ContextReading | null {
  const elicits = elicitsOf(context);
  if (!context || !elicits) return null;
  for (const read of CONTEXT_READINGS) {
    const found = read(elicits, what, context);
    if (found) return found;
  }
  return null;
}

export { ELICITS_WORDS };
