import { Command } from 'commander';
import { shortId } from '../../core/entry.js';
import { usageError } from '../../core/errors.js';
import { findActionId } from '../../store/lookup.js';
import { getAction, listActions, setActionStatus, type Action, type ActionStatus } from '../../store/actions.js';
import { dueHasTime, dueStamp, isoDay } from '../../core/dates.js';
import { printJson } from '../../ui/json.js';
import { actionBox } from '../../ui/render.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';

export interface ActionsOptions {
  open?: boolean;
  done?: boolean;
  json?: boolean;
}

export function actionsCommand(): Command {
  const command = new Command('actions')
    .description('the next steps you committed to; due ones are followed up first on a terminal')
    .option('--open', 'only open commitments')
    .option('--done', 'only the ones you did')
    .option('--json', 'print one JSON array for scripts')
    .addHelpText('after', examples('reflect actions', 'reflect actions --open --json', 'reflect actions done 7c1e'))
    .action(async (options: ActionsOptions, cmd: Command) => runActions(options, depsFor(cmd)));
  command.addCommand(
    new Command('done')
      .description('mark a commitment as done')
      .argument('<id>', 'the action id (the short id from `reflect actions` is enough)')
      .addHelpText('after', examples('reflect actions done 7c1e'))
      .action(async (id: string, _options: unknown, cmd: Command) => runActionDone({ id }, depsFor(cmd))),
  );
  return command;
}

export async function runActions(options: ActionsOptions, deps: Deps): Promise<void> {
  if (options.open && options.done) throw usageError('--open and --done exclude each other; leave both out to see all');
  const db = await deps.journal(deps.interactive && !options.json ? 'update' : 'read');
  if (deps.interactive && !options.json) {
    const { followUpDue } = await import('../follow-up.js');
    await followUpDue(db, deps);
  }
  const status: ActionStatus | undefined = options.open ? 'open' : options.done ? 'done' : undefined;
  const actions = listActions(db, status);
  if (options.json) {
    deps.stdout.write(printJson(actions.map(actionJson)));
    return;
  }
  if (actions.length === 0) {
    deps.stderr.write('No commitments yet. A guided session ends by offering one: run `reflect`.\n');
    return;
  }
  const { style } = deps.stdout;
  const now = deps.now();
  const { wrapperFor } = await import('../../ui/width.js');
  const wrap = await wrapperFor(deps.stdout, actions.map((a) => a.text));
  for (const a of actions) {
    const box = actionBox(a.status, deps.stdout);
    const due = a.dueAt ? dueStamp(a.dueAt) : '';
    // A step due at a time is overdue once the time has passed; one due on a day, once the day has.
    const overdue = a.status === 'open' && a.dueAt && (dueHasTime(a.dueAt) ? a.dueAt < now : isoDay(a.dueAt) < isoDay(now));
    const when = !due ? '' : overdue ? `overdue ${due}` : `due ${due}`;
    // The step and its date, broken between words under the step's first word ("[ ] 3f9c2a1b  ");
    // the date is styled once it has its place.
    const row = wrap(when ? `${safeLine(a.text)}  ${when}` : safeLine(a.text), `${box} ${style.yellow(shortId(a.id))}  `, ' '.repeat(14));
    const styled = when && row.endsWith(when) ? row.slice(0, row.length - when.length) + (overdue ? style.red(when) : style.dim(when)) : row;
    deps.stdout.write(`${styled}\n`);
  }
}

export async function runActionDone(options: { id: string }, deps: Deps): Promise<void> {
  const db = await deps.journal('update');
  const action = getAction(db, findActionId(db, options.id))!;
  if (action.status === 'done') {
    deps.stdout.write(`Already done: "${safeLine(action.text)}"\n`);
    return;
  }
  setActionStatus(db, action.id, 'done', deps.now());
  deps.stdout.write(`${deps.stdout.style.green('✔')} Done: "${safeLine(action.text)}". That's follow-through.\n`);
}

export function actionJson(a: Action) {
  return {
    id: a.id,
    shortId: shortId(a.id),
    text: a.text,
    label: a.label,
    status: a.status,
    due: a.dueAt?.toISOString() ?? null,
    entryId: a.entryId,
    sessionId: a.sessionId,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt?.toISOString() ?? null,
  };
}
