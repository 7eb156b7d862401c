import type { ErrorKind } from '../core/errors.js';

/** The one table from error kinds to exit codes; the README's "Exit codes" section mirrors it. */
export const EXIT_CODES: Record<ErrorKind | 'ok' | 'unexpected', number> = {
  ok: 0,
  'not-found': 1,
  ambiguous: 1,
  journal: 1,
  invalid: 1,
  refused: 1,
  output: 1,
  unexpected: 1,
  usage: 2,
  interrupted: 130,
};
