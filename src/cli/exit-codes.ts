import type { ErrorKind } from '../core/errors.js';

/**
 * The one table from error kinds to exit codes; the README's "Exit codes" section mirrors it.
 * Stopped from outside, reflect exits 128 + the signal's number, as a shell reports it:
 * Ctrl-C (SIGINT 2) 130, the terminal closing (SIGHUP 1, or EIO from it) 129, SIGTERM (15) 143.
 */
export const EXIT_CODES: Record<ErrorKind | 'ok' | 'unexpected' | 'terminated', number> = {
  ok: 0,
  'not-found': 1,
  ambiguous: 1,
  journal: 1,
  invalid: 1,
  refused: 1,
  output: 1,
  unexpected: 1,
  usage: 2,
  passphrase: 3,
  interrupted: 130,
  'hung-up': 129,
  terminated: 143,
};
