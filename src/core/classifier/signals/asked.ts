import { ELICITS, ELICITS_WORDS } from '../context.js';
import { CUE_WORDS } from '../cues.js';
import { INSIGHT_IDS } from './insight.js';
import { isWord, type Hit, type Reading } from './reading.js';
import type { Label } from '../../prompt-set.js';

/**
 * Signals that come from the question, not the words: what it listens for, and where the answer
 * sits in a chain of probes. They shift the reading; they never make a breakthrough alone.
 */
export interface AskedSignal {
  id: string;
  leans: Label;
  why: string;
  /** `fired` holds the ids of the word signals that fired in the answer. */
  fire(r: Reading, fired: ReadonlySet<string>): Hit[];
}

const whole = (r: Reading, signal: string): Hit[] => [{ signal, from: 0, to: r.tokens.length, sentence: Math.max(0, r.sentences.length - 1) }];

const sawSomething = (fired: ReadonlySet<string>) => [...fired].some((id) => INSIGHT_IDS.has(id));

const LEANS_BY_ELICITS = { insight: 'breakthrough', feeling: 'challenge', value: 'neutral', belief: 'neutral', plan: 'neutral', fact: 'neutral' } as const;

const asks: AskedSignal[] = ELICITS.map((elicits) => ({
  id: `asks-${elicits}`,
  leans: LEANS_BY_ELICITS[elicits],
  why: `an answer to a question about ${ELICITS_WORDS[elicits]}`,
  fire: (r) => (r.elicits === elicits ? whole(r, `asks-${elicits}`) : []),
}));

/** The first content word an answer shares with an earlier answer of its chain. */
export function echoOf(r: Reading): string | null {
  const earlier = new Set((r.context?.previous ?? []).flatMap((p) => p.text.toLowerCase().match(/[\p{L}']{4,}/gu) ?? []));
  for (const t of r.tokens) if (t.word.length >= 4 && isWord(t.word) && !CUE_WORDS.has(t.word) && earlier.has(t.word)) return t.word;
  return null;
}

export const ASKED_SIGNALS: readonly AskedSignal[] = [
  ...asks,
  {
    id: 'named-as-asked',
    leans: 'neutral',
    why: 'a value or belief named because the question asked for it, with no new angle on it',
    fire: (r, fired) => ((r.elicits === 'value' || r.elicits === 'belief') && !sawSomething(fired) ? whole(r, 'named-as-asked') : []),
  },
  {
    id: 'fear-named',
    leans: 'challenge',
    why: 'a fear named, with no new understanding yet',
    fire: (r, fired) => (r.elicits === 'feeling' && (fired.has('fear-ahead') || fired.has('hard-feeling')) && !sawSomething(fired) ? whole(r, 'fear-named') : []),
  },
  {
    id: 'nothing-seen',
    leans: 'neutral',
    why: 'asked what you see now, and nothing yet',
    fire: (r, fired) => (r.elicits === 'insight' && (fired.has('null-answer') || fired.has('no-insight')) ? whole(r, 'nothing-seen') : []),
  },
  {
    id: 'chain-end',
    leans: 'breakthrough',
    why: 'reached at the end of a chain of questions',
    fire: (r, fired) => ((r.context?.previous?.length ?? 0) > 0 && sawSomething(fired) ? whole(r, 'chain-end') : []),
  },
  {
    id: 'chain-echo',
    leans: 'breakthrough',
    why: 'comes back to what you said earlier in the chain',
    fire: (r) => {
      if (!r.context?.previous?.length) return [];
      const word = echoOf(r);
      const at = word ? r.tokens.findIndex((t) => t.word === word) : -1;
      return at >= 0 ? [{ signal: 'chain-echo', from: at, to: at + 1, sentence: r.tokens[at]!.sentence }] : [];
    },
  },
];
