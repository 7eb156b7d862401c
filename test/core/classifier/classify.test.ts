import { describe, expect, it } from 'vitest';
import { WEIGHTS } from '../../../src/core/classifier/weights.js';
import { classify, decide, reasonsFor, ruleHits } from '../../../src/core/classifier/classify.js';
import { MAX_LEARNED_SHARE, MIN_EXAMPLES, learnedShare, trainLearned } from '../../../src/core/classifier/learned.js';
import { evaluate } from '../../../src/core/classifier/metrics.js';

describe('the hard cases the classifier must get right', () => {
  it.each([
    ['a reframe', "It isn't about the job offer, it's my fear of repeating past mistakes.", 'breakthrough'],
    ['then-and-now understanding about values', "Being trusted matters more to me than being promoted. I've been treating the promotion as the goal when it's the trust I care about.", 'breakthrough'],
    ['negation', "I didn't realise anything new today. Just tired and behind on everything.", 'challenge'],
    ['insight words about a tool', 'Finally understood how pivot tables work.', 'skill'],
    ['a productivity tip told as a realisation', 'I realised batching email saves me an hour a day.', 'skill'],
    ['a minor skill gain', "I've improved my time management.", 'skill'],
    ["someone else's conclusion", "My coach told me I'm afraid of failure.", 'external'],
    [
      "someone else's conclusion, owned with the writer's own evidence",
      "My therapist said I avoid conflict. I didn't believe her, but looking at last week, I agreed to three things I didn't want. She's right, and I think it's because I learnt early that anger wasn't safe.",
      'breakthrough',
    ],
    ['frustration', 'So tired of fighting with my manager. Nothing I try works.', 'challenge'],
    [
      'frustration that ends in a realisation',
      "So frustrated with my manager again, rewriting the deck for the third time. Then it hit me: I keep rewriting because I'm terrified she'll see I don't belong here. It was never about the slides.",
      'breakthrough',
    ],
    ['an everyday event', 'Went to the market, then cooked dinner with Sam.', 'neutral'],
    ['a fear of what might happen, named in answer to a question', "That I'd fail in front of people who trusted me", 'challenge'],
    ['a plain next step, typed as an answer', 'Ask Dana for 30 minutes about what the role really needs', 'neutral'],
    ['a fear that turns into understanding', "I'm scared I'll fail them. Underneath that, I see now that I've tied my worth to never letting anyone down.", 'breakthrough'],
  ])('%s', (_case, text, label) => {
    expect(classify(text).label).toBe(label);
  });
});

describe('what a label needs before it is proposed', () => {
  const probabilities = { breakthrough: 0.8, skill: 0.05, challenge: 0.1, external: 0.03, neutral: 0.02 };
  const bar = { breakthroughBar: 0.7, bias: {} as never, features: {}, version: 'test' };

  it.each([
    ['a likely breakthrough with a rule of insight behind it', ['breakthrough', 'challenge'], 'breakthrough'],
    ['a likely breakthrough with no rule of insight: the next label with a reason', ['challenge'], 'challenge'],
    ['nothing to point to: neutral, which needs no reason', [], 'neutral'],
  ] as const)('%s', (_case, reasons, expected) => {
    expect(decide(probabilities, bar, new Set(reasons))).toBe(expected);
  });

  it('proposes a breakthrough on its words alone only well above the bar, when the model allows it at all', () => {
    const wordsOnly = { ...bar, wordsOnlyMargin: 0.15 };
    expect(decide({ ...probabilities, breakthrough: 0.9, challenge: 0.05 }, wordsOnly, new Set(['challenge']))).toBe('breakthrough');
    expect(decide(probabilities, wordsOnly, new Set(['challenge']))).toBe('challenge');
    expect(decide({ ...probabilities, breakthrough: 0.9, challenge: 0.05 }, bar, new Set(['challenge']))).toBe('challenge');
  });

  it('says a breakthrough it held back was below the bar, once words alone may carry one', () => {
    const texts = ['That I care about being present more than being productive', 'Being respected for real work, not for a title', 'my dad never took a day off either'];
    const held = texts.map((text) => classify(text)).filter((r) => r.heldBack);
    expect(held.length).toBeGreaterThan(0);
    for (const r of held) {
      expect(r.heldBack).toBe('below-bar');
      expect(r.probabilities.breakthrough).toBeLessThan(WEIGHTS.breakthroughBar);
    }
  });

  it('holds back a breakthrough below the bar even with a reason', () => {
    expect(decide({ ...probabilities, breakthrough: 0.6, challenge: 0.3 }, bar, new Set(['breakthrough', 'challenge']))).toBe('challenge');
  });

  it('takes rules of insight as reasons for a breakthrough, but never word choice alone', () => {
    const reasons = (text: string) => reasonsFor(ruleHits(text).hits, text);
    expect(reasons("I always thought I was lazy, but I'm scared of failing.").has('breakthrough')).toBe(true);
    expect(reasons('Went to the market, then cooked dinner with Sam.').has('breakthrough')).toBe(false);
    expect(reasons('So tired of fighting with my manager.')).toContain('challenge');
  });

  it('proposes nothing but neutral for words that give no reason ("Whether to take the team lead role")', () => {
    const result = classify('Whether to take the team lead role');
    expect(result.label).toBe('neutral');
  });
});

describe('a classification', () => {
  const text = "For years I thought I was lazy. Underneath, I was afraid that trying and failing would prove I'm not enough.";
  const result = classify(text);

  it('gives a calibrated confidence and probabilities that sum to one', () => {
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(Object.values(result.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('shows its evidence as exact spans of the text, each with the rule in plain words', () => {
    expect(result.evidence.length).toBeGreaterThan(0);
    for (const e of result.evidence) {
      expect(text.slice(e.start, e.end)).toBe(e.span);
      expect(e.why.length).toBeGreaterThan(10);
      expect(e.weight).toBeGreaterThan(0);
    }
    expect(result.evidence.map((e) => e.rule)).toEqual(expect.arrayContaining(['past-present', 'underneath']));
  });

  it('names the sentence that counted most', () => {
    expect(result.sentence!.length).toBeGreaterThan(10);
    expect(text).toContain(result.sentence!);
  });

  it('quotes the realisation, not the set-up sentence before it', () => {
    const r = classify("I always thought I was lazy. I'm not lazy, I'm scared of being seen trying and failing.");
    expect(r.label).toBe('breakthrough');
    expect(r.sentence).toBe("I'm not lazy, I'm scared of being seen trying and failing.");
  });

  it('quotes what was seen, not the "oh." before it', () => {
    const r = classify("My dad. He never let anyone see him not know something. oh. I've been running his rule my whole life", { context: { question: 'Where did you first learn to believe that?', elicits: 'belief' } });
    expect(r.label).toBe('breakthrough');
    expect(r.sentence).toBe("I've been running his rule my whole life");
  });

  it('is deterministic', () => {
    expect(classify(text)).toEqual(result);
  });
});

describe('the model learned from the writer’s corrections', () => {
  it('has no say below the minimum, then a growing but bounded one', () => {
    expect(learnedShare(MIN_EXAMPLES - 1)).toBe(0);
    expect(learnedShare(MIN_EXAMPLES)).toBeGreaterThan(0);
    expect(learnedShare(MIN_EXAMPLES + 100)).toBeGreaterThan(learnedShare(MIN_EXAMPLES));
    expect(learnedShare(10_000)).toBe(MAX_LEARNED_SHARE);
  });

  it('moves proposals towards how this writer labels their own words', () => {
    // A writer who files every "gardening" entry under skill, however it is phrased.
    const corrections = Array.from({ length: 30 }, (_, i) => ({
      text: i % 2 ? `gardening note ${i}: the tomatoes and the soil` : `weekday errands ${i}: bins, post office, groceries`,
      label: (i % 2 ? 'skill' : 'neutral') as 'skill' | 'neutral',
    }));
    const learned = trainLearned(corrections);
    const text = 'Gardening today: the tomatoes finally took to the new soil.';
    expect(classify(text, { learned }).probabilities.skill).toBeGreaterThan(classify(text).probabilities.skill);
  });
});

describe('evaluation figures', () => {
  it('computes precision, recall, F1 and macro-F1 from pairs', () => {
    const e = evaluate([
      { truth: 'breakthrough', predicted: 'breakthrough' },
      { truth: 'breakthrough', predicted: 'challenge' },
      { truth: 'challenge', predicted: 'challenge' },
      { truth: 'skill', predicted: 'breakthrough' },
    ]);
    expect(e.perLabel.breakthrough).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(e.perLabel.challenge).toMatchObject({ precision: 0.5, recall: 1 });
    expect(e.confusion.skill.breakthrough).toBe(1);
    expect(e.accuracy).toBe(0.5);
    expect(e.macroF1).toBeCloseTo((0.5 + 2 / 3 + 0 + 0 + 0) / 5, 6);
  });
});
