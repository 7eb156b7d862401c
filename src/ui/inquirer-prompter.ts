import { checkbox, confirm, input, number, select } from '@inquirer/prompts';
import { hungUp, interrupted } from '../core/errors.js';
import { MAX_ENTRY_BYTES, megabytes, utf8Length } from '../core/limits.js';
import type { Choice, Prompter } from '../core/prompter.js';
import { safeLine, safeText } from './safe-text.js';
import { isTerminalGone } from './terminal.js';

/** Asked again rather than lost: an answer too long to keep is sent back to the writer. */
const fitsAnEntry = (v: string): true | string =>
  utf8Length(v) <= MAX_ENTRY_BYTES || `This answer is ${megabytes(utf8Length(v))}; an answer may be at most ${megabytes(MAX_ENTRY_BYTES)}.`;

/**
 * The terminal Prompter, on @inquirer/prompts. Inquirer reports Ctrl-C as ExitPromptError;
 * it becomes our `interrupted` error so `main` handles every Ctrl-C in one place. Questions,
 * hints and choices come from a coach's set and earlier answers: all are made safe to show here,
 * while the values the choices stand for are passed back untouched.
 * Long answers go through `edit` (ui/editor.ts: a private file in a private folder), not the
 * library's editor prompt, whose temp file anyone on the machine could read.
 */
export function inquirerPrompter(edit: (initial: string) => Promise<string>): Prompter {
  return {
    ask: ({ message, hint, required = true, initial }) =>
      guard(() =>
        input({
          message: withHint(message, hint),
          default: initial === undefined ? undefined : safeLine(initial),
          required,
          validate: (v) => (required && v.trim() === '' ? 'An answer is needed here (Ctrl-C stops; your answers so far are kept).' : fitsAnEntry(v)),
        }),
      ),
    write: async ({ message, hint, required = true }) => {
      // Whatever is typed at the prompt starts the draft in the editor.
      let draft = await guard(() => input({ message: `${withHint(message, hint)} (Enter opens your editor)`, required: false }));
      for (;;) {
        draft = await edit(draft);
        const problem = required && draft.trim() === '' ? 'An answer is needed here' : fitsAnEntry(draft);
        if (problem === true) return draft;
        // The draft is kept and reopened, so nothing written is lost.
        await guard(() => input({ message: `${problem.replace(/\.$/, "")}: Enter opens your editor again (Ctrl-C stops; your answers so far are kept).`, required: false }));
      }
    },
    choose: ({ message, hint, choices, initial }) =>
      guard(() =>
        select({ message: withHint(message, hint), choices: shown(choices), default: initial }),
      ),
    chooseMany: ({ message, hint, choices, required = true }) =>
      guard(() =>
        checkbox({ message: withHint(message, hint), required, choices: shown(choices) }),
      ),
    confirm: ({ message, hint, initial }) => guard(() => confirm({ message: withHint(message, hint), default: initial })),
    scale: async ({ message, hint, min, max, labels, required = true }) => {
      const legend = labels ? Object.entries(labels).map(([k, v]) => `${k} ${safeLine(v)}`).join(' · ') : `${min}–${max}`;
      const value = await guard(() => number({ message: withHint(`${message} (${legend})`, hint), min, max, step: 1, required }));
      return value ?? null;
    },
  };
}

/** The hint on a line of its own under the question, and the answer (typed or picked) on the next. */
function withHint(message: string, hint?: string): string {
  return hint ? `${safeText(message)}\n  ${safeLine(hint)}\n ` : safeText(message);
}

/** A list's choices as shown: one line each. */
function shown<T>(choices: readonly Choice<T>[]) {
  return choices.map((c) => ({
    value: c.value,
    name: safeLine(c.label),
    ...(c.hint === undefined ? {} : { description: safeLine(c.hint) }),
    ...(c.checked ? { checked: true } : {}),
  }));
}

/**
 * Ctrl-C becomes `interrupted`; a terminal that went away (its input ended, or it fails with EIO)
 * becomes `hung-up`, never a crash. The library does not notice its input ending, so the prompt
 * is cancelled when it does, instead of waiting for ever.
 */
export async function guard<T>(ask: () => Promise<T> & { cancel?: () => void }): Promise<T> {
  const prompt = ask();
  let ended = false;
  const end = () => {
    ended = true;
    prompt.cancel?.();
  };
  process.stdin.once('end', end);
  try {
    return await prompt;
  } catch (error) {
    const { name } = error as Error;
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw interrupted();
    if (ended || isTerminalGone(error)) throw hungUp();
    throw error;
  } finally {
    process.stdin.removeListener('end', end);
  }
}
