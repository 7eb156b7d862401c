import type { BreakthroughWithSteps, Loop, Stats } from '../core/patterns.js';
import { isoDay, longStamp } from '../core/dates.js';
import { calendarKey, calendarSvg } from './calendar-svg.js';
import { esc } from './html-escape.js';
import { dayLong } from './format.js';
import { labelChartSvg, labelLegend, MAX_MONTHS } from './label-chart-svg.js';
import { breakthroughCards, followThrough, headline, loops } from './sections.js';
import { STYLE } from './style.js';

export interface ReportInput {
  stats: Stats;
  loops: Loop[];
  /** Newest first, as the timeline reads. */
  breakthroughs: BreakthroughWithSteps[];
  generatedAt: Date;
  period: { from: Date | null; to: Date | null };
  title?: string;
}

/**
 * Nothing here can reach out: a policy that allows no script, font, frame or fetch, and images
 * only inline. A journal that smuggled markup past the escaping would still run nothing.
 */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** One self-contained page, for a writer to hand to a coach: inline styles and SVG, no script. */
export function reportHtml(input: ReportInput): string {
  const { stats, generatedAt } = input;
  const title = input.title?.trim() || 'Patterns over time';
  // The calendar ends at the period's end when one was asked for, else today.
  const last = input.period.to && input.period.to < generatedAt ? input.period.to : generatedAt;
  const months = Math.min(stats.byMonth.length, MAX_MONTHS);
  const marked = new Map<string, number>();
  for (const b of input.breakthroughs) marked.set(isoDay(b.date), (marked.get(isoDay(b.date)) ?? 0) + 1);
  const body = [
    `<header><h1 dir="auto">${esc(title)}</h1><p class="period">${esc(periodLine(input))}</p></header>`,
    section('headline', 'At a glance', headline(stats, input.breakthroughs.length)),
    section('calendar', 'The last 52 weeks', `${calendarSvg(stats.byDay, last, marked)}${calendarKey()}`),
    section(
      'labels',
      months > 1 ? `Labels over time: the last ${months} months` : 'Labels over time',
      stats.byMonth.length ? `${labelChartSvg(stats.byMonth)}${labelLegend(stats.byMonth)}` : '<p class="empty">No entries in this period.</p>',
    ),
    `<section id="breakthroughs" class="list"><h2>Breakthroughs</h2>${breakthroughCards(input.breakthroughs, generatedAt)}</section>`,
    section('loops', 'Loops: challenges that keep coming back', loops(input.loops, generatedAt)),
    section('follow-through', 'Follow-through on committed steps', followThrough(stats.actions)),
    `<footer>Made by reflect on ${esc(longStamp(generatedAt))}. This page is self-contained: it loads nothing and runs no script.</footer>`,
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="reflect">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

const section = (id: string, heading: string, content: string) => `<section id="${id}"><h2>${esc(heading)}</h2>${content}</section>`;

function periodLine({ period, stats }: ReportInput): string {
  const from = period.from ?? stats.first;
  const to = period.to ?? stats.last;
  if (!from || !to) return 'No entries yet.';
  return `${dayLong(from)} to ${dayLong(to)}`;
}
