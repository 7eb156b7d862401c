import type { Deps } from './context.js';

/** Said under the help of encrypt, decrypt and passphrase: where a passphrase comes from. */
export const PASSPHRASE_HELP = `
The passphrase comes from REFLECT_PASSPHRASE_COMMAND (a command that prints
it, such as \`pass show reflect\`), REFLECT_PASSPHRASE_FILE (a file holding
it) or REFLECT_PASSPHRASE; with none set, it is asked on the terminal, hidden.
It is never taken from the command line. A forgotten passphrase cannot be
recovered.
`;

/** Where the passphrase came from, when it was not typed: " with the passphrase from REFLECT_…". */
export const fromWords = (from: string) => (from === 'the terminal' ? '' : ` with the passphrase from ${from}`);

/**
 * Exports and reports are plain text by nature: said once, on a terminal, when the journal they
 * come from is encrypted, so no one takes the file for as private as the journal.
 */
export async function notePlaintext(deps: Pick<Deps, 'stderr' | 'journalPath'>, what: string): Promise<void> {
  if (!deps.stderr.isTTY) return;
  const { journalFormat } = await import('../store/cipher.js');
  if (journalFormat(deps.journalPath) !== 'encrypted') return;
  deps.stderr.write(`reflect: note: ${what} is not encrypted, as the journal is; keep it private\n`);
}
