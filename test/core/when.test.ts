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
    ['nov 20', '2026-11-20 12:00', false],
    ['20 November', '2026-11-20 12:00', false],
    ['2026/11/20', '2026-11-20 12:00', false],
    ['dec 1', '2025-12-01 12:00', false],
    ['friday 5pm', '2026-11-20 17:00', true],
    ['this week', '2026-11-25 12:00', false],
    ['end of the week', '2026-11-29 12:00', false],
    ['end of the month', '2026-11-30 12:00', false],
  ])('reads %j as %s', async (input, expected, hasTime) => {
    const when = await parseWhen(input, NOW);
    expect(local(when.date)).toBe(expected);
    expect(when.hasTime).toBe(hasTime);
  });

  it.each([
    ['friday', '2026-11-27 12:00'],
    ['wednesday', '2026-11-25 12:00'],
    ['next monday', '2026-11-30 12:00'],
    ['in 3 days', '2026-11-28 12:00'],
    ['tomorrow 9am', '2026-11-26 09:00'],
    ['friday 5pm', '2026-11-27 17:00'],
    ['today', '2026-11-25 12:00'],
    ['nov 20', '2027-11-20 12:00'],
    ['dec 1', '2026-12-01 12:00'],
    ['this week', '2026-11-29 12:00'],
    ['next week', '2026-12-02 12:00'],
    ['next month', '2026-12-25 12:00'],
    ['end of the week', '2026-11-29 12:00'],
  ])('looking ahead (due dates), reads %j as %s', async (input, expected) => {
    expect(local((await parseWhen(input, NOW, { prefer: 'future' })).date)).toBe(expected);
  });

  it.each(['yesterday', '2020-01-01', 'last friday', '3 days ago', 'today 9am', 'last week'])(
    'refuses the past %j as a due date, suggesting phrases that look ahead',
    async (input) => {
      const error = await parseWhen(input, NOW, { prefer: 'future' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReflectError);
      expect((error as ReflectError).kind).toBe('usage');
      expect((error as Error).message).toBe(
        `"${input}" is in the past; a due date looks ahead (try tomorrow, friday, "friday 5pm", "in 3 days", "next week" or 2026-12-02)`,
      );
    },
  );

  it.each(['2026-02-30', '2026-13-01', 'someday', '', 'yesterday 25:00', '13pm', 'last funday', '2026-11-01 24:10', 'tomorrow-ish', '32 nov', 'nov 20 - nov 25'])(
    'rejects %j with a usage error that shows examples',
    async (input) => {
      const error = await parseWhen(input, NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReflectError);
      expect((error as ReflectError).kind).toBe('usage');
      expect((error as Error).message).toMatch(/^can't read the date ".*" \(try .*yesterday.*"nov 20"/);
    },
  );

  it('suggests phrases that look ahead when a due date cannot be read', async () => {
    await expect(parseWhen('tomorrow-ish', NOW, { prefer: 'future' })).rejects.toThrow(
      'can\'t read the date "tomorrow-ish" (try tomorrow, friday, "friday 5pm", "in 3 days", "next week" or 2026-12-02)',
    );
  });

  it('turns a day-only range into whole days, and keeps explicit times', async () => {
    const day = await parseWhen('2026-11-01', NOW);
    expect(local(rangeStart(day))).toBe('2026-11-01 00:00');
    expect(rangeEnd(day).getHours()).toBe(23);
    const exact = await parseWhen('2026-11-01 21:00', NOW);
    expect(rangeStart(exact)).toEqual(exact.date);
    expect(rangeEnd(exact)).toEqual(exact.date);
  });
});

describe('parseWhen: phrases that name a span, as filter bounds', () => {
  it.each([
    ['this week', '2026-11-23 00:00', '2026-11-29 23:59'],
    ['last week', '2026-11-16 00:00', '2026-11-22 23:59'],
    ['next week', '2026-11-30 00:00', '2026-12-06 23:59'],
    ['this month', '2026-11-01 00:00', '2026-11-30 23:59'],
    ['next month', '2026-12-01 00:00', '2026-12-31 23:59'],
    ['last year', '2025-01-01 00:00', '2025-12-31 23:59'],
    ['november', '2026-11-01 00:00', '2026-11-30 23:59'],
    ['end of the week', '2026-11-29 00:00', '2026-11-29 23:59'],
  ])('%j runs from %s to %s', async (input, from, to) => {
    const when = await parseWhen(input, NOW);
    expect(local(rangeStart(when))).toBe(from);
    expect(local(rangeEnd(when))).toBe(to);
  });
});

describe('parseWhen: the years a journal keeps, 0001-9999', () => {
  it.each([
    ['0001-01-01', '0001-01-01 12:00'],
    ['0050-06-01 10:00', '0050-06-01 10:00'],
    ['0099-12-31 23:59', '0099-12-31 23:59'],
    ['9999-12-31', '9999-12-31 12:00'],
  ])('reads %j as year %s, not as 19xx', async (input, expected) => {
    const { date } = await parseWhen(input, NOW);
    expect(`${String(date.getFullYear()).padStart(4, '0')}${local(date).slice(local(date).indexOf('-'))}`).toBe(expected);
  });
  it.each(['0000-06-01', '0050-02-29'])('refuses %j', async (input) => {
    await expect(parseWhen(input, NOW)).rejects.toThrow(/can't read the date/);
  });
});
