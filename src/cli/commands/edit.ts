import { Command } from 'commander';
import { stamp } from '../../core/dates.js';
import { shortId, type Entry } from '../../core/entry.js';
import { ReflectError, usageError } from '../../core/errors.js';
import { checkEntrySize, MAX_ENTRY_BYTES } from '../../core/limits.js';
import { getEntry, setStarred, updateEntryDate, updateEntryText } from '../../store/entries.js';
import type { Db } from '../../store/journal.js';
import { findById } from '../../store/lookup.js';
import { entryJson, printJson } from '../../ui/json.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';
import { cleanText } from './write.js';

export interface EditOptions {
  id: string;
  /** --star / --unstar: mark the entry without opening the editor. */
  star?: boolean;
  unstar?: boolean;
  /** A new date for the entry; its text is left alone. */
  date?: string;
  json?: boolean;
}

export function editCommand(): Command {
  return new Command('edit')
    .description('edit an entry in $VISUAL / $EDITOR (or from stdin, off a terminal), or move it with --date; saved only if it changes')
    .argument('<id>', 'the entry id (the short id from `reflect list` is enough)')
    .option('--star', 'star the entry (no editor opens)')
    .option('--unstar', 'take the star off (no editor opens)')
    .option('-d, --date <when>', 'move the entry to this date, keeping its text: yesterday, "nov 20", "2026-11-01 21:00"')
    .option('--json', 'print the entry as JSON afterwards')
    .addHelpText(
      'after',
      examples(
        'reflect edit 3f9c1a2b',
        'EDITOR=nano reflect edit 3f9c',
        'reflect edit 3f9c --date "last friday 9pm"',
        'reflect edit 3f9c --star',
        'echo "The whole story." | reflect edit 3f9c',
      ),
    )
    .action(async (id: string, options: Omit<EditOptions, 'id'>, cmd: Command) => runEdit({ ...options, id }, depsFor(cmd)));
}

export async function runEdit(options: EditOptions, deps: Deps): Promise<void> {
  if (options.star && options.unstar) throw usageError('give --star or --unstar, not both');
  // A date that can't be read is refused before the journal is opened.
  const date = options.date === undefined ? null : (await (await import('../../core/when.js')).parseWhen(options.date, deps.now())).date;
  const db = await deps.journal('update');
  const found = findById(db, options.id);
  if (found.kind === 'session') {
    throw new ReflectError('usage', `${options.id} is a guided session; edit one of its answers (ids in \`reflect show ${options.id}\`)`);
  }
  const entry = getEntry(db, found.id)!;
  // A star or a date changes only that; the words are edited only when neither is given.
  const marking = options.star || options.unstar;
  const messages: string[] = [];
  if (marking) messages.push(star(db, entry.id, Boolean(options.star), deps));
  if (date) messages.push(moveDate(db, entry, date, deps));
  if (!marking && !date) messages.push(await editWords(db, entry, deps));
  const message = messages.join('');
  if (options.json) deps.stdout.write(printJson(entryJson(getEntry(db, entry.id)!)));
  else deps.stdout.write(message);
}

function moveDate(db: Db, entry: Entry, date: Date, deps: Deps): string {
  const id = deps.stdout.style.yellow(shortId(entry.id));
  if (!updateEntryDate(db, entry.id, date, deps.now())) return `${id} is already dated ${stamp(date)}; nothing saved.\n`;
  return `Moved ${id} from ${stamp(entry.date)} to ${stamp(date)}\n`;
}

/**
 * New words come from the editor on a terminal. Off one (a pipe, a script, </dev/null) no editor
 * is started: stdin is the new text, and an empty stdin is a mistake, not an empty entry.
 */
async function editWords(db: Db, entry: Entry, deps: Deps): Promise<string> {
  let edited: string;
  if (deps.stdin.isTTY) {
    edited = cleanText(await deps.editText(`${entry.text}\n`));
    if (edited === '') throw new ReflectError('refused', 'the edited entry is empty; it was left as it was (use `reflect delete` to remove it)');
  } else {
    const { readStdinText } = await import('../stdin-text.js');
    edited = cleanText(await readStdinText(deps.stdin, MAX_ENTRY_BYTES, 'an entry'));
    if (edited === '') {
      throw usageError(`no terminal for an editor and no new text on stdin; pipe it in (echo "…" | reflect edit ${shortId(entry.id)}) or run on a terminal; the entry was left as it was`);
    }
  }
  checkEntrySize(edited, 'the edited entry');
  // Editors add or drop a final newline: only a change to the words counts.
  const changed = edited !== cleanText(entry.text) && updateEntryText(db, entry.id, edited, deps.now());
  return changed ? `Saved ${deps.stdout.style.yellow(shortId(entry.id))}\n` : 'No change; nothing saved.\n';
}

function star(db: Db, id: string, starred: boolean, deps: Deps): string {
  const changed = setStarred(db, id, starred);
  const name = deps.stdout.style.yellow(shortId(id));
  return starred ? (changed ? `Starred ${name}\n` : `${name} was already starred.\n`) : changed ? `Unstarred ${name}\n` : `${name} was not starred.\n`;
}
