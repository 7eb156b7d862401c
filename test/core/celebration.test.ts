import { describe, expect, it } from 'vitest';
import {
  celebrationLines,
  gap,
  milestoneLine,
  milestonesPassed,
  ordinal,
  stepState,
  streakLine,
  type CelebrationFacts,
  type StepFact,
} from '../../src/core/celebration.js';
import { cutQuote } from '../../src/core/quote.js';

const day = (d: string, time = '12:00') => new Date(`${d}T${time}:00`);
const NOW = { quote: 'I stay busy so I never have to choose.', date: day('2026-11-28', '21:00') };
const BEFORE = { quote: 'It was never about the money.', date: day('2026-11-05', '09:00') };
const step = (state: StepFact['state'], text = 'Tell Sam'): StepFact => ({ text, state });
const facts = (over: Partial<CelebrationFacts>): CelebrationFacts => ({ confirmed: [NOW], total: 7, previous: { ...BEFORE, steps: [] }, room: 100, ...over });

describe('celebrationLines', () => {
  it.each<[string, Partial<CelebrationFacts>, string[]]>([
    ['the first ever', { total: 1, previous: null }, ['✦ Your first breakthrough: “I stay busy so I never have to choose.”', '  You saw something new and named it. It is kept: `reflect breakthroughs`.']],
    ['the Nth, whose previous had no step', {}, ['✦ A breakthrough, your 7th: “I stay busy so I never have to choose.”', '  23 days after the one before, “It was never about the money.”']],
    [
      'the previous step done',
      { previous: { ...BEFORE, steps: [step('done')] } },
      ['✦ A breakthrough, your 7th: “I stay busy so I never have to choose.”', '  23 days after the one before, “It was never about the money.”', '  The step you took from it, “Tell Sam”, is done ✓'],
    ],
    ['the previous step open', { previous: { ...BEFORE, steps: [step('open')] } }, [expect.any(String), expect.any(String), '  The step you took from it, “Tell Sam”, is still open: `reflect actions`']],
    ['the previous step overdue', { previous: { ...BEFORE, steps: [step('overdue')] } }, [expect.any(String), expect.any(String), '  The step you took from it, “Tell Sam”, is overdue: `reflect actions`']],
    ['the previous step dropped', { previous: { ...BEFORE, steps: [step('dropped')] } }, [expect.any(String), expect.any(String), '  The step you took from it, “Tell Sam”, was dropped.']],
    [
      'several steps from the previous one',
      { previous: { ...BEFORE, steps: [step('done'), step('open'), step('dropped')] } },
      [expect.any(String), expect.any(String), '  Of the 3 steps you took from it: 1 done ✓, 1 still open, 1 dropped: `reflect actions`'],
    ],
    ['the same day as the last', { previous: { ...BEFORE, date: day('2026-11-28', '08:00'), steps: [] } }, [expect.any(String), '  The same day as the one before, “It was never about the money.”']],
    ['a day after', { previous: { ...BEFORE, date: day('2026-11-27', '23:50'), steps: [] } }, [expect.any(String), '  A day after the one before, “It was never about the money.”']],
    [
      'a set confirmed at once: one celebration',
      { confirmed: [BEFORE, NOW], total: 3, previous: { quote: 'Older', date: day('2026-10-01'), steps: [] }, room: 140 },
      ['✦ 2 breakthroughs, your 2nd and 3rd: “It was never about the money.”, “I stay busy so I never have to choose.”', '  35 days after the one before, “Older”.'],
    ],
    ['the first ever, as a set', { confirmed: [BEFORE, NOW], total: 2, previous: null, room: 140 }, ['✦ Your first breakthroughs: “It was never about the money.”, “I stay busy so I never have to choose.”', expect.any(String)]],
    [
      'a set on a narrow terminal: the quotes share the line',
      { confirmed: [BEFORE, NOW], total: 3, previous: null, room: 80 },
      ['✦ 2 breakthroughs, your 2nd and 3rd: “It was never…”, “I stay busy so…”'],
    ],
    ['the first again, labelled anew: "your first" is not said twice', { total: 1, previous: null, firstSaid: true }, ['✦ A breakthrough, your only one so far: “I stay busy so I never have to choose.”']],
    ['an old one confirmed, with none before it', { total: 4, previous: null }, ['✦ A breakthrough, your 4th: “I stay busy so I never have to choose.”']],
  ])('%s', (_name, over, expected) => {
    expect(celebrationLines(facts(over))).toEqual(expected);
  });

  it('is 2 to 4 lines that fit the terminal, long quotes cut at a word', () => {
    const long = 'It was never really about the money at all, it was about being seen by the people I love and being allowed to fail in front of them';
    const lines = celebrationLines(facts({ confirmed: [{ ...NOW, quote: long }], previous: { ...BEFORE, quote: long, steps: [step('open', long)] }, room: 80 }));
    expect(lines.length).toBe(3);
    for (const line of lines) expect([...line].length).toBeLessThan(80);
    expect(lines[0]).toMatch(/…”$/);
    expect(lines[0]).not.toMatch(/ …/);
  });

  it('says nothing when nothing was confirmed', () => {
    expect(celebrationLines(facts({ confirmed: [] }))).toEqual([]);
  });
});

describe('the words', () => {
  it.each([[1, '1st'], [2, '2nd'], [3, '3rd'], [4, '4th'], [11, '11th'], [12, '12th'], [13, '13th'], [21, '21st'], [22, '22nd'], [101, '101st'], [111, '111th']])('ordinal(%i) is %s', (n, word) => {
    expect(ordinal(n)).toBe(word);
  });

  it.each([
    ['2026-11-28', '2026-11-28', 'the same day'],
    ['2026-11-27', '2026-11-28', 'a day'],
    ['2026-11-05', '2026-11-28', '23 days'],
    ['2026-08-28', '2026-11-28', 'about 3 months'],
    ['2023-11-28', '2026-11-28', 'about 3 years'],
    // Over the spring clock change (Europe, 29 March 2026) a day is still a day.
    ['2026-03-28', '2026-03-30', '2 days'],
  ])('gap from %s to %s is %s', (from, to, words) => {
    expect(gap(day(from, '23:30'), day(to, '00:30'))).toBe(words);
  });

  it('cuts a quote to its room, at a word where one is near, on one line', () => {
    expect(cutQuote('short', 20)).toBe('short');
    expect(cutQuote('two\nlines  here', 20)).toBe('two lines here');
    expect(cutQuote('It was never about the money', 15)).toBe('It was never…');
    expect(cutQuote('Unbreakablewordwithoutspaces', 10)).toBe('Unbreakab…');
    expect(cutQuote('I stopped, breathed, and asked for help', 15)).toBe('I stopped…');
    expect([...cutQuote('雨の日に分かったことがある、ずっと怖かったのは失敗ではなく', 10)].length).toBe(10);
  });

  it.each<[string, { status: 'open' | 'done' | 'dropped'; dueAt: Date | null }, string]>([
    ['open, not due yet', { status: 'open', dueAt: day('2026-12-05') }, 'open'],
    ['open, no due date', { status: 'open', dueAt: null }, 'open'],
    ['open, due date passed', { status: 'open', dueAt: day('2026-11-20') }, 'overdue'],
    ['open, due earlier today: not overdue until its day is over, as stats counts it', { status: 'open', dueAt: day('2026-12-01', '08:00') }, 'open'],
    ['done, even if late', { status: 'done', dueAt: day('2026-11-20') }, 'done'],
    ['dropped', { status: 'dropped', dueAt: null }, 'dropped'],
  ])('a step %s is %s', (_name, action, state) => {
    expect(stepState(action, day('2026-12-01'))).toBe(state);
  });
});

describe('milestones', () => {
  it.each([
    [0, 1, [1]],
    [8, 9, []],
    [9, 10, [10]],
    [8, 11, [10]],
    [10, 11, []],
    [0, 30, [1, 10, 25]],
    [99, 100, [100]],
  ])('from %i to %i passes %j', (before, after, passed) => {
    expect(milestonesPassed(before, after)).toEqual(passed);
  });

  it('the first needs no line of its own; the others say the count', () => {
    expect(milestoneLine(1)).toBeNull();
    expect(milestoneLine(10)).toBe('  That makes 10: 10 times you saw something new about yourself and said so.');
  });

  it('a streak is a month at 30 days, and more after', () => {
    expect(streakLine(30)).toBe('✦ 30 days in a row: a month of writing, one day at a time.');
    expect(streakLine(31)).toBe('✦ More than 30 days in a row: over a month of writing, one day at a time.');
  });
});
