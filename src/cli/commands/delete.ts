import { Command } from 'commander';
import { firstLine, shortId } from '../../core/entry.js';
import { refused } from '../../core/errors.js';
import { deleteEntry, getEntry } from '../../store/entries.js';
import { findById } from '../../store/lookup.js';
import { deleteSession, getSession, sessionEntries } from '../../store/sessions.js';
import { truncate } from '../../ui/render.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';
import { plural } from '../../core/plural.js';

export interface DeleteOptions {
  id: string;
  yes?: boolean;
}

export function deleteCommand(): Command {
  return new Command('delete')
    .description('delete an entry, or a whole guided session with its answers')
    .argument('<id>', 'the entry or session id (the short id from `reflect list` is enough)')
    .option('-y, --yes', 'do not ask for confirmation (needed when not on a terminal)')
    .addHelpText('after', examples('reflect delete 3f9c1a2b', 'reflect delete 3f9c --yes'))
    .action(async (id: string, options: Omit<DeleteOptions, 'id'>, cmd: Command) => runDelete({ ...options, id }, depsFor(cmd)));
}

export async function runDelete(options: DeleteOptions, deps: Deps): Promise<void> {
  const db = await deps.journal('update');
  const found = findById(db, options.id);
  const which = `${found.kind} ${shortId(found.id)}`;
  const what =
    found.kind === 'entry'
      ? `${which} ("${truncate(safeLine(firstLine(getEntry(db, found.id)!.text)), 50)}")`
      : `${which} (${safeLine(getSession(db, found.id)!.setTitle)}, ${plural(sessionEntries(db, found.id).length, 'answer')})`;

  if (!options.yes) {
    // An error may end up in a pipe or a log: it names the id, never the journal's words.
    if (!deps.interactive) throw refused(`not deleting ${which} without confirmation; add --yes`);
    const prompter = await deps.prompter();
    const sure = await prompter.confirm({ message: `Delete ${what}? This cannot be undone.`, initial: false });
    if (!sure) {
      deps.stdout.write('Kept it.\n');
      return;
    }
  }
  if (found.kind === 'entry') deleteEntry(db, found.id);
  else deleteSession(db, found.id);
  deps.stdout.write(`Deleted ${what}.\n`);
}
