import { checkbox, confirm, editor, input, number, select } from '@inquirer/prompts';
import { interrupted } from '../core/errors.js';
import { MAX_ENTRY_BYTES, megabytes, utf8Length } from '../core/limits.js';
import type { Prompter } from '../core/prompter.js';

/** Asked again rather than lost: an answer too long to keep is sent back to the writer. */
const fitsAnEntry = (v: string): true | string =>
  utf8Length(v) <= MAX_ENTRY_BYTES || `This answer is ${megabytes(utf8Length(v))}; an answer may be at most ${megabytes(MAX_ENTRY_BYTES)}.`;

/**
 * The terminal Prompter, on @inquirer/prompts. Inquirer reports Ctrl-C as ExitPromptError;
 * it becomes our `interrupted` error so `main` handles every Ctrl-C in one place.
 */
export function inquirerPrompter(): Prompter {
  return {
    ask: ({ message, hint, required = true, initial }) =>
      guard(() =>
        input({
          message: withHint(message, hint),
          default: initial,
          required,
          validate: (v) => (required && v.trim() === '' ? 'An answer is needed here (Ctrl-C stops; your answers so far are kept).' : fitsAnEntry(v)),
        }),
      ),
    write: ({ message, hint, required = true }) =>
      guard(() =>
        editor({
          message: withHint(message, hint),
          postfix: '.md',
          waitForUserInput: true,
          validate: (v) => (required && v.trim() === '' ? 'An answer is needed here.' : fitsAnEntry(v)),
        }),
      ),
    choose: ({ message, choices, initial }) =>
      guard(() =>
        select({ message, choices: choices.map((c) => ({ value: c.value, name: c.label, description: c.hint })), default: initial }),
      ),
    chooseMany: ({ message, choices, required = true }) =>
      guard(() =>
        checkbox({ message, required, choices: choices.map((c) => ({ value: c.value, name: c.label, description: c.hint })) }),
      ),
    confirm: ({ message, initial }) => guard(() => confirm({ message, default: initial })),
    scale: async ({ message, min, max, labels, required = true }) => {
      const legend = labels ? Object.entries(labels).map(([k, v]) => `${k} ${v}`).join(' · ') : `${min}–${max}`;
      const value = await guard(() => number({ message: `${message} (${legend})`, min, max, step: 1, required }));
      return value ?? null;
    },
  };
}

function withHint(message: string, hint?: string): string {
  return hint ? `${message}\n  ${hint}\n ` : message;
}

async function guard<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') {
      throw interrupted();
    }
    throw error;
  }
}
