import { Command } from 'commander';
import { shortId } from '../../core/entry.js';
import { usageError } from '../../core/errors.js';
import type { Label } from '../../core/prompt-set.js';
import { clearLabel, confirmLabel, getLabel, type StoredLabel } from '../../store/classifications.js';
import { getEntry } from '../../store/entries.js';
import { findById } from '../../store/lookup.js';
import { entryJson, printJson } from '../../ui/json.js';
import { safeLine } from '../../ui/safe-text.js';
import { depsFor, type Deps } from '../context.js';
import { examples, LABELS, parseLabel } from '../filters.js';

export interface LabelOptions {
  id: string;
  label?: Label;
  clear?: boolean;
  json?: boolean;
}

export function labelCommand(): Command {
  return new Command('label')
    .description('give an entry your own label, or change it (yours always wins over the one reflect proposed); --clear takes it back')
    .argument('<id>', 'the entry id (the short id from `reflect list` is enough)')
    .argument('[label]', `one of ${LABELS.join(', ')}`, parseLabel)
    .option('--clear', 'remove your label, so the proposed one (if any) counts again')
    .option('--json', 'print the entry as JSON afterwards')
    .addHelpText(
      'after',
      examples(
        'reflect label 3f9c2a1b breakthrough',
        'reflect label 3f9c skill',
        'reflect label 3f9c --clear',
        'reflect breakthroughs --proposed      # the ones waiting for your word',
      ),
    )
    .action(async (id: string, label: Label | undefined, options: Omit<LabelOptions, 'id' | 'label'>, cmd: Command) =>
      runLabel({ ...options, id, ...(label ? { label } : {}) }, depsFor(cmd)),
    );
}

export async function runLabel(options: LabelOptions, deps: Deps): Promise<void> {
  if (options.label && options.clear) throw usageError('give a label or --clear, not both');
  if (!options.label && !options.clear) throw usageError(`name the label to give (${LABELS.join(', ')}), or --clear to remove yours`);
  // 'update': with no journal there is nothing to label, and none is created.
  const db = await deps.journal('update');
  const found = findById(db, options.id);
  if (found.kind === 'session') {
    throw usageError(`${options.id} is a guided session, not an entry; label one of its answers (their ids are in \`reflect show ${shortId(found.id)}\`)`);
  }
  const before = getLabel(db, found.id);
  let message: string;
  if (options.label) {
    message = labelled(shortId(found.id), options.label, before);
    if (before?.userLabel !== options.label) confirmLabel(db, found.id, options.label, deps.now());
  } else {
    message = cleared(shortId(found.id), before);
    clearLabel(db, found.id);
  }
  const entry = getEntry(db, found.id)!;
  deps.stdout.write(options.json ? printJson(entryJson(entry)) : `${safeLine(message)}\n`);
  // Scripts read the one line above; a person on a terminal also hears what the breakthrough adds up to.
  if (options.label === 'breakthrough' && before?.userLabel !== 'breakthrough' && !options.json) {
    (await import('../celebrate.js')).celebrateBreakthroughs(db, [{ id: found.id }], deps);
  }
}

/** What giving `label` changes, in one line: "Labelled 3f9c2a1b breakthrough (was proposed: challenge)". */
export function labelled(id: string, label: Label, before: StoredLabel | null): string {
  if (before?.userLabel === label) return `${id} is already labelled ${label}; nothing changed`;
  if (before?.userLabel) return `Labelled ${id} ${label} (was ${before.userLabel})`;
  if (before?.modelLabel === label) return `Labelled ${id} ${label} (as proposed)`;
  if (before?.modelLabel) return `Labelled ${id} ${label} (was proposed: ${before.modelLabel})`;
  return `Labelled ${id} ${label}`;
}

/** What taking the writer's label back changes, in one line. */
export function cleared(id: string, before: StoredLabel | null): string {
  if (!before?.userLabel) return `${id} has no label of yours to remove; nothing changed`;
  const now = before.modelLabel ? `reflect's proposal counts again: ${before.modelLabel}?` : 'it has no label now';
  return `Removed your label ${before.userLabel} from ${id}; ${now}`;
}
