import type { Label, PromptSet } from './prompt-set.js';
import { fill, refsIn } from './template.js';

export interface Suggestion {
  text: string;
  /** Where it came from: the prompt set's own actions, or reflect's built-in ones. */
  from: 'set' | 'built-in';
}

/** What reflect suggests for each label when the prompt set has nothing (or in addition). */
export const BUILT_IN_ACTIONS: Record<Label, string[]> = {
  breakthrough: [
    'Celebrate it: tell someone you trust what you saw today.',
    'Restate the realisation in one sentence of your own and put it where you will see it tomorrow.',
    'Take one concrete step on it within 48 hours.',
  ],
  skill: ['Note what made it work, and one other place where it could apply.', 'Teach it to someone this week: explaining it fixes it.'],
  challenge: [
    'Ask "how", not "why": how could this be 10% easier this week?',
    'Run the unstuck set on it (reflect session unstuck) instead of turning it over again.',
    'Name the smallest next move that takes under ten minutes, and do it.',
  ],
  external: [
    'Ask yourself: do I agree? What in my own experience supports it, or doesn’t?',
    'Write down one moment this week that would test whether it is true.',
  ],
  neutral: ['Come back to this tomorrow: is there something underneath it?'],
};

/** The set's actions for the label (with {{refs}} filled from the answers), then the built-in ones. */
export function suggestActions(label: Label, set: PromptSet | null, answerText: (id: string) => string | undefined): Suggestion[] {
  // A suggestion that quotes an answer not given ("Write your realisation on a card: …") says nothing.
  const answered = (text: string) => refsIn(text).every(({ id }) => answerText(id)?.trim());
  const fromSet = (set?.actions?.[label] ?? []).filter(answered).map((text) => ({ text: fill(text, answerText), from: 'set' as const }));
  const builtIn = BUILT_IN_ACTIONS[label].map((text) => ({ text, from: 'built-in' as const }));
  const seen = new Set<string>();
  return [...fromSet, ...builtIn].filter((s) => !seen.has(s.text) && seen.add(s.text));
}
