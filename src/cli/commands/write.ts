import { Command } from 'commander';
import { shortId } from '../../core/entry.js';
import { ReflectError, usageError } from '../../core/errors.js';
import { isValidTag, normaliseTag } from '../../core/tags.js';
import { checkEntrySize, MAX_ENTRY_BYTES } from '../../core/limits.js';
import { addEntry, getEntry } from '../../store/entries.js';
import { depsFor, type Deps } from '../context.js';
import { examples } from '../filters.js';
import { entryJson, printJson } from '../../ui/json.js';

export interface WriteOptions {
  text: string[];
  date?: string;
  tag?: string[];
  star?: boolean;
  json?: boolean;
  /** False with --no-review: never ask about the proposed label. Left out: the config's write.review, else ask. */
  review?: boolean;
}

export function writeCommand(): Command {
  return new Command('write')
    .description('write a quick entry (text as arguments, piped on stdin, or in your editor); on a terminal, confirm a breakthrough reflect proposes')
    .argument('[text...]', 'the entry; leave it out to open $VISUAL / $EDITOR')
    .option('-d, --date <when>', 'the day the entry is about: 2026-11-01, "2026-11-01 21:00", yesterday, "last monday", "3 days ago"')
    .option('-t, --tag <tag>', 'add a tag (repeatable); #words in the text are tags too', (v, prev: string[] = []) => [...prev, v])
    .option('--star', 'star the entry, to find it again with `reflect list --starred`')
    .option('--json', 'print the saved entry as JSON')
    // --review first, so leaving both out is undefined (the config decides), not true.
    .option('--review', 'ask about a proposed breakthrough even when the config says review: false')
    .option('--no-review', "don't ask about a proposed breakthrough; the proposal is kept (change it later with `reflect label`)")
    .addHelpText(
      'after',
      examples(
        'reflect write "It was never about the money. #work"',
        'reflect write --date yesterday --tag family "Long talk with Mum."',
        'echo "Grateful for the quiet morning" | reflect write',
        'reflect write --star "The day I said no and meant it."',
        'reflect write --no-review "I stay busy so I never have to choose."',
        'reflect write            # opens your editor',
      ),
    )
    .action(async (text: string[], options: Omit<WriteOptions, 'text'>, command: Command) => {
      await runWrite({ ...options, text }, depsFor(command));
    });
}

export async function runWrite(options: WriteOptions, deps: Deps): Promise<void> {
  const now = deps.now();
  const date = options.date !== undefined ? (await (await import('../../core/when.js')).parseWhen(options.date, now)).date : now;
  const tags = (options.tag ?? []).map(normaliseTag);
  const bad = tags.find((t) => !isValidTag(t));
  if (bad !== undefined) throw usageError(`"${bad}" is not a tag: a tag is a word starting with a letter, like work or deep-work`);

  const text = cleanText(await readText(options, deps));
  if (text === '') throw new ReflectError('refused', 'the entry is empty; nothing was saved');
  checkEntrySize(text);

  const db = await deps.journal('write');
  const saved = addEntry(db, { text, date, tags, createdAt: now, starred: options.star });
  // The entry is safe; now the classifier proposes a label, and on a terminal the writer decides.
  const { reviewLabels } = await import('../review.js');
  const { classifierFor } = await import('../classifier-for.js');
  const review = options.review ?? deps.config.config.writeReview ?? true;
  const interactive = deps.interactive && !options.json && review;
  if (!options.json) {
    const tagNote = saved.tags.length ? ` ${deps.stdout.style.cyan(saved.tags.map((t) => `#${t}`).join(' '))}` : '';
    const star = saved.starred ? ` ${deps.stdout.style.yellow('★')}` : '';
    deps.stdout.write(`Saved ${deps.stdout.style.yellow(shortId(saved.id))}${star}${tagNote}\n`);
  }
  // A quick note is worth a question only when it may be a breakthrough; any other label stays the model's.
  const reviewed = await reviewLabels(db, [{ id: saved.id, text }], classifierFor(db), deps, interactive, {
    shouldAsk: (proposed) => proposed.label === 'breakthrough',
  });
  // A breakthrough the writer confirmed is the moment to commit to a step; other quick notes are left alone.
  if (interactive && reviewed[0]?.confirmed === 'breakthrough') {
    const { offerNextStep } = await import('../next-step.js');
    await offerNextStep(db, reviewed, { set: null, sessionId: null, answerText: () => undefined }, deps);
  }
  const entry = getEntry(db, saved.id)!;
  if (options.json) deps.stdout.write(printJson(entryJson(entry)));
  else if (entry.labelSource === 'model' && entry.label !== 'neutral') deps.stdout.write(`${proposedNote(entry.id, entry.label!)}\n`);
  if (!options.json && deps.stdout.isTTY) (await import('../celebrate.js')).celebrateStreak(db, deps);
}

/** A label the writer has not given yet, and the command that gives it. */
export function proposedNote(id: string, label: string): string {
  const how = label === 'breakthrough' ? `to confirm it: \`reflect label ${shortId(id)} breakthrough\`` : `to change it: \`reflect label ${shortId(id)} <label>\``;
  return `Proposed label: ${label} (${how})`;
}

async function readText(options: WriteOptions, deps: Deps): Promise<string> {
  const fromStdin = options.text.length === 1 && options.text[0] === '-';
  if (options.text.length && !fromStdin) return options.text.join(' ');
  if (fromStdin || !deps.stdin.isTTY) {
    const { readStdinText } = await import('../stdin-text.js');
    return readStdinText(deps.stdin, MAX_ENTRY_BYTES, 'an entry');
  }
  return deps.editText('');
}

// JavaScript's \s and trim() also take U+FEFF, which is text here (only a file's or stdin's
// very first character is a byte-order mark, and that is dropped where it is read).
const SPACE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * Leading blank lines and trailing whitespace are editor noise; indentation inside is kept.
 * Plain loops, not a regular expression: those backtrack badly on a megabyte of spaces.
 */
export function cleanText(text: string): string {
  let start = 0;
  for (let i = 0; i < text.length && SPACE.test(text[i]!); i++) if (text[i] === '\n') start = i + 1;
  let end = text.length;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}
