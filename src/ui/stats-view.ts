import { isoDay } from '../core/dates.js';
import type { ActionStats, LabelCounts, Loop } from '../core/patterns.js';
import { plural } from '../core/plural.js';
import type { Summary } from '../core/stats.js';
import { heatmap } from './heatmap.js';
import { labelBars } from './label-bars.js';
import { loopSentence } from './loop-view.js';
import type { Terminal } from './terminal.js';
import type { Wrapper } from './width.js';

type Out = Pick<Terminal, 'columns' | 'style'>;

/**
 * `reflect stats` on a terminal or in a pipe: the headline, the calendar of the weeks up to
 * `end`, labels month by month, follow-through on steps, and the label totals.
 */
export interface StatsFound {
  loops: readonly Loop[];
  /** Days of confirmed breakthroughs, for the calendar's marks. */
  marked: ReadonlySet<string>;
  /** Breaks a loop's sentence between words at the terminal's width (ui/width.ts); whole lines without. */
  wrap?: Wrapper;
}

export function statsView(stats: Summary, found: StatsFound, end: Date, out: Out): string {
  const { loops } = found;
  const { style } = out;
  const lines = [...headline(stats, out), ''];
  const calendar = heatmap(stats.byDay, found.marked, end, out);
  if (calendar.length) lines.push(...calendar, '');
  const bars = labelBars(stats.byMonth, isoDay(end).slice(0, 7), out);
  if (bars.length) lines.push(style.bold('Labels by month'), ...bars, '');
  lines.push(fit(steps(stats.actions), out.columns), fit(labelLine(stats.labels), out.columns));
  if (loops.length) lines.push('', ...loopLines(loops, found.wrap ?? ((text, first) => `${first}${text}`), out));
  if (stats.unlabelledFree) {
    lines.push(style.dim(`${plural(stats.unlabelledFree, 'entry', 'entries')} not yet read by the classifier: \`reflect classify --entries\``));
  }
  return `${lines.join('\n')}\n`;
}

function headline(s: Summary, out: Out): string[] {
  const { style } = out;
  const streak =
    s.currentStreak > 0 ? `${style.bold(plural(s.currentStreak, 'day'))} in a row now` : 'no streak running (write today to start one)';
  const longest = s.longestStreakEnd ? ` · longest ${plural(s.longestStreak, 'day')}, ended ${s.longestStreakEnd}` : '';
  return [
    `${style.bold(plural(s.entries, 'entry', 'entries'))} on ${plural(s.days, 'day')} · ${plural(s.sessions, 'guided session')}`,
    `Streak: ${streak}${longest}`,
    `First ${s.first ? isoDay(s.first) : '–'} · last ${s.last ? isoDay(s.last) : '–'}`,
  ];
}

/**
 * A line of "a · b · c" parts broken between parts where it would pass the width, the following
 * lines indented under the first part ("Labels: 3 breakthroughs · …" on a narrow terminal).
 */
export function fit(line: string, columns: number): string {
  const [head, ...rest] = line.split(' · ');
  const indent = ' '.repeat(Math.min(head!.indexOf(': ') + 2, 10));
  const lines = [head!];
  for (const part of rest) {
    const next = `${lines[lines.length - 1]} · ${part}`;
    if (next.length <= columns) lines[lines.length - 1] = next;
    else lines.push(`${indent}${part}`);
  }
  return lines.join('\n');
}

/** "Steps: 12 committed · 7 done (5 on time) · 2 dropped · 3 open, 1 overdue" */
export function steps(a: ActionStats): string {
  if (a.committed === 0) return 'Steps: none committed yet (a guided session ends with one)';
  const onTime = a.doneWithDue ? ` (${a.doneOnTime} on time)` : '';
  const overdue = a.overdue ? `, ${a.overdue} overdue` : '';
  return `Steps: ${a.committed} committed · ${a.done} done${onTime} · ${a.dropped} dropped · ${a.open} open${overdue}`;
}

/** "Labels: 3 breakthroughs · 10 skill · … · 4 unlabelled": the label that counts for each entry. */
export function labelLine(l: LabelCounts): string {
  const parts = [
    plural(l.breakthrough, 'breakthrough'),
    `${l.skill} skill`,
    plural(l.challenge, 'challenge'),
    `${l.external} external`,
    `${l.neutral} neutral`,
    `${l.unlabelled} unlabelled`,
  ];
  return `Labels: ${parts.join(' · ')}`;
}

/**
 * The challenges that keep coming back, each with the way out: a loop is named in the writer's
 * words, and the next guided session offers the unstuck set on the first one.
 */
function loopLines(loops: readonly Loop[], wrap: Wrapper, out: Out): string[] {
  const { style } = out;
  const heading = loops.length === 1 ? 'A loop you may be in' : 'Loops you may be in';
  return [
    style.bold(heading),
    ...loops.map((l) => wrap(loopSentence(l), `  ${style.yellow('↻')} `, '    ')),
    style.dim('  Work on one: `reflect session unstuck` (your next `reflect` offers it too).'),
  ];
}
