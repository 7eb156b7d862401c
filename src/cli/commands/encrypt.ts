import { Command } from 'commander';
import { journalError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { depsFor, type Deps } from '../context.js';
import { fromWords, PASSPHRASE_HELP } from '../encryption-help.js';
import { examples } from '../filters.js';

export function encryptCommand(): Command {
  return new Command('encrypt')
    .description('encrypt the journal with a passphrase (or start an encrypted one)')
    .addHelpText(
      'after',
      examples('reflect encrypt                      # asks for a passphrase, twice', "REFLECT_PASSPHRASE_COMMAND='pass show reflect' reflect encrypt") + PASSPHRASE_HELP,
    )
    .action(async (_options: unknown, cmd: Command) => runEncrypt(depsFor(cmd)));
}

/**
 * A plain journal becomes an encrypted one in place (store/rekey.ts: built beside it, verified,
 * renamed over it). With no journal yet, an empty encrypted one is made, so not one answer is
 * ever on disk in the clear.
 */
export async function runEncrypt(deps: Deps): Promise<void> {
  const path = deps.journalPath;
  const [{ journalFormat }, { openJournal }, { rewriteJournal }] = await Promise.all([
    import('../../store/cipher.js'),
    import('../../store/journal.js'),
    import('../../store/rekey.js'),
  ]);
  const format = journalFormat(path);
  if (format === 'encrypted') throw journalError(`the journal ${path} is already encrypted; \`reflect passphrase\` changes its passphrase`);
  if (format === 'missing' || format === 'empty') {
    const { value, from } = await deps.passphrases.chosen('current');
    openJournal(path, 'write', { passphrase: value }).close();
    deps.stdout.write(`Made an encrypted journal at ${path}${fromWords(from)}.\n`);
    return;
  }
  const { value, from } = await deps.passphrases.chosen('current');
  const entries = rewriteJournal(path, { from: null, to: value });
  deps.stdout.write(
    `Encrypted ${path} (${plural(entries, 'entry', 'entries')})${fromWords(from)}.\n` +
      'From now on reflect asks for the passphrase, or reads REFLECT_PASSPHRASE_COMMAND.\n' +
      'Copies made before (backups, exports, synced folders) are still readable.\n',
  );
}
