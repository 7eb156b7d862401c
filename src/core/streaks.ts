/**
 * Streaks: runs of consecutive local days with at least one entry. Days are 'YYYY-MM-DD' strings
 * (the writer's local calendar, as `isoDay` gives them), so a streak never breaks or doubles at
 * a change of clocks: day numbers are counted on the calendar, not in hours.
 */

export interface Streaks {
  /** Days in the run that ends today, or yesterday (today is not over yet); 0 when neither has an entry. */
  current: number;
  longest: number;
  /** The last day of the longest run (the latest, if two are as long); null with no days. */
  longestEnd: string | null;
}

/** Days since 0000-03-01 on the proleptic Gregorian calendar; only differences matter. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear takes the year as given.
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return Math.round(date.getTime() / 86_400_000);
}

/** `days` in any order, repeats allowed. */
export function streaks(days: Iterable<string>, today: string): Streaks {
  const byNumber = new Map([...new Set(days)].map((d) => [dayNumber(d), d]));
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  let longest = 0;
  let longestEnd: string | null = null;
  let run = 0;
  for (let i = 0; i < numbers.length; i++) {
    run = i > 0 && numbers[i] === numbers[i - 1]! + 1 ? run + 1 : 1;
    if (run >= longest) {
      longest = run;
      longestEnd = byNumber.get(numbers[i]!)!;
    }
  }
  const todayNumber = dayNumber(today);
  const present = new Set(numbers);
  let end = present.has(todayNumber) ? todayNumber : present.has(todayNumber - 1) ? todayNumber - 1 : null;
  let current = 0;
  while (end !== null && present.has(end)) {
    current++;
    end--;
  }
  return { current, longest, longestEnd };
}
