import { dueDay, endOfDueDay, isOverdue, isoDay, shortDay, year4 } from '../core/dates.js';
import type { BreakthroughWithSteps, Loop, Stats, StepOutcome } from '../core/patterns.js';
import { plural } from '../core/plural.js';
import { loopSentence } from '../ui/loop-view.js';
import { esc } from './html-escape.js';
import { dayLong, dayMonth, localDate } from './format.js';

const tile = (value: string, name: string, note = '') =>
  `<div class="tile"><div class="value">${value}</div><div class="name">${name}</div>${note ? `<div class="note">${note}</div>` : ''}</div>`;

export function headline(stats: Stats, breakthroughs: number): string {
  const longestEnd = stats.longestStreakEnd ? `ended ${esc(dayLong(localDate(stats.longestStreakEnd)))}` : '';
  return `<div class="tiles">${[
    tile(String(stats.entries), stats.entries === 1 ? 'entry' : 'entries'),
    tile(String(stats.days), stats.days === 1 ? 'day written' : 'days written'),
    tile(String(stats.sessions), stats.sessions === 1 ? 'guided session' : 'guided sessions'),
    tile(String(stats.currentStreak), 'current streak', stats.currentStreak === 1 ? 'day' : 'days in a row'),
    tile(String(stats.longestStreak), 'longest streak', longestEnd),
    // Confirmed ones, as the cards below: the labels chart counts the model's proposals too.
    tile(String(breakthroughs), breakthroughs === 1 ? 'breakthrough' : 'breakthroughs', 'confirmed by you'),
  ].join('')}</div>`;
}

export function loops(list: readonly Loop[], now: Date): string {
  if (list.length === 0) return '<p class="empty">No loop: no challenge theme came up in three different weeks without a breakthrough on it since.</p>';
  // The sentence `stats` and the session offer say, escaped; its terms are the writer's words, their controls already made visible.
  const items = list.map((l) => `<li class="loop" dir="auto">${esc(loopSentence(l))} <span class="muted">Latest: ${esc(latest(l.last, now))}.</span></li>`);
  return `<ul class="loops">${items.join('')}</ul>`;
}

/** Fri 27 Nov, with the year when it is not this year's. */
const latest = (d: Date, now: Date) => (d.getFullYear() === now.getFullYear() ? shortDay(d) : `${shortDay(d)} ${year4(d)}`);

function step(s: StepOutcome, now: Date): string {
  const late = isOverdue(s, now);
  const due = s.dueAt ? dueDay(s.dueAt) : '';
  let state: string;
  if (s.status === 'done') {
    const onTime = s.dueAt && s.doneAt ? (s.doneAt <= endOfDueDay(s.dueAt) ? ', on time' : `, after its due day (${due})`) : '';
    state = `done${s.doneAt ? ` ${dayMonth(s.doneAt, now)}` : ''}${onTime}`;
  } else if (s.status === 'dropped') state = 'dropped';
  else state = late ? `overdue: was due ${due}` : s.dueAt ? `open, due ${due}` : 'open';
  const mark = s.status === 'done' ? '✓' : s.status === 'dropped' ? '✗' : late ? '!' : '○';
  const kind = late ? 'overdue' : s.status;
  return `<li class="step ${kind}"><span class="mark" aria-hidden="true">${mark}</span> <span class="text" dir="auto">${esc(s.text)}</span> <span class="state">(${esc(state)})</span></li>`;
}

export function breakthroughCards(list: readonly BreakthroughWithSteps[], now: Date): string {
  if (list.length === 0) return '<p class="empty">No confirmed breakthrough in this period.</p>';
  return list
    .map((b) => {
      const question = b.question ? `<p class="question" dir="auto">${esc(b.question)}</p>` : '';
      const steps = b.steps.length ? `<ul class="steps">${b.steps.map((s) => step(s, now)).join('')}</ul>` : '<p class="muted">No step committed from it.</p>';
      return (
        `<article class="card breakthrough" id="b-${esc(b.id)}"><p class="date"><time datetime="${isoDay(b.date)}">${esc(dayLong(b.date))}</time></p>` +
        `${question}<blockquote dir="auto">${esc(b.text)}</blockquote>${steps}</article>`
      );
    })
    .join('');
}

export function followThrough(a: Stats['actions']): string {
  if (a.committed === 0) return '<p class="empty">No step committed in this period.</p>';
  const share =
    a.onTimeShare === null
      ? 'No done step had a due date, so none was on time or late.'
      : `${a.doneOnTime} of ${plural(a.doneWithDue, 'done step')} with a due date ${a.doneOnTime === 1 ? 'was' : 'were'} done on time: ${Math.round(a.onTimeShare * 100)}%.`;
  return (
    `<div class="tiles">${[
      tile(String(a.committed), 'committed'),
      tile(String(a.done), 'done'),
      tile(String(a.dropped), 'dropped'),
      tile(String(a.open), 'open'),
      tile(String(a.overdue), 'overdue', 'open, past due'),
    ].join('')}</div><p class="share">${esc(share)}</p>`
  );
}
