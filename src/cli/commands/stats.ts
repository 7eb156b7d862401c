import { Command } from 'commander';
import type { Loop } from '../../core/patterns.js';
import type { Summary } from '../../core/stats.js';
import { printJson } from '../../ui/json.js';
import { depsFor, type Deps } from '../context.js';
import { addFilterOptions, examples, toFilter, type FilterOptions } from '../filters.js';

export interface StatsOptions extends FilterOptions {
  json?: boolean;
}

export function statsCommand(): Command {
  const command = new Command('stats')
    .description('your journal at a glance: streaks, a calendar, labels by month, steps followed through, and the loops you are in')
    .option('--json', 'print the numbers as one JSON object for scripts');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect stats',
        'reflect stats --from "1 year ago"',
        'reflect stats --tag work        # with the steps of those entries',
        'reflect stats --to 2025-12-31   # the calendar ends that week',
        'reflect stats --json | jq .currentStreak',
      ),
    )
    .action(async (options: StatsOptions, cmd: Command) => runStats(options, depsFor(cmd)));
}

export async function runStats(options: StatsOptions, deps: Deps): Promise<void> {
  const now = deps.now();
  const filter = await toFilter(options, now);
  const db = await deps.journal('read');
  const [{ readStats }, { readLoops }] = await Promise.all([import('../../store/stats.js'), import('../../store/loops.js')]);
  const stats = readStats(db, filter, now);
  const loops = stats.entries ? readLoops(db, filter, now) : [];
  if (options.json) {
    deps.stdout.write(printJson(statsJson(stats, loops)));
    return;
  }
  if (stats.entries === 0) {
    deps.stderr.write('No entries match, so nothing to count yet. Write one with `reflect write`.\n');
    return;
  }
  const { statsView } = await import('../../ui/stats-view.js');
  const { confirmedBreakthroughDays } = await import('../../store/breakthroughs.js');
  // The calendar ends at --to when given (a past year looked back on), else this week.
  const end = filter.to && filter.to < now ? filter.to : now;
  const wrap = loops.length ? await loopWrapper(loops, deps) : undefined;
  deps.stdout.write(statsView(stats, { loops, marked: confirmedBreakthroughDays(db, filter), wrap }, end, deps.stdout));
}

/** On a terminal, a loop's sentence breaks between words at its width; in a pipe, lines stay whole. */
async function loopWrapper(loops: readonly Loop[], deps: Deps) {
  const [{ wrapperFor }, { loopSentence }] = await Promise.all([import('../../ui/width.js'), import('../../ui/loop-view.js')]);
  return wrapperFor(deps.stdout, loops.map(loopSentence));
}

/** The stable JSON shape: field names are a contract with scripts (add, never rename). */
export function statsJson(s: Summary, loops: readonly Loop[]) {
  return {
    entries: s.entries,
    sessions: s.sessions,
    days: s.days,
    currentStreak: s.currentStreak,
    longestStreak: s.longestStreak,
    longestStreakEnd: s.longestStreakEnd,
    first: s.first?.toISOString() ?? null,
    last: s.last?.toISOString() ?? null,
    labels: s.labels,
    byMonth: s.byMonth,
    byDay: s.byDay,
    actions: s.actions,
    loops: loops.map((l) => ({ terms: l.terms, entries: l.entries, weeks: l.weeks, first: l.first.toISOString(), last: l.last.toISOString() })),
  };
}
