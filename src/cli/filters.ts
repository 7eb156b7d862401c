import { InvalidArgumentError, type Command } from 'commander';
import type { EntryFilter } from '../core/entry.js';
import { usageError } from '../core/errors.js';
import { isValidTag, normaliseTag } from '../core/tags.js';

/** The filter flags shared by list, search and export, as commander hands them over. */
export interface FilterOptions {
  from?: string;
  to?: string;
  on?: string;
  tag?: string[];
  anyTag?: string[];
  notTag?: string[];
  starred?: boolean;
  /** true for a bare --on-this-day (today). */
  onThisDay?: string | true;
  label?: string;
}

export const LABELS = ['breakthrough', 'skill', 'challenge', 'external', 'neutral'] as const;

export function addFilterOptions(command: Command): Command {
  return command
    .option('--from <when>', 'only entries on or after this date')
    .option('--to <when>', 'only entries on or before this date')
    .option('--on <when>', 'only entries on this day')
    .option('--on-this-day [when]', 'only entries from earlier years on this month and day (default: today)')
    // No default ([]) for repeatable flags: commander would print "(default: [])" in the help.
    .option('--tag <tag>', 'only entries with this tag (repeat: all must match)', collectTag)
    .option('--any-tag <tag>', 'only entries with at least one of these tags (repeatable)', collectTag)
    .option('--not-tag <tag>', 'leave out entries with this tag (repeatable)', collectTag)
    .option('--starred', 'only starred entries')
    .option('--label <label>', `only entries with this label (${LABELS.join(', ')})`, parseLabel);
}

export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a whole number of 1 or more');
  }
  return Number(value);
}

export function collectTag(value: string, previous: string[] = []): string[] {
  const tag = normaliseTag(value);
  if (!isValidTag(tag)) throw new InvalidArgumentError('a tag is a word starting with a letter, like work or deep-work');
  return [...previous, tag];
}

/** An option parser that takes exactly one of `values`; it carries them, for shell completion. */
export const oneOf = <T extends string>(values: readonly T[]) =>
  Object.assign(
    (value: string): T => {
      if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
      return value as T;
    },
    { values },
  );

/** A label, as typed on the command line (any case). */
export const parseLabel = (value: string) => oneOf(LABELS)(value.trim().toLowerCase());

export async function toFilter(options: FilterOptions, now: Date): Promise<EntryFilter> {
  const filter: EntryFilter = {};
  const given = (v: string | undefined): v is string => v !== undefined;
  if (given(options.on) && (given(options.from) || given(options.to))) throw usageError('--on cannot be combined with --from or --to');
  if (given(options.on) && options.onThisDay !== undefined) throw usageError('--on cannot be combined with --on-this-day (give the day to --on-this-day)');
  // Date parsing (and date-fns) loads only when a date was given: most lists have none.
  const { parseWhen, rangeEnd, rangeStart } =
    given(options.on) || given(options.from) || given(options.to) || typeof options.onThisDay === 'string'
      ? await import('../core/when.js')
      : ({} as typeof import('../core/when.js'));
  if (given(options.on)) {
    // --on names whole days: "--on friday 5pm" is all of that Friday, "--on this week" all 7 days.
    const on = { ...(await parseWhen(options.on, now)), hasTime: false };
    filter.from = rangeStart(on);
    filter.to = rangeEnd(on);
  }
  if (given(options.from)) filter.from = rangeStart(await parseWhen(options.from, now));
  if (given(options.to)) filter.to = rangeEnd(await parseWhen(options.to, now));
  if (filter.from && filter.to && filter.from > filter.to) throw usageError('--from is after --to; nothing could match');
  if (options.onThisDay !== undefined) {
    const day = options.onThisDay === true ? now : await onThisDayDate(options.onThisDay, now, parseWhen);
    filter.days = (await import('../core/on-this-day.js')).onThisDay(day);
  }
  const both = options.tag?.find((t) => options.notTag?.includes(t)) ?? options.anyTag?.find((t) => options.notTag?.includes(t));
  if (both !== undefined) throw usageError(`--not-tag ${both} contradicts --${options.tag?.includes(both) ? 'tag' : 'any-tag'} ${both}; nothing could match`);
  if (options.tag?.length) filter.tags = [...new Set(options.tag)];
  if (options.anyTag?.length) filter.anyTags = [...new Set(options.anyTag)];
  if (options.notTag?.length) filter.notTags = [...new Set(options.notTag)];
  if (options.starred) filter.starred = true;
  if (options.label) filter.label = options.label;
  return filter;
}

/** --on-this-day's optional date: a word after it is taken as that date, so say what happened. */
async function onThisDayDate(text: string, now: Date, parseWhen: typeof import('../core/when.js').parseWhen): Promise<Date> {
  try {
    return (await parseWhen(text, now)).date;
  } catch {
    throw usageError(`--on-this-day takes an optional date, and "${text}" is not one; put words to search before it: reflect search <words> --on-this-day`);
  }
}

/** The "Examples:" block every command's --help ends with. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Said under the examples of commands that show labels: what the trailing "?" means. */
export const PROPOSED_MARK_HELP = "\nA label ending in ? (✦ breakthrough?) is reflect's proposal, not yet yours:\n`reflect label <id> <label>` gives yours.\n";
