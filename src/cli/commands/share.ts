import { Command } from 'commander';
import { notFound, refused, usageError } from '../../core/errors.js';
import { suggestion } from '../../core/did-you-mean.js';
import { plural } from '../../core/plural.js';
import type { EntryFilter } from '../../core/entry.js';
import type { EntryRecord } from '../../export/format.js';
import type { Share } from '../../export/share.js';
import { depsFor, type Deps } from '../context.js';
import { addFilterOptions, examples, toFilter, type FilterOptions } from '../filters.js';
import { writeAtomically } from '../output-file.js';
import { notePlaintext } from '../encryption-help.js';
import { parseFormat } from './export.js';

export interface ShareOptions extends FilterOptions {
  /** A session's id (or one entry's), whole or its first characters. */
  id?: string;
  set?: string;
  out?: string;
  format?: 'md' | 'json';
  /** Question ids whose answers stay out, without asking. */
  redact?: string[];
  force?: boolean;
}

const collectIds = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function shareCommand(): Command {
  const command = new Command('share')
    .description('write chosen answers to a file for your coach: markdown to read, or JSON that `reflect import` takes')
    .argument('[id]', 'a session (or one entry) by id, as `reflect sessions` shows it')
    .option('--set <id>', 'every session of this prompt set')
    .option('-o, --out <file>', 'the file to write; it is created readable by you alone (0600)')
    .option('-f, --format <format>', 'md or json (default: json when --out ends in .json, else md)', parseFormat)
    .option('--redact <question-ids>', 'leave out the answers to these questions (comma-separated, repeatable); nothing is asked', collectIds)
    .option('--force', 'replace the file if it is there');
  return addFilterOptions(command)
    .addHelpText(
      'after',
      `
On a terminal you tick which answers go (all are ticked to begin with). Answers
left out are absent from the file, not masked; their follow-ups and the steps
tied to them stay behind too. Labels and committed steps go with their answers.
${examples(
  'reflect share 3f9c1a2b --out for-ana.md',
  'reflect share --set values-compass --out share.json',
  'reflect share 3f9c1a2b --redact drain,care --out share.json',
  'reflect share --from "last monday" --label breakthrough --out week.md',
  'reflect --journal ana import share.json     # the coach, with it',
)}`,
    )
    .action(async (id: string | undefined, options: Omit<ShareOptions, 'id'>, cmd: Command) => runShare({ ...options, id }, depsFor(cmd)));
}

export async function runShare(options: ShareOptions, deps: Deps): Promise<void> {
  const out = options.out?.trim() ? options.out : undefined;
  if (!out || out === '-') throw usageError('a share is a file you hand over: name it with --out <file> (it is created 0600)');
  const format = options.format ?? (/\.json$/i.test(out) ? 'json' : 'md');
  const filter: EntryFilter = { ...(await toFilter(options, deps.now())), ...(options.set ? { setId: options.set } : {}) };
  if (!options.id && Object.keys(filter).length === 0) {
    throw usageError('say what to share: a session id, --set <id>, or --from/--to (see `reflect share --help`)');
  }
  const db = await deps.journal('read');
  const { exportSnapshot, sessionSetIds } = await import('../../store/export-read.js');
  if (options.id) {
    const { findById } = await import('../../store/lookup.js');
    const found = findById(db, options.id);
    Object.assign(filter, found.kind === 'session' ? { sessionId: found.id } : { entryId: found.id });
  }
  const known = options.set ? sessionSetIds(db) : [];
  if (options.set && !known.includes(options.set)) {
    throw notFound(`no sessions of the prompt set "${options.set}" in the journal${suggestion(options.set, known)}`);
  }
  const all = await exportSnapshot(db, filter, (source) => ({ entries: [...source.entries('date')], sessions: [...source.sessions()], actions: [...source.actions()] }));
  if (all.entries.length === 0) throw notFound('nothing to share: no answers or entries match');

  const keep = options.redact?.length ? redacting(options.redact, all.entries) : deps.interactive ? await ticked(all.entries, deps) : () => true;
  const { chooseShared } = await import('../../export/share.js');
  const share = chooseShared(all, keep);
  if (share.entries.length === 0) throw refused('every answer was left out, so there is nothing to share; no file was written');
  await notePlaintext(deps, 'the share');
  const { SHARE_EXPORTERS } = await import('../../export/registry.js');
  writeAtomically(out, SHARE_EXPORTERS[format](share), Boolean(options.force));
  deps.stderr.write(summary(out, share));
}

/** Leaves out the answers to these questions; a question no chosen session asked is a typo, said before anything is written. */
function redacting(ids: string[], entries: EntryRecord[]): (e: EntryRecord) => boolean {
  const asked = [...new Set(entries.flatMap((e) => (e.session ? [e.session.questionId] : [])))];
  for (const id of ids) {
    if (!asked.includes(id)) {
      const known = asked.length ? `the questions here are ${asked.join(', ')}` : 'these entries answer no questions';
      throw usageError(`--redact ${id}: no answer to a question "${id}" is in this share${suggestion(id, asked)}; ${known}`);
    }
  }
  const left = new Set(ids);
  return (e) => !(e.session && left.has(e.session.questionId));
}

/** On a terminal the writer ticks what goes: every answer, ticked to begin with. */
async function ticked(entries: EntryRecord[], deps: Deps): Promise<(e: EntryRecord) => boolean> {
  const { firstLine } = await import('../../core/entry.js');
  const prompter = await deps.prompter();
  const chosen = await prompter.chooseMany({
    message: `Which of these go in the share? (${plural(entries.length, 'answer')}; space to untick, enter when done)`,
    required: false,
    choices: entries.map((e) => ({
      value: e.id,
      label: `${e.session ? `${e.session.depth > 0 ? '  ↳ ' : ''}${e.session.questionId}: ` : ''}${clip(firstLine(e.text), 60)}`,
      checked: true,
    })),
  });
  const set = new Set(chosen);
  return (e) => set.has(e.id);
}

const clip = (text: string, width: number) => ([...text].length > width ? `${[...text].slice(0, width - 1).join('')}…` : text);

function summary(out: string, share: Share): string {
  const parts = [plural(share.entries.length, 'answer')];
  if (share.sessions.length) parts.push(`from ${plural(share.sessions.length, 'session')}`);
  const steps = share.actions.length ? `, ${plural(share.actions.length, 'committed step')}` : '';
  const left = share.left.entries ? `; ${share.left.entries} left out` : '';
  return `Wrote ${out} (0600, yours alone): ${parts.join(' ')}${steps}${left}.\n`;
}
