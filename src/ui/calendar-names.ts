/**
 * Month and weekday names for the calendar and the bars, three letters at most, one column each.
 * In English (or no language set) they are written out here: the first Intl formatter of a run
 * costs ~30 ms, a tenth of `reflect stats`. Other languages ask Intl, as everywhere else.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Whether Intl would speak English here: the locale ICU takes from the environment is unset, C, POSIX or en*. */
const english = () => {
  const { LC_ALL, LC_MESSAGES, LANG } = process.env;
  return /^(|C|POSIX|en)([._@-].*)?$/i.test(LC_ALL || LC_MESSAGES || LANG || '');
};

/** Scripts whose letters are one column wide; names in others (月, 월) fall back to numbers. */
const NARROW = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]{1,4}$/u;

let months: string[] | undefined;
let weekdays: string[] | undefined;

/** "Nov" (month 10) in the reader's language; "11" where its name would not be a few narrow letters. */
export function shortMonth(month: number): string {
  months ??= english() ? MONTHS : names({ month: 'short', calendar: 'gregory' }, (i) => new Date(2001, i, 15), 12, (i) => String(i + 1).padStart(2, '0'));
  return months[month]!;
}

/** Monday to Sunday. */
export function weekdayNames(): string[] {
  // 2001-01-01 was a Monday.
  weekdays ??= english() ? WEEKDAYS : names({ weekday: 'short' }, (i) => new Date(2001, 0, 1 + i), 7, (i) => WEEKDAYS[i]!.slice(0, 2));
  return weekdays;
}

function names(options: Intl.DateTimeFormatOptions, date: (i: number) => Date, count: number, fallback: (i: number) => string): string[] {
  const format = new Intl.DateTimeFormat(undefined, options);
  return Array.from({ length: count }, (_, i) => {
    const name = format.format(date(i)).replace(/\.$/, '');
    return NARROW.test(name) ? name.slice(0, 3) : fallback(i);
  });
}
