import { cueSignal, FIRST_PERSON, hitOf, isWord, matches, negatedAt, NEGATIONS, selfIn, type Hit, type Reading, type Signal } from './reading.js';

/**
 * How people say they see something new about themselves: a realisation verb about the self,
 * a contrast that replaces one reading with another, then against now, a pattern, a cause found
 * in oneself, looking underneath. Each reads structure, not subject matter.
 */

const seesSelf: Signal = {
  id: 'sees-self',
  leans: 'breakthrough',
  why: 'a realisation about yourself ("I see now that I…")',
  fire: (r) =>
    matches(r, 'insightVerb')
      .filter((m) => {
        if (negatedAt(r, m.from)) return false;
        const next = r.tokens[m.to]?.word;
        // "figured out how to…" is know-how, not insight.
        if (next === 'how' || next === 'to') return false;
        const s = r.sentences[m.sentence]!;
        return s.to - m.to >= 3 && (selfIn(r, m.sentence, m.to, m.to + 12) >= 0 || selfIn(r, m.sentence, m.from - 2, m.from) >= 0);
      })
      .map((m) => hitOf('sees-self', { ...m, to: Math.min(r.sentences[m.sentence]!.to, m.to + 8) })),
};

const HEDGED_NEGATION = new Set(['sure', 'know', 'really', 'much', 'idea']);

/** "not X but Y", "X, not Y", "it isn't X. it's Y." */
const reframe: Signal = {
  id: 'reframe',
  leans: 'breakthrough',
  why: 'a reframe ("not X but Y", "it was never X, it was Y")',
  fire: (r) => {
    const hits: Hit[] = [];
    const contrasts = matches(r, 'contrast');
    r.sentences.forEach((s, k) => {
      for (let i = s.from; i < s.to; i++) {
        const word = r.tokens[i]!.word;
        if (!NEGATIONS.has(word) || HEDGED_NEGATION.has(r.tokens[i + 1]?.word ?? '')) continue;
        // X, not Y
        if (word === 'not' && i - 2 >= s.from && r.tokens[i - 1]!.word === ',' && i + 1 < s.to) {
          hits.push(hitOf('reframe', { from: s.from, to: Math.min(s.to, i + 4), sentence: k }));
          return;
        }
        const turn = contrasts.find((c) => c.sentence === k && c.from > i + 1 && c.from - i <= 15);
        if (turn) {
          hits.push(hitOf('reframe', { from: i, to: Math.min(s.to, turn.to + 3), sentence: k }));
          return;
        }
        // Across sentences: "Not ambitious. Scared." / "It isn't the job. It's my dad."
        const next = r.sentences[k + 1];
        if (next && !hasNegation(r, next.from, next.to) && (next.to - next.from <= 3 || (next.to - next.from <= 9 && RESTATES.has(r.tokens[next.from]!.word)))) {
          hits.push(hitOf('reframe', { from: i, to: next.to, sentence: k + 1 }));
          return;
        }
      }
    });
    return hits;
  },
};

/** How a short sentence that restates the one before it begins: "It's fear." "Just scared." */
const RESTATES = new Set(["it's", 'it', "i'm", 'just', 'only', 'that', "that's", 'but', 'more', 'actually', 'really', 'because', 'scared', 'afraid', 'fear']);

function hasNegation(r: Reading, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (NEGATIONS.has(r.tokens[i]!.word)) return true;
  return false;
}

/** "it's been ___ing": naming what one has been doing all along. */
const beenDoing: Signal = {
  id: 'been-doing',
  leans: 'breakthrough',
  why: 'naming what you have been doing all along ("I\'ve been apologising for…")',
  fire: (r) =>
    matches(r, 'beenDoing')
      .filter((m) => [0, 1, 2].some((k) => /ing$/.test(r.tokens[m.to + k]?.word ?? '') && r.tokens[m.to + k]!.sentence === m.sentence))
      .map((m) => hitOf('been-doing', { ...m, to: Math.min(r.sentences[m.sentence]!.to, m.to + 6) })),
};

const causeInSelf: Signal = {
  id: 'cause-in-self',
  leans: 'breakthrough',
  why: 'a cause found in yourself ("because I learned…", "that\'s why I")',
  fire: (r) => matches(r, 'causeWord').filter((m) => selfIn(r, m.sentence, m.to, m.to + 8) >= 0).map((m) => hitOf('cause-in-self', { ...m, to: Math.min(r.sentences[m.sentence]!.to, m.to + 6) })),
};

/** "oh." / "huh. it was never…": a moment of seeing, said as it happens. */
const aha: Signal = {
  id: 'aha',
  leans: 'breakthrough',
  why: 'a moment of seeing ("oh.", "it clicked")',
  fire: (r) =>
    matches(r, 'aha')
      .filter((m) => {
        const s = r.sentences[m.sentence]!;
        if (m.to - m.from > 1) return true; // "it clicked", "penny dropped"
        if (m.from !== s.from) return false;
        const rest = s.to - m.to;
        return rest >= 4 || (rest <= 1 && m.sentence + 1 < r.sentences.length);
      })
      .map((m) => hitOf('aha', m)),
};

/** The self next to worth, identity, fear or belonging: what insight is about, whatever the topic. */
const selfDeep: Signal = {
  id: 'self-deep',
  leans: 'breakthrough',
  why: 'yourself next to worth, fear, trust or belonging',
  fire: (r) => matches(r, 'selfWorth').filter((m) => selfIn(r, m.sentence, m.from - 6, m.to + 6) >= 0).map((m) => hitOf('self-deep', m)),
};

export const INSIGHT_SIGNALS: readonly Signal[] = [
  seesSelf,
  reframe,
  cueSignal('really-about', 'breakthrough', 'what it was really about ("it was never about…", "is really…")', 'aboutFrame'),
  cueSignal('really-is', 'breakthrough', 'naming what something really is ("the anger is really grief")', 'reallyIs'),
  cueSignal('then-now', 'breakthrough', 'then and now ("I always thought…", "turns out")', 'thenNow'),
  beenDoing,
  cueSignal('self-pattern', 'breakthrough', 'a pattern in yourself ("every time I…")', 'pattern'),
  causeInSelf,
  cueSignal('underneath', 'breakthrough', 'looking underneath ("deep down", "the real reason")', 'underneath'),
  aha,
  cueSignal('owns-view', 'breakthrough', 'owning a view with your own evidence ("she\'s right: I checked…")', 'owns'),
  cueSignal('resolve', 'breakthrough', 'an urge to act on what you saw ("I\'m done with…")', 'resolve'),
  selfDeep,
];

/** The signals whose firing means the writer may have seen something new. */
export const INSIGHT_IDS: ReadonlySet<string> = new Set(INSIGHT_SIGNALS.filter((s) => s.id !== 'self-deep' && s.id !== 'resolve').map((s) => s.id));

export { FIRST_PERSON, isWord };
