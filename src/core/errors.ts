/**
 * Every failure a user can cause is one of these. Only `cli/main` turns them
 * into exit codes (see cli/exit-codes.ts); everywhere else simply throws.
 */
export type ErrorKind =
  | 'usage' // the command line itself is wrong: unknown option, bad date, bad query
  | 'not-found' // no entry, session, set or file by that name
  | 'ambiguous' // a short id that matches more than one thing
  | 'journal' // the journal file cannot be used: not a journal, unreadable, too new
  | 'passphrase' // an encrypted journal's passphrase is wrong, missing, or cannot be read
  | 'invalid' // a file the user gave (prompt set, answers, import) is malformed
  | 'refused' // the command will not act without confirmation
  | 'output' // what it writes cannot be written: a full disk, a closed output
  | 'interrupted' // Ctrl-C
  | 'hung-up'; // the terminal went away (closed window, lost connection) mid-question

export class ReflectError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Extra lines printed after the one-line message (e.g. every problem in a file). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ReflectError';
  }
}

export const usageError = (message: string) => new ReflectError('usage', message);
export const notFound = (message: string) => new ReflectError('not-found', message);
export const journalError = (message: string) => new ReflectError('journal', message);
export const passphraseError = (message: string) => new ReflectError('passphrase', message);
export const invalidInput = (message: string, details: readonly string[] = []) =>
  new ReflectError('invalid', message, details);
export const outputError = (message: string) => new ReflectError('output', message);
export const refused = (message: string) => new ReflectError('refused', message);
export const interrupted = (message = 'interrupted') => new ReflectError('interrupted', message);
export const hungUp = (message = 'the terminal closed') => new ReflectError('hung-up', message);
