import { describe, expect, it } from 'vitest';
import { parseWhen, rangeEnd, rangeStart } from '../../src/core/when.js';
import { ReflectError } from '../../src/core/errors.js';

// Wednesday 25 November 2026, 15:30 local time (tests run with TZ=UTC).
const NOW = new Date(2026, 10, 25, 15, 30);
const local = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

describe('parseWhen', () => {
  it.each([
    ['2026-11-01', '2026-11-01 12:00', false],
    ['2026-11-01 21:00', '2026-11-01 21:00', true],
    ['2026-11-01T07:05', '2026-11-01 07:05', true],
    ['today', '2026-11-25 12:00', false],
    ['now', '2026-11-25 15:30', true],
    ['yesterday', '2026-11-24 12:00', false],
    ['Yesterday 21:00', '2026-11-24 21:00', true],
    ['yesterday at 9pm', '2026-11-24 21:00', true],
    ['3 days ago', '2026-11-22 12:00', false],
    ['a week ago', '2026-11-18 12:00', false],
    ['2 hours ago', '2026-11-25 13:30', true],
    ['last monday', '2026-11-23 12:00', false],
    ['last wednesday', '2026-11-18 12:00', false],
    ['wednesday', '2026-11-25 12:00', false],
    ['friday', '2026-11-20 12:00', false],
    ['last week', '2026-11-18 12:00', false],
  ])('reads %j as %s', (input, expected, hasTime) => {
    const when = parseWhen(input, NOW);
    expect(local(when.date)).toBe(expected);
    expect(when.hasTime).toBe(hasTime);
  });

  it.each([
    ['friday', '2026-11-27 12:00'],
    ['wednesday', '2026-11-25 12:00'],
    ['next monday', '2026-11-30 12:00'],
    ['in 3 days', '2026-11-28 12:00'],
    ['tomorrow 9am', '2026-11-26 09:00'],
  ])('looking ahead (due dates), reads %j as %s', (input, expected) => {
    expect(local(parseWhen(input, NOW, { prefer: 'future' }).date)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', 'someday', '', 'yesterday 25:00', '13pm', 'last funday', '2026-11-01 24:10'])(
    'rejects %j with a usage error that shows examples',
    (input) => {
      expect(() => parseWhen(input, NOW)).toThrow(ReflectError);
      try {
        parseWhen(input, NOW);
      } catch (error) {
        expect((error as ReflectError).kind).toBe('usage');
        expect((error as Error).message).toContain('yesterday');
      }
    },
  );

  it('turns a day-only range into whole days, and keeps explicit times', () => {
    const day = parseWhen('2026-11-01', NOW);
    expect(local(rangeStart(day))).toBe('2026-11-01 00:00');
    expect(rangeEnd(day).getHours()).toBe(23);
    const exact = parseWhen('2026-11-01 21:00', NOW);
    expect(rangeStart(exact)).toEqual(exact.date);
    expect(rangeEnd(exact)).toEqual(exact.date);
  });
});

describe('parseWhen: the years a journal keeps, 0001-9999', () => {
  it.each([
    ['0001-01-01', '0001-01-01 12:00'],
    ['0050-06-01 10:00', '0050-06-01 10:00'],
    ['0099-12-31 23:59', '0099-12-31 23:59'],
    ['9999-12-31', '9999-12-31 12:00'],
  ])('reads %j as year %s, not as 19xx', (input, expected) => {
    const { date } = parseWhen(input, NOW);
    expect(`${String(date.getFullYear()).padStart(4, '0')}${local(date).slice(local(date).indexOf('-'))}`).toBe(expected);
  });
  it.each(['0000-06-01', '0050-02-29'])('refuses %j', (input) => {
    expect(() => parseWhen(input, NOW)).toThrow(/can't read the date/);
  });
});
