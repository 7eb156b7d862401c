import { Command } from 'commander';
import { shortId } from '../../core/entry.js';
import { actionsForEntries } from '../../store/actions.js';
import { breakthroughsByMonth, confirmedBreakthroughs } from '../../store/breakthroughs.js';
import { monthName, stamp } from '../../core/dates.js';
import { entryJson, printJson } from '../../ui/json.js';
import { actionBox } from '../../ui/render.js';
import { depsFor, type Deps } from '../context.js';
import { examples, positiveInt } from '../filters.js';
import { actionJson } from './actions.js';

export interface BreakthroughsOptions {
  limit?: number;
  json?: boolean;
}

export function breakthroughsCommand(): Command {
  return new Command('breakthroughs')
    .description('your confirmed breakthroughs: a timeline with the steps that came of them, and counts by month')
    .option('-n, --limit <n>', 'only the latest n', positiveInt)
    .option('--json', 'print JSON for scripts')
    .addHelpText('after', examples('reflect breakthroughs', 'reflect breakthroughs -n 5 --json'))
    .action(async (options: BreakthroughsOptions, cmd: Command) => runBreakthroughs(options, depsFor(cmd)));
}

export async function runBreakthroughs(options: BreakthroughsOptions, deps: Deps): Promise<void> {
  const db = await deps.journal('read');
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
  if (entries.length === 0) {
    deps.stderr.write('No confirmed breakthroughs yet. They are proposed after a session (`reflect`) and kept once you confirm them.\n');
    return;
  }
  const { style } = deps.stdout;
  for (const e of entries) {
    deps.stdout.write(`${style.bold.magenta('✦')} ${style.dim(stamp(e.date))}  ${style.yellow(shortId(e.id))}\n`);
    if (e.session) deps.stdout.write(`  ${style.dim(e.session.question)}\n`);
    deps.stdout.write(`${e.text.split('\n').map((l) => `  ${l}`).join('\n')}\n`);
    for (const a of actions.get(e.id) ?? []) {
      deps.stdout.write(`  ${actionBox(a.status, deps.stdout)} ${a.text}\n`);
    }
    deps.stdout.write('\n');
  }
  deps.stdout.write(`${style.dim('By month:')} ${months.map(([m, n]) => `${monthName(new Date(`${m}-15T12:00:00`))}: ${n}`).join(' · ')}\n`);
}
