import { describe, expect, it } from 'vitest';
import { findLoops, weekOf, type ThemeEntry } from '../../src/core/loops.js';

/** Local noon, `n` days after Monday 5 October 2026. */
const day = (n: number) => new Date(2026, 9, 5 + n, 12);
let seq = 0;
const entry = (n: number, label: string | null, text: string): ThemeEntry => ({ id: `e${String(++seq).padStart(3, '0')}`, date: day(n), text, label });
const challenge = (n: number, text: string) => entry(n, 'challenge', text);

/** Ordinary days in every week of the span: the writer's everyday words, which are not themes. */
const background = (weeks = 8) =>
  Array.from({ length: weeks * 4 }, (_, i) =>
    entry(i * 1.75, i % 3 ? 'neutral' : null, i % 2 ? 'Work today felt long, then dinner with friends.' : 'A quiet evening at home after work, reading.'),
  );

const themes = (entries: ThemeEntry[]) => findLoops(entries).map((l) => l.terms);

describe('findLoops', () => {
  it.each([
    ['a theme in three weeks is a loop', [0, 7, 14], [['budget']]],
    ['in two weeks it is not', [0, 7], []],
    ['three times in one week is not', [0, 2, 4], []],
    ['three weeks with gaps between them still are', [0, 21, 42], [['budget']]],
  ])('%s', (_name, days, expected) => {
    const entries = [...background(), ...days.map((n) => challenge(n, 'The budget again at work.'))];
    expect(themes(entries)).toEqual(expected);
  });

  it('gives the entries oldest first, the weeks, and the first and last date', () => {
    const entries = [...background(), challenge(14, 'The budget, again.'), challenge(0, 'Budget trouble.'), challenge(8, 'That budget!'), challenge(9, 'budget budget')];
    const [loop] = findLoops(entries);
    const ids = (days: number[]) => days.map((n) => entries.find((e) => e.label === 'challenge' && e.date.getTime() === day(n).getTime())!.id);
    expect(loop).toEqual({ terms: ['budget'], entries: ids([0, 8, 9, 14]), weeks: 3, first: day(0), last: day(14) });
  });

  it.each([
    ['a breakthrough on the theme closes it', [0, 7, 14], 20, []],
    ['challenges after it count again: three more weeks reopen it', [0, 7, 14, 28, 35, 42], 20, [['budget']]],
    ['two weeks after it are not enough', [0, 7, 14, 28, 35], 20, []],
    ['a breakthrough before them all changes nothing', [7, 14, 21], 2, [['budget']]],
  ])('%s', (_name, days, breakthroughDay, expected) => {
    const entries = [
      ...background(),
      ...days.map((n) => challenge(n, 'The budget again.')),
      entry(breakthroughDay, 'breakthrough', 'I finally see the budget differently.'),
    ];
    expect(themes(entries)).toEqual(expected);
  });

  it('a breakthrough naming one of a theme\'s terms closes the whole theme, not just that word', () => {
    const entries = [
      ...background(),
      ...[0, 7, 14].map((n) => challenge(n, 'The budget review again; I dread presenting it.')),
      entry(20, 'breakthrough', 'I see now why the budget review scares me.'),
    ];
    expect(themes(entries)).toEqual([]);
    // Without the breakthrough, both are one loop's terms.
    expect(themes(entries.slice(0, -1))).toEqual([['budget review', 'presenting']]);
  });

  it('a word met only inside a bigger theme is part of it, not a loop of its own', () => {
    const entries = [
      ...background(),
      ...[0, 7, 14, 21, 28, 35].map((n) => challenge(n, 'The budget review again.')),
      ...[1, 8, 15].map((n) => challenge(n, 'The budget review again, and the spreadsheet is wrong.')),
    ];
    expect(themes(entries)).toEqual([['budget review']]);
  });

  it('names the word most entries share before a phrase that only some of them have', () => {
    const entries = [
      ...background(),
      ...[0, 7, 14].map((n) => challenge(n, 'My sister cancelled again.')),
      ...[1, 8, 15, 22].map((n) => challenge(n, 'An argument with my sister about Dad.')),
    ];
    expect(themes(entries)[0]![0]).toBe('sister');
  });

  it('only closes the theme the breakthrough is about', () => {
    const entries = [
      ...background(),
      ...[0, 7, 14].map((n) => challenge(n, 'The budget again.')),
      entry(20, 'breakthrough', 'I finally understood my sister.'),
    ];
    expect(themes(entries)).toEqual([['budget']]);
  });

  it('words the writer uses everywhere are not themes', () => {
    const entries = [...background(), ...[0, 7, 14].map((n) => challenge(n, 'Work today felt long.'))];
    expect(findLoops(entries)).toEqual([]);
  });

  it('a few mentions among many challenges are not a pattern', () => {
    const others = Array.from({ length: 60 }, (_, i) => challenge(i, "It was what it was, and so on."));
    expect(themes([...background(), ...others, ...[0, 7, 14].map((n) => challenge(n, 'The budget again.'))])).toEqual([]);
  });

  it('with nothing but challenges, nothing stands out', () => {
    expect(findLoops([0, 7, 14].map((n) => challenge(n, 'The budget again.')))).toEqual([]);
  });

  it('a two-word phrase wins over its words', () => {
    const entries = [...background(), ...['slept badly', 'rain all morning', 'train was late', 'lunch skipped'].map((x, k) => challenge(k * 7, `The budget review again; ${x}.`))];
    expect(themes(entries)).toEqual([['budget review']]);
  });

  it('two words that only happen to meet are not a phrase', () => {
    const entries = [...background(), ...[0, 7, 14].map((n) => challenge(n, 'Budget. Review. Review again. Budget again. Budget review.'))];
    expect(themes(entries)).toEqual([['budget', 'review']]);
  });

  it('two themes in the same entries are one loop, the more telling term first', () => {
    const entries = [
      ...background(),
      ...[0, 7, 14].map((n) => challenge(n, 'My sister again, about christmas.')),
      challenge(15, 'My sister called.'),
    ];
    expect(themes(entries)).toEqual([['sister', 'christmas']]);
  });

  it('themes in different entries are different loops, ranked by weeks', () => {
    const entries = [
      ...background(),
      ...[0, 7, 14].map((n) => challenge(n, 'The deadline again.')),
      ...[1, 8, 15, 22].map((n) => challenge(n, 'My landlord again.')),
    ];
    expect(themes(entries)).toEqual([['landlord'], ['deadline']]);
  });

  it.each([
    ['names keep their case', ['Another fight with Sam.', 'I avoided Sam all day.', 'Sam ignored me.'], [['Sam']]],
    ['a word that only starts sentences is shown in lowercase', ['Money worries.', 'Money again.', 'Money, always.'], [['money']]],
    ['possessives read as the name', ["Sam's mood again.", 'Avoided Sam.', "Skipped Sam's party."], [['Sam']]],
    ['plurals fold into the singular the writer also uses', ['The deadlines pile up.', 'Another deadline missed.', 'Deadlines everywhere.'], [['deadline']]],
    ['an entry of stopwords only gives nothing', ['It was what it was.', 'And so on and on.', 'I am not, am I?'], []],
    ['other scripts do not crash (unspaced Japanese gives no terms)', ['予算の見直しがまたうまくいかなかった。', '予算の見直しがまたうまくいかなかった。', '予算の見直しがまたうまくいかなかった。'], []],
  ])('%s', (_name, texts, expected) => {
    const entries = [...background(), ...texts.map((text, i) => challenge(i * 7, text))];
    expect(themes(entries)).toEqual(expected);
  });

  it('gives at most five loops', () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'];
    const entries = [...background(16), ...words.flatMap((w, k) => [0, 7, 14, 21].map((n) => challenge(n + k, `Again ${w}.`)))];
    expect(findLoops(entries)).toHaveLength(5);
  });
});

describe('weekOf', () => {
  it('runs Monday to Sunday, local', () => {
    expect(weekOf(new Date(2026, 9, 5, 0, 0))).toBe('2026-10-05');
    expect(weekOf(new Date(2026, 9, 11, 23, 59))).toBe('2026-10-05');
    expect(weekOf(new Date(2026, 9, 12, 0, 0))).toBe('2026-10-12');
    expect(weekOf(new Date(2026, 2, 29, 12))).toBe('2026-03-23');
  });
});
