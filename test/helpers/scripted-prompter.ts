import { interrupted } from '../../src/core/errors.js';
import type { Prompter } from '../../src/core/prompter.js';

/**
 * A Prompter that answers from a script, in order, and records every message it was asked.
 * The string 'CTRL-C' in the script behaves like the person pressing Ctrl-C.
 */
export function scriptedPrompter(script: unknown[]) {
  const asked: string[] = [];
  const next = async <T>(message: string): Promise<T> => {
    asked.push(message);
    if (script.length === 0) throw new Error(`the script ran out at: ${message}`);
    const value = script.shift();
    if (value === 'CTRL-C') throw interrupted();
    return value as T;
  };
  const prompter: Prompter = {
    ask: ({ message }) => next(message),
    write: ({ message }) => next(message),
    choose: ({ message }) => next(message),
    chooseMany: ({ message }) => next(message),
    confirm: ({ message }) => next(message),
    scale: ({ message }) => next(message),
  };
  return { prompter, asked, left: () => script.length };
}
