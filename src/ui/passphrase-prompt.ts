import { password } from '@inquirer/prompts';
import { ReadStream } from 'node:tty';
import { guard } from './inquirer-prompter.js';
import { openTerminal } from './controlling-terminal.js';
import { safeLine } from './safe-text.js';

/**
 * A passphrase typed without echo. The question goes to stderr, so `reflect export > journal.md`
 * asks on the terminal and keeps the file clean; with stdin a pipe (`echo … | reflect write -`) it
 * is read from the terminal itself, as ssh and gpg do. Ctrl-C is `interrupted`, as everywhere.
 */
export async function askHidden(message: string): Promise<string> {
  const terminal = process.stdin.isTTY ? null : openTerminal();
  const input = terminal ? new ReadStream(terminal) : process.stdin;
  try {
    return await guard(() => password({ message: safeLine(message) }, { input, output: process.stderr }));
  } finally {
    if (terminal !== null) {
      input.destroy();
    }
  }
}
