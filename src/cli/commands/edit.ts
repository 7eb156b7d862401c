import { Command } from 'commander';
import { shortId } from '../../core/entry.js';
import { ReflectError } from '../../core/errors.js';
import { checkEntrySize } from '../../core/limits.js';
import { getEntry, updateEntryText } from '../../store/entries.js';
import { findById } from '../../store/lookup.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';
import { cleanText } from './write.js';

export interface EditOptions {
  id: string;
}

export function editCommand(): Command {
  return new Command('edit')
    .description('edit an entry in $VISUAL / $EDITOR; saved only if you change it')
    .argument('<id>', 'the entry id (the short id from `reflect list` is enough)')
    .addHelpText('after', examples('reflect edit 3f9c1a2b', 'EDITOR=nano reflect edit 3f9c'))
    .action(async (id: string, _options: unknown, cmd: Command) => runEdit({ id }, depsFor(cmd)));
}

export async function runEdit(options: EditOptions, deps: Deps): Promise<void> {
  const db = await deps.journal('update');
  const found = findById(db, options.id);
  if (found.kind === 'session') {
    throw new ReflectError('usage', `${options.id} is a guided session; edit one of its answers (ids in \`reflect show ${options.id}\`)`);
  }
  const entry = getEntry(db, found.id)!;
  const edited = cleanText(await deps.editText(`${entry.text}\n`));
  if (edited === '') {
    throw new ReflectError('refused', 'the edited entry is empty; it was left as it was (use `reflect delete` to remove it)');
  }
  checkEntrySize(edited, 'the edited entry');
  // Editors add or drop a final newline: only a change to the words counts.
  const changed = edited !== cleanText(entry.text) && updateEntryText(db, entry.id, edited, deps.now());
  deps.stdout.write(changed ? `Saved ${deps.stdout.style.yellow(shortId(entry.id))}\n` : 'No change; nothing saved.\n');
}
