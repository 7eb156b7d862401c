import { Command } from 'commander';
import { shortId } from '../../core/entry.js';
import { ReflectError, usageError } from '../../core/errors.js';
import { checkEntrySize } from '../../core/limits.js';
import { getEntry, setStarred, updateEntryText } from '../../store/entries.js';
import type { Db } from '../../store/journal.js';
import { findById } from '../../store/lookup.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';
import { cleanText } from './write.js';

export interface EditOptions {
  id: string;
  /** --star / --unstar: mark the entry without opening the editor. */
  star?: boolean;
  unstar?: boolean;
}

export function editCommand(): Command {
  return new Command('edit')
    .description('edit an entry in $VISUAL / $EDITOR; saved only if you change it')
    .argument('<id>', 'the entry id (the short id from `reflect list` is enough)')
    .option('--star', 'star the entry (no editor opens)')
    .option('--unstar', 'take the star off (no editor opens)')
    .addHelpText('after', examples('reflect edit 3f9c1a2b', 'EDITOR=nano reflect edit 3f9c', 'reflect edit 3f9c --star'))
    .action(async (id: string, options: Omit<EditOptions, 'id'>, cmd: Command) => runEdit({ ...options, id }, depsFor(cmd)));
}

export async function runEdit(options: EditOptions, deps: Deps): Promise<void> {
  if (options.star && options.unstar) throw usageError('give --star or --unstar, not both');
  const db = await deps.journal('update');
  const found = findById(db, options.id);
  if (found.kind === 'session') {
    throw new ReflectError('usage', `${options.id} is a guided session; edit one of its answers (ids in \`reflect show ${options.id}\`)`);
  }
  const entry = getEntry(db, found.id)!;
  if (options.star || options.unstar) return star(db, entry.id, Boolean(options.star), deps);
  const edited = cleanText(await deps.editText(`${entry.text}\n`));
  if (edited === '') {
    throw new ReflectError('refused', 'the edited entry is empty; it was left as it was (use `reflect delete` to remove it)');
  }
  checkEntrySize(edited, 'the edited entry');
  // Editors add or drop a final newline: only a change to the words counts.
  const changed = edited !== cleanText(entry.text) && updateEntryText(db, entry.id, edited, deps.now());
  deps.stdout.write(changed ? `Saved ${deps.stdout.style.yellow(shortId(entry.id))}\n` : 'No change; nothing saved.\n');
}

function star(db: Db, id: string, starred: boolean, deps: Deps): void {
  const changed = setStarred(db, id, starred);
  const name = deps.stdout.style.yellow(shortId(id));
  deps.stdout.write(starred ? (changed ? `Starred ${name}\n` : `${name} was already starred.\n`) : changed ? `Unstarred ${name}\n` : `${name} was not starred.\n`);
}
