import { describe, expect, it } from 'vitest';
import { onThisDay } from '../../src/core/on-this-day.js';

// TZ is UTC in tests (isolate-home), so local days are UTC days here.
const days = (day: string, firstYear: number) =>
  onThisDay(new Date(`${day}T12:00:00Z`), firstYear).map((s) => `${s.from.toISOString()}..${s.to.toISOString()}`);

describe('onThisDay', () => {
  it.each([
    ['an ordinary day: the same day, every earlier year, newest first', '2026-03-15', 2023, [
      '2025-03-15T00:00:00.000Z..2025-03-15T23:59:59.999Z',
      '2024-03-15T00:00:00.000Z..2024-03-15T23:59:59.999Z',
      '2023-03-15T00:00:00.000Z..2023-03-15T23:59:59.999Z',
    ]],
    ['29 February: only leap years have one', '2028-02-29', 2019, [
      '2024-02-29T00:00:00.000Z..2024-02-29T23:59:59.999Z',
      '2020-02-29T00:00:00.000Z..2020-02-29T23:59:59.999Z',
    ]],
    ['28 February of a common year takes in the 29th of earlier leap years', '2026-02-28', 2023, [
      '2025-02-28T00:00:00.000Z..2025-02-28T23:59:59.999Z',
      '2024-02-28T00:00:00.000Z..2024-02-29T23:59:59.999Z',
      '2023-02-28T00:00:00.000Z..2023-02-28T23:59:59.999Z',
    ]],
    ['28 February of a leap year is just the 28th (the 29th has its own day)', '2028-02-28', 2027, ['2027-02-28T00:00:00.000Z..2027-02-28T23:59:59.999Z']],
    ['years below 100 stay themselves', '0052-06-01', 50, ['0051-06-01T00:00:00.000Z..0051-06-01T23:59:59.999Z', '0050-06-01T00:00:00.000Z..0050-06-01T23:59:59.999Z']],
  ])('%s', (_name, day, firstYear, expected) => {
    expect(days(day, firstYear)).toEqual(expected);
  });

  it('reaches back to year 1 by default and never includes the year itself', () => {
    const spans = onThisDay(new Date('2026-07-04T12:00:00Z'));
    expect(spans).toHaveLength(2025);
    expect(spans[0]!.from.getFullYear()).toBe(2025);
    expect(spans.at(-1)!.from.getFullYear()).toBe(1);
  });
});
