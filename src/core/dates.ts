/**
 * The few date formats the terminal shows, written out by hand: date-fns/format pulls in
 * its locale machinery and costs ~20 ms of start-up on every `list`.
 */
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');
/** Years before 1000 keep four digits (0050, not 50), so every printed date reads and sorts alike. */
export const year4 = (d: Date) => String(d.getFullYear()).padStart(4, '0');

/** The years a journal date may have, everywhere: `--date`, every import, and every printed date. */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;
export const inJournalRange = (d: Date) => !Number.isNaN(d.getTime()) && d.getFullYear() >= FIRST_YEAR && d.getFullYear() <= LAST_YEAR;

/** 2026-11-25 */
export const isoDay = (d: Date) => `${year4(d)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** 2026-11-25 21:03 */
export const stamp = (d: Date) => `${isoDay(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Wednesday 25 November 2026, 21:03 */
export const longStamp = (d: Date) =>
  `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${year4(d)}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Fri 27 Nov */
export const shortDay = (d: Date) => `${DAYS[d.getDay()]!.slice(0, 3)} ${d.getDate()} ${MONTHS[d.getMonth()]!.slice(0, 3)}`;

/** November 2026 */
export const monthName = (d: Date) => `${MONTHS[d.getMonth()]} ${year4(d)}`;
