import type { Label } from '../prompt-set.js';
import { elicitsOf, type AnswerContext, type Elicits } from './context.js';

/**
 * How the question an answer was given to changes what the answer is. The words are read first,
 * as for any entry; then these readings, each a small named rule with the reason it shows, decide
 * what the question makes of them. A question never makes a breakthrough out of words that show
 * no new understanding: it can lower the bar for one, or set a label aside, but only when a rule of
 * insight fired in the answer itself.
 */
export interface WhatFired {
  /** Whether a rule of new understanding fired in the answer (a reframe, then-and-now, a cause in yourself…). */
  insight: boolean;
  /** Whether a fear of what might happen, or frustration, fired. */
  fear: boolean;
  /** Whether a rule of struggle (frustration, stuck, a question left open…) or someone else's view fired. */
  struggle: boolean;
  /** Words in the answer. */
  words: number;
  text: string;
  /** Whether the question asks what the writer fears ("what are you afraid might happen?"). */
  asksFear: boolean;
  /** Whether a breakthrough is the likeliest label, on the rules and the words together. */
  likeliestBreakthrough: boolean;
}

const ASKS_FEAR = /\b(?:afraid|fear|scared|worst|might happen|worr(?:y|ied)|dread)/i;

/** Whether a question asks for a fear. */
export const asksFear = (question: string | undefined): boolean => ASKS_FEAR.test(question ?? '');

/** Before the label is decided: how far the breakthrough bar moves, and labels set aside. */
export interface Shift {
  rule: string;
  why: string;
  barShift: number;
  exclude: readonly Label[];
}

/** After: the label the answer is given instead. */
export interface Relabel {
  rule: string;
  why: string;
  label: Label;
}

// The whole answer, or its first clause ("nothing really, just tired"); not "None of it was mine".
const NOTHING = /^(?:nothing(?: really| much| yet| new)?|not (?:really|sure|much|yet)|not sure yet|(?:i )?(?:don'?t|dont) know|idk|dunno|nope|none|n\/?a|no idea)(?=\s*(?:[,.!;]|$))/i;

const saysNothing = (what: WhatFired) => what.words <= 6 && NOTHING.test(what.text.trim());

type Shifter = (elicits: Elicits, what: WhatFired, context: AnswerContext) => Shift | null;
type Relabeller = (elicits: Elicits, what: WhatFired & { label: Label }) => Relabel | null;

export const SHIFTS: readonly Shifter[] = [
  // A realisation at the end of a chain of probes is the chain's moment, however plainly put:
  // the chain is what makes "its always been the gang" a realisation.
  (_e, what, context) =>
    (context.previous?.length ?? 0) > 0 && (what.insight || what.likeliestBreakthrough) ? { rule: 'chain-end', why: 'reached at the end of a chain of questions', barShift: -0.08, exclude: [] } : null,
  // "What do you see now?" asks for insight: an answer that shows it needs less to be believed.
  (elicits, what) =>
    elicits === 'insight' && what.insight ? { rule: 'asked-to-see', why: 'an answer to "what do you see now?" that sees something', barShift: -0.08, exclude: [] } : null,
  // (There was a third, for "where did you learn that?": the people in a belief answer that sees
  // something are where the belief came from, so external was set aside. Across writers it cost
  // answers 1.5 points of macro-F1: in the corpus such answers are as often someone else's verdict.)
];

export const RELABELS: readonly Relabeller[] = [
  // "What do you see now that you did not see?" - "nothing really" is no breakthrough.
  (elicits, what) => (elicits === 'insight' && saysNothing(what) ? { rule: 'nothing-seen', why: 'asked what you see now, and nothing yet', label: 'neutral' } : null),
  // A step is never a breakthrough by itself, nor a skill gained; a struggle or someone else's view in it stands.
  (elicits, what) =>
    elicits === 'plan' && what.label !== 'neutral' && !(what.struggle && (what.label === 'challenge' || what.label === 'external'))
      ? { rule: 'step-given', why: 'a step to take: not a realisation by itself', label: 'neutral' }
      : null,
  // A value or belief named because the question asked for it is neither a skill nor a struggle;
  // but "can't think about beliefs, four nights in a row" answers with a struggle, and stays one.
  (elicits, what) =>
    (elicits === 'value' || elicits === 'belief') && !what.insight && (what.label === 'skill' || (what.label === 'challenge' && !what.struggle))
      ? { rule: 'named-as-asked', why: `${elicits === 'value' ? 'a value' : 'a belief'} named because the question asked for it`, label: 'neutral' }
      : null,
  // A fear named to "what are you afraid of?" is a challenge, unless it shows new understanding.
  // Someone else in the fear ("that my brother would stop talking to me") does not make it their
  // verdict: external stands only where a rule of someone else's view fired, not on words alone.
  (elicits, what) =>
    elicits === 'feeling' &&
    !what.insight &&
    !saysNothing(what) &&
    (what.label === 'neutral' || what.label === 'skill' || (what.label === 'external' && !what.struggle)) &&
    (what.fear || (what.asksFear && what.words >= 2))
      ? { rule: 'fear-named', why: 'a fear named, with no new understanding yet', label: 'challenge' }
      : null,
];

/** What the question does before the label is decided: all shifts that apply, together. */
export function shiftsFor(context: AnswerContext | null | undefined, what: WhatFired): Shift[] {
  const elicits = elicitsOf(context);
  if (!context || !elicits) return [];
  return SHIFTS.flatMap((shift) => shift(elicits, what, context) ?? []);
}

/** What the question makes of the label the words were given: the first relabelling that applies. */
export function relabelFor(context: AnswerContext | null | undefined, what: WhatFired & { label: Label }): Relabel | null {
  const elicits = elicitsOf(context);
  if (!context || !elicits) return null;
  for (const relabel of RELABELS) {
    const found = relabel(elicits, what);
    if (found) return found;
  }
  return null;
}
