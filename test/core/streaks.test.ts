import { describe, expect, it } from 'vitest';
import { dayNumber, streaks } from '../../src/core/streaks.js';

describe('streaks', () => {
  it.each([
    ['no days at all', [], '2026-12-01', { current: 0, longest: 0, longestEnd: null }],
    ['one day, today', ['2026-12-01'], '2026-12-01', { current: 1, longest: 1, longestEnd: '2026-12-01' }],
    ['a run ending yesterday still counts: today is not over', ['2026-11-29', '2026-11-30'], '2026-12-01', { current: 2, longest: 2, longestEnd: '2026-11-30' }],
    ['a run that ended two days ago is over', ['2026-11-28', '2026-11-29'], '2026-12-01', { current: 0, longest: 2, longestEnd: '2026-11-29' }],
    ['repeats and any order count once', ['2026-12-01', '2026-11-30', '2026-12-01', '2026-11-30'], '2026-12-01', { current: 2, longest: 2, longestEnd: '2026-12-01' }],
    ['across a month and a year end', ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'], '2026-06-01', { current: 0, longest: 4, longestEnd: '2026-01-02' }],
    ['across 29 February', ['2028-02-28', '2028-02-29', '2028-03-01'], '2028-03-01', { current: 3, longest: 3, longestEnd: '2028-03-01' }],
    ['a gap splits runs; the longest is the earlier one', ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-05', '2026-01-06'], '2026-01-06', { current: 2, longest: 3, longestEnd: '2026-01-03' }],
    ['two runs as long: the latest is named', ['2026-01-01', '2026-01-02', '2026-01-04', '2026-01-05'], '2026-02-01', { current: 0, longest: 2, longestEnd: '2026-01-05' }],
  ])('%s', (_name, days, today, expected) => {
    expect(streaks(days, today)).toEqual(expected);
  });

  it('counts calendar days, whatever the clock change (spring forward in Europe, 29 March 2026)', () => {
    expect(dayNumber('2026-03-30') - dayNumber('2026-03-29')).toBe(1);
    expect(dayNumber('2026-03-29') - dayNumber('2026-03-28')).toBe(1);
  });

  it('reads years below 100 as themselves', () => {
    expect(dayNumber('0052-01-01') - dayNumber('0051-12-31')).toBe(1);
    expect(dayNumber('1952-01-01') - dayNumber('0052-01-01')).toBeGreaterThan(365 * 1899);
  });
});
