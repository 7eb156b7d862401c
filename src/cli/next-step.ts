import { suggestActions } from '../core/actions.js';
import { ReflectError } from '../core/errors.js';
import type { Label, PromptSet } from '../core/prompt-set.js';
import { commitAction, setCommittedDue, type Action } from '../store/actions.js';
import type { Db } from '../store/journal.js';
import { dueDay, isoDay } from '../core/dates.js';
import { safeLine } from '../ui/safe-text.js';
import type { Deps } from './context.js';
import { finalLabel, type Reviewed } from './review.js';

/** Which label the next step is about: a breakthrough first, then whatever else stood out. */
const PRIORITY: Label[] = ['breakthrough', 'challenge', 'external', 'skill', 'neutral'];

export function focusOf(reviewed: readonly Reviewed[]): Reviewed | null {
  for (const label of PRIORITY) {
    // Among answers with the same label, the writer's own word first, then the clearest case.
    const found = reviewed
      .filter((r) => finalLabel(r) === label)
      .sort((a, b) => Number(b.confirmed === label) - Number(a.confirmed === label) || b.proposed.probabilities[label] - a.proposed.probabilities[label]);
    if (found[0]) return found[0];
  }
  return null;
}

/** Offers next actions for what stood out; the writer picks one or writes their own, and a date. */
export async function offerNextStep(
  db: Db,
  reviewed: readonly Reviewed[],
  context: { set: PromptSet | null; sessionId: string | null; answerText: (id: string) => string | undefined },
  deps: Deps,
): Promise<Action | null> {
  const focus = focusOf(reviewed);
  if (!focus) return null;
  const label = finalLabel(focus);
  const suggestions = suggestActions(label, context.set, context.answerText);
  const prompter = await deps.prompter();
  const { style } = deps.stdout;
  deps.stdout.write(`\n${style.dim('── Next step ──────────────────────────────────────────')}\n`);
  const picked = await prompter.choose<string>({
    message: 'Pick one, or write your own:',
    choices: [
      ...suggestions.map((s) => ({ value: s.text, label: s.text, hint: s.from === 'set' ? 'from this set' : undefined })),
      { value: '\u0000own', label: 'Write my own…' },
      { value: '\u0000none', label: 'Not now' },
    ],
  });
  if (picked === '\u0000none') return null;
  const text = picked === '\u0000own' ? await prompter.ask({ message: 'Your next step:' }) : picked;
  if (!text.trim()) return null;
  // The step is kept the moment it is written; "By when?" only adds its date, so a Ctrl-C there
  // leaves the step open without one.
  const committed = commitAction(db, { text: text.trim(), label, entryId: focus.id, sessionId: context.sessionId, dueAt: null }, deps.now());
  const dueAt = await askDate(deps, label === 'breakthrough' ? 'in 2 days' : 'friday');
  const action = setCommittedDue(db, committed.id, dueAt);
  const said = `Committed: "${safeLine(action.text)}" — due ${dueDay(dueAt)}. I'll ask you about it next time.`;
  // On a terminal the line is broken between words, under its ✔, rather than wherever the edge falls.
  const { wrapperFor } = await import('../ui/width.js');
  const wrap = await wrapperFor(deps.stdout, [said]);
  deps.stdout.write(`${wrap(said, `${style.green('✔')} `, '  ')}\n`);
  return action;
}

/** Asks "By when?" until the answer is a date reflect can read. */
export async function askDate(deps: Deps, initial: string): Promise<Date> {
  const prompter = await deps.prompter();
  // Date parsing (and chrono-node) loads at the question, not with every session.
  const { parseWhen } = await import('../core/when.js');
  for (;;) {
    const weekAhead = new Date(deps.now());
    weekAhead.setDate(weekAhead.getDate() + 7);
    const answer = await prompter.ask({ message: `By when? (e.g. friday, next week, ${isoDay(weekAhead)})`, initial });
    try {
      return (await parseWhen(answer, deps.now(), { prefer: 'future' })).date;
    } catch (error) {
      if (!(error instanceof ReflectError)) throw error;
      deps.stdout.write(`  ${deps.stdout.style.red(safeLine(error.message))}\n`);
    }
  }
}
