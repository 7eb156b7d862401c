import { cueSignal, hitOf, matches, negatedAt, type Hit, type Signal } from './reading.js';

/**
 * Skill and struggle: doing something better, and being stuck. Told in the grammar of progress
 * (comparatives, "learned to", numbers that measure) or of trouble (feeling words, "again",
 * questions left open), not by what the activity is.
 */

const UNITS = new Set([
  'min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'hrs', 'hr', 'km', 'k', 'miles', 'mile', 'percent', 'times', 'reps', 'kg', 'lbs', 'pages',
  'words', 'seconds', 'secs', 'days', 'weeks', 'x', 'points', 'steps', 'sessions',
]);

const measured: Signal = {
  id: 'measured',
  leans: 'skill',
  why: 'progress you measured ("in 20 minutes", "3 days in a row")',
  fire: (r) => {
    const hits: Hit[] = [];
    r.tokens.forEach((t, i) => {
      if (/^\d/.test(t.word) && (UNITS.has(r.tokens[i + 1]?.word ?? '') || /^\d+(?:k|km|x|min|mins|h)$/.test(t.word))) hits.push(hitOf('measured', { from: i, to: i + 2, sentence: t.sentence }));
    });
    return hits;
  },
};

const BETTER = new Set(['better', 'more', 'less', 'easier', 'faster', 'actually', 'quicker', 'longer', 'twice', 'half']);

/** "if I lay my clothes out the night before, I actually go". */
const tipIf: Signal = {
  id: 'tip-if',
  leans: 'skill',
  why: 'a practical "if I do X, Y goes better"',
  fire: (r) =>
    matches(r, 'tipIf')
      .filter((m) => {
        const s = r.sentences[m.sentence]!;
        for (let i = m.to; i < s.to; i++) if (BETTER.has(r.tokens[i]!.word)) return true;
        return false;
      })
      .map((m) => hitOf('tip-if', m)),
};

/** "!!", or a word in capitals: said strongly. */
const strongWords: Signal = {
  id: 'said-strongly',
  leans: 'challenge',
  why: 'said strongly ("!!", capitals)',
  fire: (r) =>
    r.tokens.flatMap((t, i) => {
      const raw = r.text.slice(t.start, t.end);
      return t.word === '!' || (raw.length >= 3 && /^[A-Z]+$/.test(raw) && raw !== 'OK') ? [hitOf('said-strongly', { from: i, to: i + 1, sentence: t.sentence })] : [];
    }),
};

const openQuestion: Signal = {
  id: 'open-question',
  leans: 'challenge',
  why: 'a question left open ("why do I always…?")',
  fire: (r) => [
    ...matches(r, 'openQuestion').map((m) => hitOf('open-question', m)),
    ...r.sentences.flatMap((s, k) => (r.tokens[s.to - 1]?.word === '?' ? [hitOf('open-question', { from: s.from, to: s.to, sentence: k })] : [])),
  ],
};

const noInsight: Signal = {
  id: 'no-insight',
  leans: 'challenge',
  why: 'says there was no new understanding',
  fire: (r) => [
    ...matches(r, 'noInsight').map((m) => hitOf('no-insight', m)),
    ...matches(r, 'insightVerb').filter((m) => negatedAt(r, m.from)).map((m) => hitOf('no-insight', { ...m, from: Math.max(r.sentences[m.sentence]!.from, m.from - 2) })),
  ],
};

export const DOING_SIGNALS: readonly Signal[] = [
  cueSignal('how-to', 'skill', 'learning how to do something', 'howTo'),
  cueSignal('improvement', 'skill', 'getting better at something ("faster", "for the first time")', 'improvement'),
  measured,
  cueSignal('works', 'skill', 'something that works or helps', 'works'),
  tipIf,
  cueSignal('hard-feeling', 'challenge', 'frustration, worry or hurt', 'negativeFeeling', (r, m) => !negatedAt(r, m.from, 2)),
  cueSignal('stuck', 'challenge', 'being stuck ("nothing works", "keep putting it off")', 'stuck'),
  cueSignal('again', 'challenge', 'the same trouble again', 'again'),
  openQuestion,
  cueSignal('fear-ahead', 'challenge', 'a fear of what might happen', 'fearAhead'),
  cueSignal('try-harder', 'challenge', 'resolving to push harder, with no new understanding', 'tryHarder'),
  noInsight,
  strongWords,
];
