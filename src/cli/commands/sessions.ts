import { Command } from 'commander';
import { listSessions, type SessionSummary } from '../../store/sessions.js';
import { printJson } from '../../ui/json.js';
import { sessionLine } from '../../ui/list-view.js';
import { page } from '../../ui/pager.js';
import { fitFor } from '../../ui/width.js';
import { actionJson } from './actions.js';
import { depsFor, type Deps } from '../context.js';
import { addFilterOptions, examples, positiveInt, toFilter, type FilterOptions } from '../filters.js';

export interface SessionsOptions extends FilterOptions {
  limit: number;
  set?: string;
  json?: boolean;
}

export function sessionsCommand(): Command {
  const command = new Command('sessions')
    .description('list guided sessions, newest first: set, answers, breakthroughs, the step committed')
    .option('-n, --limit <n>', 'how many sessions to show', positiveInt, 20)
    .option('--set <id>', 'only sessions of this prompt set')
    .option('--json', 'print one JSON array for scripts');
  // The entry filters pick sessions by their answers: --label breakthrough, sessions with one.
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect sessions',
        'reflect sessions --set breakthrough --from "last month"',
        'reflect sessions --label breakthrough   # sessions with a breakthrough',
        'reflect sessions --json | jq ".[].step"',
      ) + '\nFilters pick a session when at least one of its answers matches them.\n',
    )
    .action(async (options: SessionsOptions, cmd: Command) => runSessions(options, depsFor(cmd)));
}

export async function runSessions(options: SessionsOptions, deps: Deps): Promise<void> {
  const filter = { ...(await toFilter(options, deps.now())), limit: options.limit, ...(options.set ? { setId: options.set } : {}) };
  const db = await deps.journal('read');
  const { sessions, total } = listSessions(db, filter);
  if (options.json) {
    deps.stdout.write(printJson(sessions.map(sessionJson)));
    return;
  }
  if (sessions.length === 0) {
    deps.stderr.write('No sessions match. Start one with `reflect session`.\n');
    return;
  }
  const out = deps.stdout;
  const fit = out.isTTY ? await fitFor(sessions.flatMap((s) => [s.setTitle, s.step?.text ?? ''])) : undefined;
  await page(`${sessions.map((s) => sessionLine(s, out, fit)).join('\n')}\n`, out, deps.env);
  if (total > sessions.length) {
    await out.settled?.();
    deps.stderr.write(`${sessions.length} of ${total} shown; add \`-n ${total}\` to see all.\n`);
  }
}

/** The stable JSON shape of a session row: add fields, never rename them. */
export function sessionJson(s: SessionSummary) {
  return {
    id: s.id,
    setId: s.setId,
    setTitle: s.setTitle,
    startedAt: s.startedAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
    status: s.status,
    answers: s.answers,
    breakthroughs: s.breakthroughs,
    confirmedBreakthroughs: s.confirmedBreakthroughs,
    /** As `reflect actions --json` shows it. */
    step: s.step ? actionJson(s.step) : null,
  };
}
