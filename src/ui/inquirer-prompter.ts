import { checkbox, confirm, editor, input, number, select } from '@inquirer/prompts';
import { interrupted } from '../core/errors.js';
import type { Choice, Prompter } from '../core/prompter.js';
import { safeLine, safeText } from './safe-text.js';

/**
 * The terminal Prompter, on @inquirer/prompts. Inquirer reports Ctrl-C as ExitPromptError;
 * it becomes our `interrupted` error so `main` handles every Ctrl-C in one place. Questions,
 * hints and choices come from a coach's set and earlier answers: all are made safe to show here,
 * while the values the choices stand for are passed back untouched.
 */
export function inquirerPrompter(): Prompter {
  return {
    ask: ({ message, hint, required = true, initial }) =>
      guard(() =>
        input({
          message: withHint(message, hint),
          default: initial === undefined ? undefined : safeLine(initial),
          required,
          validate: (v) => !required || v.trim() !== '' || 'An answer is needed here (Ctrl-C stops; your answers so far are kept).',
        }),
      ),
    write: ({ message, hint, required = true }) =>
      guard(() =>
        editor({
          message: withHint(message, hint),
          postfix: '.md',
          waitForUserInput: true,
          validate: (v) => !required || v.trim() !== '' || 'An answer is needed here.',
        }),
      ),
    choose: ({ message, choices, initial }) =>
      guard(() =>
        select({ message: safeText(message), choices: shown(choices), default: initial }),
      ),
    chooseMany: ({ message, choices, required = true }) =>
      guard(() =>
        checkbox({ message: safeText(message), required, choices: shown(choices) }),
      ),
    confirm: ({ message, initial }) => guard(() => confirm({ message: safeText(message), default: initial })),
    scale: async ({ message, min, max, labels, required = true }) => {
      const legend = labels ? Object.entries(labels).map(([k, v]) => `${k} ${safeLine(v)}`).join(' · ') : `${min}–${max}`;
      const value = await guard(() => number({ message: `${safeText(message)} (${legend})`, min, max, step: 1, required }));
      return value ?? null;
    },
  };
}

function withHint(message: string, hint?: string): string {
  return hint ? `${safeText(message)}\n  ${safeLine(hint)}\n ` : safeText(message);
}

/** A list's choices as shown: one line each. */
function shown<T>(choices: readonly Choice<T>[]) {
  return choices.map((c) => ({ value: c.value, name: safeLine(c.label), ...(c.hint === undefined ? {} : { description: safeLine(c.hint) }) }));
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
