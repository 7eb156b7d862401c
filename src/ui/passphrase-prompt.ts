import { password } from '@inquirer/prompts';
import { guard } from './inquirer-prompter.js';
import { safeLine } from './safe-text.js';

/**
 * A passphrase typed without echo. The question goes to stderr, so `reflect export > journal.md`
 * on an encrypted journal asks on the terminal and keeps the file clean. Ctrl-C is `interrupted`,
 * as at every other question.
 */
export function askHidden(message: string): Promise<string> {
  return guard(() => password({ message: safeLine(message) }, { output: process.stderr }));
}
