import { endOfDay } from 'date-fns/endOfDay';
import { dueActions, postponeAction, setActionStatus } from '../store/actions.js';
import type { Db } from '../store/journal.js';
import { dueDay, dueHasTime, hhmm, isoDay } from '../core/dates.js';
import { safeLine } from '../ui/safe-text.js';
import type { Deps } from './context.js';
import { askDate } from './next-step.js';

/** Asks about each commitment that is due or overdue: done, not yet (with a new date), or dropped. */
export async function followUpDue(db: Db, deps: Deps): Promise<number> {
  const now = deps.now();
  const due = dueActions(db, endOfDay(now));
  if (due.length === 0) return 0;
  const prompter = await deps.prompter();
  const { style } = deps.stdout;
  for (const action of due) {
    const due = action.dueAt!;
    const today = isoDay(due) === isoDay(now);
    const when = today ? `due today${dueHasTime(due) ? ` ${hhmm(due)}` : ''}` : `due ${dueDay(due)}`;
    deps.stdout.write(`\nYou committed to: "${safeLine(action.text)}" ${style.dim(`(${when})`)}\n`);
    const answer = await prompter.choose({
      message: 'Did you do it?',
      choices: [
        { value: 'done', label: 'Yes' },
        { value: 'later', label: 'Not yet (pick a new date)' },
        { value: 'drop', label: 'Drop it' },
      ],
    });
    if (answer === 'done') {
      setActionStatus(db, action.id, 'done', deps.now());
      deps.stdout.write(`${style.green('✔')} Done. That's follow-through.\n`);
    } else if (answer === 'drop') {
      setActionStatus(db, action.id, 'dropped', deps.now());
      deps.stdout.write('Dropped. Letting go of a step is a decision too.\n');
    } else {
      const dueAt = await askDate(deps, 'in 2 days');
      postponeAction(db, action.id, dueAt, deps.now());
      deps.stdout.write(`Moved to ${dueDay(dueAt)}.\n`);
    }
  }
  return due.length;
}
