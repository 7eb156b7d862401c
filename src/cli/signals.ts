import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { isTerminalGone } from '../ui/terminal.js';
import { EXIT_CODES } from './exit-codes.js';

/**
 * Every way reflect is stopped from outside, in one place: Ctrl-C, the terminal closing (SIGHUP,
 * or EIO/EBADF/ENOTTY from a terminal that is gone) and SIGTERM. Answers are written as they are
 * given, in transactions a signal cannot split, so stopping here loses nothing already saved and
 * leaves an unfinished session open to resume.
 */

const SAVED = 'every answer given is saved; a session continues with `reflect session --resume`';
const HUNG_UP = `the terminal closed; ${SAVED}`;


/** Which of stdin, stdout and stderr were terminals when reflect started. */
let startedOnTerminal: boolean[] = [false, false, false];
let stopping = false;

/** `onUnexpected` reports any other uncaught error (as main does) and returns the exit code. */
export function installSignals(onUnexpected: (error: unknown) => number): void {
  startedOnTerminal = [0, 1, 2].map((fd) => isatty(fd));
  process.once('SIGINT', () => stop(EXIT_CODES.interrupted, 'interrupted; what was already saved stays saved'));
  process.once('SIGHUP', () => stop(EXIT_CODES['hung-up'], HUNG_UP));
  process.once('SIGTERM', () => stop(EXIT_CODES.terminated, `stopped (SIGTERM); ${SAVED}`));
  // A closed terminal reaches us as an 'error' event nobody listens for: the prompt library's
  // readline failing to leave raw mode (setRawMode EIO), or a read or write on the dead pty.
  process.on('uncaughtException', (error) => {
    if (isTerminalGone(error)) hangUp();
    else if (!stopping) process.exit(onUnexpected(error));
  });
}

/** Ends reflect as a hang-up: 129, one line if stderr still works. */
export function hangUp(message = HUNG_UP): never {
  return stop(EXIT_CODES['hung-up'], message);
}

function stop(code: number, message: string): never {
  if (!stopping) {
    stopping = true;
    // Writing to a terminal that is gone fails now or as an 'error' event later: neither matters.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
    const live = (fd: number) => startedOnTerminal[fd] && isatty(fd);
    // The prompt may have hidden the cursor; a terminal that is still there gets it back.
    if (live(1)) quietly(() => process.stdout.write('\x1b[?25h'));
    quietly(() => process.stderr.write(`${live(2) ? '\n' : ''}reflect: ${message}\n`));
  }
  releaseDeadTerminal();
  process.exit(code);
}

/**
 * At exit Node restores each terminal's settings and aborts (SIGABRT, or worse) when that fails
 * because the terminal is gone. A closed descriptor is one it skips, so the dead ones are closed.
 */
export function releaseDeadTerminal(): void {
  for (const fd of [0, 1, 2]) {
    if (startedOnTerminal[fd] && !isatty(fd)) quietly(() => closeSync(fd));
  }
}

function quietly(act: () => unknown): void {
  try {
    act();
  } catch {
    // nothing more to say to a terminal that is not there
  }
}
