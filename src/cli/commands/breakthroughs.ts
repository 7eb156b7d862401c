import { Command } from 'commander';
import { shortId, type Entry } from '../../core/entry.js';
import { actionsForEntries, type Action } from '../../store/actions.js';
import { breakthroughsByMonth, confirmedBreakthroughs, countProposedBreakthroughs, proposedBreakthroughs } from '../../store/breakthroughs.js';
import { daysBetween, later, stepState } from '../../core/celebration.js';
import { dueDay, monthName, shortDay, stamp, year4 } from '../../core/dates.js';
import { plural } from '../../core/plural.js';
import type { Db } from '../../store/journal.js';
import { entryJson, printJson } from '../../ui/json.js';
import { actionBox } from '../../ui/render.js';
import { safeLine, safeText } from '../../ui/safe-text.js';
import type { Wrapper } from '../../ui/width.js';
import { depsFor, type Deps } from '../context.js';
import { examples, positiveInt } from '../filters.js';
import { actionJson } from './actions.js';

export interface BreakthroughsOptions {
  limit?: number;
  json?: boolean;
  proposed?: boolean;
}

export function breakthroughsCommand(): Command {
  return new Command('breakthroughs')
    .description('your confirmed breakthroughs: a timeline with the steps that came of them, and counts by month')
    .option('-n, --limit <n>', 'only the latest n', positiveInt)
    .option('--proposed', 'instead: the breakthroughs reflect proposed that you have not labelled yet, to review')
    .option('--json', 'print JSON for scripts')
    .addHelpText(
      'after',
      examples('reflect breakthroughs', 'reflect breakthroughs -n 5 --json', 'reflect breakthroughs --proposed', 'reflect label 3f9c2a1b breakthrough   # confirm one'),
    )
    .action(async (options: BreakthroughsOptions, cmd: Command) => runBreakthroughs(options, depsFor(cmd)));
}

export async function runBreakthroughs(options: BreakthroughsOptions, deps: Deps): Promise<void> {
  const db = await deps.journal('read');
  if (options.proposed) return showProposed(db, options, deps);
  // One more than shown, so the oldest shown still knows how long after the one before it came.
  const fetched = confirmedBreakthroughs(db, options.limit === undefined ? undefined : options.limit + 1);
  const entries = options.limit === undefined ? fetched : fetched.slice(0, options.limit);
  const before = (i: number) => fetched[i + 1] ?? null;
  const actions = actionsForEntries(db, entries.map((e) => e.id));
  const months = breakthroughsByMonth(entries);
  const now = deps.now();
  const steps = entries.flatMap((e) => actions.get(e.id) ?? []);
  const summary = { breakthroughs: entries.length, since: entries.at(-1)?.date ?? null, steps: steps.length, done: steps.filter((a) => a.status === 'done').length };
  if (options.json) {
    deps.stdout.write(
      printJson({
        breakthroughs: entries.map((e, i) => ({
          ...entryJson(e),
          daysAfterPrevious: before(i) ? daysBetween(before(i)!.date, e.date) : null,
          actions: (actions.get(e.id) ?? []).map((a) => ({ ...actionJson(a), state: stepState(a, now) })),
        })),
        byMonth: Object.fromEntries(months),
        summary: { ...summary, since: summary.since?.toISOString() ?? null },
      }),
    );
    return;
  }
  const waiting = countProposedBreakthroughs(db);
  if (entries.length === 0) {
    deps.stderr.write(
      waiting
        ? `No confirmed breakthroughs yet; ${waiting} proposed by reflect wait${waiting === 1 ? 's' : ''} for your word: \`reflect breakthroughs --proposed\`\n`
        : 'No confirmed breakthroughs yet. They are proposed after a session (`reflect`) and kept once you confirm them.\n',
    );
    return;
  }
  const { style } = deps.stdout;
  const wrap = await wrapperOf(entries, deps);
  for (const [i, e] of entries.entries()) {
    const previous = before(i);
    writeEntry(e, style.bold.magenta('✦'), wrap, deps, previous ? style.dim(`  · ${later(previous.date, e.date)}`) : '');
    for (const a of actions.get(e.id) ?? []) {
      deps.stdout.write(`${wrap(`${safeLine(a.text)} ${style.dim(`— ${stepNote(a, now)}`)}`, `  ${actionBox(a.status, deps.stdout)} `, '      ')}\n`);
    }
    deps.stdout.write('\n');
  }
  // The summary closes the timeline; the counts by month and the hint stay where scripts found them.
  deps.stdout.write(`${summaryLine(summary, now)}\n`);
  deps.stdout.write(`${style.dim('By month:')} ${months.map(([m, n]) => `${monthName(new Date(`${m}-15T12:00:00`))}: ${n}`).join(' · ')}\n`);
  if (waiting) deps.stdout.write(`${style.dim(wrap(`${waiting} more proposed by reflect, waiting for your word: \`reflect breakthroughs --proposed\``, ''))}\n`);
}

/** Where a step stands, as the timeline says it: "done ✓ Fri 27 Nov", "open, due Mon 30 Nov", "overdue since …", "dropped". */
export function stepNote(a: Action, now: Date): string {
  const state = stepState(a, now);
  if (state === 'done') return `done ✓${a.updatedAt ? ` ${shortDay(a.updatedAt)}` : ''}`;
  if (state === 'dropped') return 'dropped';
  if (state === 'overdue') return `overdue since ${dueDay(a.dueAt!)}`;
  return a.dueAt ? `open, due ${dueDay(a.dueAt)}` : 'open';
}

/** "7 breakthroughs since 3 Mar; 5 steps committed, 3 done." (the year is given when it is not this one). */
export function summaryLine(s: { breakthroughs: number; since: Date | null; steps: number; done: number }, now: Date): string {
  const since = s.since ? ` since ${shortDay(s.since).replace(/^\S+ /, '')}${s.since.getFullYear() === now.getFullYear() ? '' : ` ${year4(s.since)}`}` : '';
  const steps = s.steps ? `${plural(s.steps, 'step')} committed, ${s.done} done` : 'no steps committed yet';
  return `${plural(s.breakthroughs, 'breakthrough')}${since}; ${steps}.`;
}

/** The candidates: proposed by the model, not labelled by the writer, newest first, each with the command that confirms it. */
async function showProposed(db: Db, options: BreakthroughsOptions, deps: Deps): Promise<void> {
  const entries = proposedBreakthroughs(db, options.limit);
  if (options.json) {
    deps.stdout.write(printJson(entries.map(entryJson)));
    return;
  }
  if (entries.length === 0) {
    deps.stderr.write('No proposed breakthroughs to review: each one you label leaves this list, and new ones come after a session or `reflect write`.\n');
    return;
  }
  const { style } = deps.stdout;
  const wrap = await wrapperOf(entries, deps);
  for (const e of entries) {
    writeEntry(e, style.dim.magenta('✦?'), wrap, deps);
    deps.stdout.write(`  ${style.dim('→')} reflect label ${shortId(e.id)} breakthrough\n\n`);
  }
  deps.stdout.write(style.dim('Not a breakthrough? Give it the label it is: `reflect label <id> skill` (or challenge, external, neutral).\n'));
}

/** On a terminal, questions and answers are broken between words at its width; in a pipe, lines stay whole. */
async function wrapperOf(entries: readonly Entry[], deps: Deps): Promise<Wrapper> {
  const { wrapperFor } = await import('../../ui/width.js');
  return wrapperFor(deps.stdout, entries.flatMap((e) => [e.text, e.session?.question ?? '']));
}

function writeEntry(e: Entry, mark: string, wrap: Wrapper, deps: Deps, after = ''): void {
  const { style } = deps.stdout;
  deps.stdout.write(`${mark} ${style.dim(stamp(e.date))}  ${style.yellow(shortId(e.id))}${after}\n`);
  if (e.session) deps.stdout.write(`${style.dim(wrap(safeLine(e.session.question), '  '))}\n`);
  deps.stdout.write(`${safeText(e.text).split('\n').map((l) => wrap(l, '  ')).join('\n')}\n`);
}
