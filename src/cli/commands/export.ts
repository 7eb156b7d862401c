import { existsSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { notFound, usageError } from '../../core/errors.js';
import { suggestion } from '../../core/did-you-mean.js';
import { plural } from '../../core/plural.js';
import { depsFor, type Deps } from '../context.js';
import { fileTarget, writeAtomically, type FileWriter } from '../output-file.js';
import { addFilterOptions, examples, oneOf, toFilter, type FilterOptions } from '../filters.js';
import { escapeJsonText, safeText } from '../../ui/safe-text.js';
import { notePlaintext } from '../encryption-help.js';

export interface ExportOptions extends FilterOptions {
  format: 'md' | 'json';
  out?: string;
  split?: 'day' | 'session' | 'entry';
  force?: boolean;
  update?: boolean;
  dryRun?: boolean;
  set?: string;
}

const FORMAT_ALIASES: Record<string, 'md' | 'json'> = { md: 'md', markdown: 'md', mdown: 'md', mkd: 'md', json: 'json' };

/** md or json, and the names people type for them (markdown, any case); completion offers the two names. */
export const parseFormat = Object.assign(
  (value: string): 'md' | 'json' => {
    const format = FORMAT_ALIASES[value.trim().toLowerCase()];
    if (!format) throw new InvalidArgumentError('expected one of md (or markdown), json');
    return format;
  },
  { values: ['md', 'json'] as const },
);

export function exportCommand(): Command {
  const command = new Command('export')
    .description('export your journal: markdown to read, or lossless JSON to back up and move')
    .option('-f, --format <format>', 'md (or markdown) or json', parseFormat, 'md')
    .option('-o, --out <file|dir>', 'write to this file (or folder, with --split) instead of stdout; - is stdout')
    .option('--split <unit>', 'markdown: one file per day, session or entry, in the --out folder', oneOf(['day', 'session', 'entry'] as const))
    .option('--update', 'write new and changed files only; leave unchanged ones (and any other file) alone')
    .option('--force', 'overwrite files that are already there')
    .option('--dry-run', 'say which files would be written or replaced; write nothing')
    .option('--set <id>', 'only answers from sessions of this prompt set');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      examples(
        'reflect export > journal.md',
        'reflect export --split entry --out ~/notes/journal',
        'reflect export --split entry --out ~/notes/journal --update   # again, later',
        'reflect export --format json --out backup.json',
        'reflect export --format markdown --out - | less',
        'reflect export --label breakthrough --from 2026-01-01 --out breakthroughs.md',
      ),
    )
    .action(async (options: ExportOptions, cmd: Command) => runExport(options, depsFor(cmd)));
}

/** `write` is how bytes reach a file: the tests hand in a full disk. */
export async function runExport(options: ExportOptions, deps: Deps, write?: FileWriter): Promise<void> {
  if (options.out !== undefined && options.out.trim() === '') throw usageError('--out needs a file or folder name');
  const out = options.out === '-' ? undefined : options.out;
  if (options.split && options.format !== 'md') throw usageError('--split is for markdown; JSON is always one file');
  if (options.split && options.out === '-') throw usageError('--split writes a folder of files, not stdout: name it with --out <dir>');
  if (options.split && !out) throw usageError('--split writes a folder of files: name it with --out <dir>');
  if (!out && (options.update || options.force || options.dryRun)) throw usageError(`--${options.update ? 'update' : options.force ? 'force' : 'dry-run'} is for files: name one with --out`);
  const filter = { ...(await toFilter(options, deps.now())), ...(options.set ? { setId: options.set } : {}) };
  const { EXPORTERS, markdownFiles, markdownInput } = await import('../../export/registry.js');
  const { exportSnapshot, sessionSetIds } = await import('../../store/export-read.js');
  const db = await deps.journal('read');
  await notePlaintext(deps, 'the export');
  if (options.set) {
    const known = sessionSetIds(db);
    if (!known.includes(options.set)) {
      const sets = known.length ? `sets with sessions: ${known.join(', ')}` : 'no prompt set has sessions in it yet';
      throw notFound(`no sessions of the prompt set "${options.set}" in the journal${suggestion(options.set, known)}; ${sets}`);
    }
  }
  // Refused before anything is read: a device, a pipe or a folder is never replaced.
  const exists = out && !options.split && existsSync(out);
  if (out && !options.split) fileTarget(out, Boolean(options.force || options.update), 'name a file, or use --split');

  await exportSnapshot(db, filter, async (plain, total) => {
    const progress = progressBar(deps, total);
    const source = { ...plain, entries: (order: 'written' | 'date') => counted(plain.entries(order), progress) };
    const entries = plural(total, 'entry', 'entries');
    if (options.split) {
      const { writeFolder } = await import('../export-folder.js');
      const done = writeFolder(out!, markdownFiles(markdownInput(source), options.split), options, write);
      progress.done();
      const counts = `${done.new} new, ${done.changed} changed, ${done.unchanged} unchanged`;
      if (options.dryRun) {
        const replaced = done.files.filter((f) => f.state === 'changed' || (f.state === 'unchanged' && !options.update));
        const verb = options.update || options.force ? 'would replace' : 'already there';
        deps.stdout.write(`Dry run, nothing written: ${plural(done.files.length, 'file')} (${entries}) to ${out}: ${counts}.\n`);
        for (const f of replaced) deps.stdout.write(`  ${verb}: ${f.final}\n`);
        return;
      }
      if (options.update) deps.stderr.write(`${out}: ${counts} (${plural(done.files.length, 'file')}, ${entries})\n`);
      else deps.stderr.write(`Wrote ${plural(done.files.length, 'file')} (${entries}) to ${out}\n`);
      return;
    }
    const chunks = EXPORTERS[options.format](source);
    if (out) {
      if (options.dryRun || options.update) {
        const text = [...chunks].join('');
        const { sameBytes } = await import('../export-folder.js');
        const same = Boolean(exists) && sameBytes(fileTarget(out, true), text);
        const state = !exists ? 'new' : same ? 'unchanged' : 'changed';
        progress.done();
        if (options.dryRun) {
          deps.stdout.write(`Dry run, nothing written: ${out} (${entries}) ${state === 'new' ? 'would be written' : state === 'unchanged' && options.update ? 'is unchanged' : 'would be replaced'}.\n`);
          return;
        }
        if (state !== 'unchanged') writeAtomically(out, [text], true, write);
        deps.stderr.write(state === 'unchanged' ? `${out} is unchanged (${entries}); left as it was\n` : `Wrote ${entries} to ${out} (${state})\n`);
        return;
      }
      writeAtomically(out, chunks, Boolean(options.force), write);
      progress.done();
      deps.stderr.write(`Wrote ${entries} to ${out}\n`);
      return;
    }
    // Read on a terminal, the journal is shown safely (its controls made visible); to a pipe or a
    // file the export stays exact, byte for byte, as a backup must.
    const shown = !deps.stdout.isTTY ? null : options.format === 'json' ? escapeJsonText : safeText;
    await writeStdout(chunks, shown);
    progress.done();
  });
}

/** Streams to stdout in 64 KB batches, waiting when the reader is slower, so memory stays flat. */
async function writeStdout(chunks: Iterable<string>, shown: ((text: string) => string) | null): Promise<void> {
  let batch = '';
  const flush = async (last = false) => {
    // A CR at a batch's end may be half of a CRLF: it waits for the next batch to be judged.
    const held = shown && !last && batch.endsWith('\r') ? '\r' : '';
    const text = held ? batch.slice(0, -1) : batch;
    if (!process.stdout.write(shown ? shown(text) : text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    batch = held;
  };
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length > 1 << 16) await flush();
  }
  await flush(true);
}

function* counted<T>(items: Iterable<T>, progress: { tick(): void }): Generator<T> {
  for (const item of items) {
    progress.tick();
    yield item;
  }
}

/** A progress line on stderr, only on a terminal and only when the work is long. */
export function progressBar(deps: Deps, total: number) {
  const show = deps.stderr.isTTY && total >= 5000;
  let done = 0;
  return {
    tick() {
      done++;
      if (show && done % 2000 === 0) deps.stderr.write(`\r${Math.min(100, Math.round((100 * done) / total))}% (${done.toLocaleString('en')} entries)`);
    },
    done() {
      if (show) deps.stderr.write('\r\u001b[2K');
    },
  };
}

