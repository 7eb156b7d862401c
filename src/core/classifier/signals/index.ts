import type { Label } from '../../prompt-set.js';
import { ASKED_SIGNALS } from './asked.js';
import { DOING_SIGNALS } from './doing.js';
import { INSIGHT_IDS, INSIGHT_SIGNALS } from './insight.js';
import { OTHER_SIGNALS } from './others.js';
import type { Hit, Reading } from './reading.js';

export { read, type Hit, type Reading } from './reading.js';
export { INSIGHT_IDS } from './insight.js';

/** Readings of how signals combine across sentences: where the entry ends, whose view it is. */
const DERIVED: { id: string; leans: Label; why: string }[] = [
  { id: 'owned-view', leans: 'breakthrough', why: "someone else's view, then your own understanding of it" },
  { id: 'ends-in-insight', leans: 'breakthrough', why: 'it ends on a new understanding' },
  { id: 'ends-in-struggle', leans: 'challenge', why: 'it ends still struggling' },
];

const WORD_SIGNALS = [...INSIGHT_SIGNALS, ...DOING_SIGNALS, ...OTHER_SIGNALS];

/** Every signal, in the order the weights list them: each id, the label it speaks for, its reason. */
export const SIGNALS: readonly { id: string; leans: Label; why: string }[] = [...WORD_SIGNALS, ...ASKED_SIGNALS, ...DERIVED];

export const WHY = new Map(SIGNALS.map((s) => [s.id, s.why]));
export const LEANS = new Map(SIGNALS.map((s) => [s.id, s.leans]));

const STRUGGLE_IDS = new Set(['hard-feeling', 'stuck', 'again', 'open-question', 'fear-ahead', 'try-harder', 'no-insight']);

/** All signals that fire in a reading, after someone else's words are set apart from the writer's. */
export function signalHits(r: Reading): Hit[] {
  let hits = WORD_SIGNALS.flatMap((s) => s.fire(r));
  // In a sentence that reports someone else's conclusion, the deep words are theirs, not the writer's.
  const reported = new Set(hits.filter((h) => h.signal === 'reported-view').map((h) => h.sentence));
  if (reported.size) {
    hits = hits.filter((h) => !(reported.has(h.sentence) && INSIGHT_IDS.has(h.signal) && h.signal !== 'owns-view'));
    const first = Math.min(...reported);
    const owning = hits.find((h) => h.sentence > first && !reported.has(h.sentence) && INSIGHT_IDS.has(h.signal));
    if (owning) hits.push({ ...owning, signal: 'owned-view' });
  }
  const fired = new Set(hits.map((h) => h.signal));
  for (const s of ASKED_SIGNALS) hits.push(...s.fire(r, fired));
  // Where an entry ends matters: frustration that turns into understanding is a breakthrough.
  const tail = Math.max(0, r.sentences.length - 2);
  const lastInsight = hits.find((h) => h.sentence >= tail && INSIGHT_IDS.has(h.signal));
  const lastStruggle = hits.find((h) => h.sentence >= tail && STRUGGLE_IDS.has(h.signal));
  if (lastInsight) hits.push({ ...lastInsight, signal: 'ends-in-insight' });
  else if (lastStruggle) hits.push({ ...lastStruggle, signal: 'ends-in-struggle' });
  return hits;
}
