import { Command } from 'commander';
import { shortId, type Entry } from '../../core/entry.js';
import { actionsForEntries } from '../../store/actions.js';
import { breakthroughsByMonth, confirmedBreakthroughs, countProposedBreakthroughs, proposedBreakthroughs } from '../../store/breakthroughs.js';
import { monthName, stamp } from '../../core/dates.js';
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
  const entries = confirmedBreakthroughs(db, options.limit);
  const actions = actionsForEntries(db, entries.map((e) => e.id));
  const months = breakthroughsByMonth(entries);
  if (options.json) {
    deps.stdout.write(
      printJson({
        breakthroughs: entries.map((e) => ({ ...entryJson(e), actions: (actions.get(e.id) ?? []).map(actionJson) })),
        byMonth: Object.fromEntries(months),
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
  for (const e of entries) {
    writeEntry(e, style.bold.magenta('✦'), wrap, deps);
    for (const a of actions.get(e.id) ?? []) {
      deps.stdout.write(`${wrap(safeLine(a.text), `  ${actionBox(a.status, deps.stdout)} `, '      ')}\n`);
    }
    deps.stdout.write('\n');
  }
  deps.stdout.write(`${style.dim('By month:')} ${months.map(([m, n]) => `${monthName(new Date(`${m}-15T12:00:00`))}: ${n}`).join(' · ')}\n`);
  if (waiting) deps.stdout.write(style.dim(`${waiting} more proposed by reflect, waiting for your word: \`reflect breakthroughs --proposed\`\n`));
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

function writeEntry(e: Entry, mark: string, wrap: Wrapper, deps: Deps): void {
  const { style } = deps.stdout;
  deps.stdout.write(`${mark} ${style.dim(stamp(e.date))}  ${style.yellow(shortId(e.id))}\n`);
  if (e.session) deps.stdout.write(`${style.dim(wrap(safeLine(e.session.question), '  '))}\n`);
  deps.stdout.write(`${safeText(e.text).split('\n').map((l) => wrap(l, '  ')).join('\n')}\n`);
}
