import { unstyled } from './safe-text.js';
import type { Terminal } from './terminal.js';
import { childEnv } from './child-env.js';

/**
 * Long output on a terminal goes through $PAGER (default `less -FRX`: quit if it fits, keep
 * colour, leave the text on screen after quitting), as git does. Never in a pipe or for --json,
 * where a script reads it; `PAGER=` (empty) or `PAGER=cat` turns it off.
 */
export const DEFAULT_PAGER = 'less -FRX';

/** The pager's words when `text` should be paged, else null (print it as it is). */
export function pagerFor(text: string, out: Terminal, env: NodeJS.ProcessEnv, json = false): string[] | null {
  if (json || !out.isTTY || !out.rows) return null;
  // Words, not a shell line: a pager that is not there then fails to start, and we print instead.
  const words = (env.PAGER ?? DEFAULT_PAGER).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words[0] === 'cat') return null;
  // One row stays for the prompt that follows.
  return screenLines(text, out.columns) > out.rows - 1 ? words : null;
}

/** How many terminal rows the text fills, a long line taking several (close enough: less -F decides exactly). */
function screenLines(text: string, columns: number): number {
  let rows = 0;
  for (const line of text.replace(/\n$/, '').split('\n')) rows += Math.max(1, Math.ceil(unstyled(line).length / columns));
  return rows;
}

/** Prints `text`, through the pager when pagerFor says so; a pager that cannot start falls back to plain output. */
export async function page(text: string, out: Terminal, env: NodeJS.ProcessEnv, json = false): Promise<void> {
  const pager = pagerFor(text, out, env, json);
  if (!pager || !(await runPager(pager, text, env))) out.write(text);
}

/** Runs the pager on the text; false when it could not be started. */
async function runPager([command, ...args]: string[], text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  // Ctrl-C in the pager is the pager's (less ignores it); reflect waits for it to end, as git does.
  const onInterrupt = process.rawListeners('SIGINT');
  process.removeAllListeners('SIGINT');
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    return await new Promise<boolean>((resolve) => {
      const child = spawn(command!, args, { stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', ...childEnv(env) } });
      let started = false;
      child.on('spawn', () => {
        started = true;
        child.stdin!.end(text);
      });
      // The reader quit before the end (q in less): the rest is not wanted.
      child.stdin!.on('error', () => {});
      child.on('error', () => resolve(started));
      child.on('close', () => resolve(true));
    });
  } finally {
    process.off('SIGINT', ignore);
    for (const listener of onInterrupt) process.on('SIGINT', listener as () => void);
  }
}
