import { Command } from 'commander';
import { journalError, passphraseError } from '../../core/errors.js';
import { depsFor, type Deps } from '../context.js';
import { fromWords, PASSPHRASE_HELP } from '../encryption-help.js';
import { examples } from '../filters.js';

export function passphraseCommand(): Command {
  return new Command('passphrase')
    .description("change an encrypted journal's passphrase")
    .addHelpText(
      'after',
      examples(
        'reflect passphrase      # asks for the old one, then the new one twice',
        "REFLECT_NEW_PASSPHRASE_COMMAND='pass show reflect' reflect passphrase",
      ) +
        PASSPHRASE_HELP +
        'The new one comes the same way from REFLECT_NEW_PASSPHRASE_COMMAND,\nREFLECT_NEW_PASSPHRASE_FILE or REFLECT_NEW_PASSPHRASE.\n',
    )
    .action(async (_options: unknown, cmd: Command) => runPassphrase(depsFor(cmd)));
}

/** The old passphrase is checked before the new one is asked, so no one types a new one twice for nothing. */
export async function runPassphrase(deps: Deps): Promise<void> {
  const path = deps.journalPath;
  const [{ journalFormat }, { openJournal }, { rewriteJournal }, { withPassphrase }] = await Promise.all([
    import('../../store/cipher.js'),
    import('../../store/journal.js'),
    import('../../store/rekey.js'),
    import('../unlock-open.js'),
  ]);
  if (journalFormat(path) !== 'encrypted') throw journalError(`the journal ${path} is not encrypted; \`reflect encrypt\` encrypts it`);
  const old = await withPassphrase(deps.passphrases, (passphrase) => {
    openJournal(path, 'read', { passphrase }).close();
    return passphrase;
  });
  const { value, from } = await deps.passphrases.chosen('new');
  if (value.normalize('NFC') === old.normalize('NFC')) throw passphraseError('the new passphrase is the old one; nothing was changed');
  rewriteJournal(path, { from: old, to: value });
  deps.stdout.write(`Changed the passphrase of ${path}${fromWords(from)}.\nThe old one no longer opens it (copies made before keep the old one).\n`);
}
