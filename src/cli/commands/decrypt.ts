import { Command } from 'commander';
import { journalError, refused } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { depsFor, type Deps } from '../context.js';
import { PASSPHRASE_HELP } from '../encryption-help.js';
import { examples } from '../filters.js';

export interface DecryptOptions {
  yes?: boolean;
}

export function decryptCommand(): Command {
  return new Command('decrypt')
    .description('turn an encrypted journal back into a plain one')
    .option('-y, --yes', 'do not ask for confirmation (needed when not on a terminal)')
    .addHelpText('after', examples('reflect decrypt', 'REFLECT_PASSPHRASE_FILE=~/.reflect-pass reflect decrypt --yes') + PASSPHRASE_HELP)
    .action(async (options: DecryptOptions, cmd: Command) => runDecrypt(options, depsFor(cmd)));
}

/** Decrypting writes every entry to disk readable by whoever gets the file: asked first, as delete is. */
export async function runDecrypt(options: DecryptOptions, deps: Deps): Promise<void> {
  const path = deps.journalPath;
  const [{ journalFormat }, { rewriteJournal }, { withPassphrase }] = await Promise.all([
    import('../../store/cipher.js'),
    import('../../store/rekey.js'),
    import('../unlock-open.js'),
  ]);
  if (journalFormat(path) !== 'encrypted') throw journalError(`the journal ${path} is not encrypted; nothing was changed`);
  if (!options.yes) {
    if (!deps.interactive) throw refused('not decrypting the journal without confirmation; add --yes');
    const prompter = await deps.prompter();
    const sure = await prompter.confirm({ message: `Decrypt ${path}? Anyone who gets the file can then read it.`, initial: false });
    if (!sure) {
      deps.stdout.write('Kept it encrypted.\n');
      return;
    }
  }
  const entries = await withPassphrase(deps.passphrases, (passphrase) => rewriteJournal(path, { from: passphrase, to: null }));
  deps.stdout.write(`Decrypted ${path} (${plural(entries, 'entry', 'entries')}); it is a plain SQLite file again.\n`);
}
