import { stringify } from 'yaml';
import { isoDay, stamp } from '../core/dates.js';
import type { ActionRecord, EntryRecord, SessionRecord } from './format.js';
import { safeMarkdown } from './safe-markdown.js';

export type Split = 'none' | 'day' | 'session' | 'entry';

export interface MarkdownInput {
  /** Called once per pass: the entries by date (the single document reads them twice). */
  entries: () => Iterable<EntryRecord>;
  sessions: ReadonlyMap<string, SessionRecord>;
  actions: readonly ActionRecord[];
}

export interface MarkdownFile {
  name: string;
  text: string;
}

type Block = { session: SessionRecord | null; entries: EntryRecord[] };

/** The whole journal (or a share: its own title) as one markdown document, as a stream of text. */
export function* markdownDocument(input: MarkdownInput, title = { front: 'reflect journal', heading: 'Journal' }): Generator<string> {
  const summary = summarise(input.entries(), input.sessions);
  yield frontMatter({ title: title.front, ...summary });
  yield `# ${title.heading}\n`;
  const actions = actionIndex(input.actions);
  for (const block of blocks(input.entries(), input.sessions)) yield `\n${renderBlock(block, actions)}`;
}

/** One file per day, session or entry, each opening with its own front matter. */
export function* markdownFiles(input: MarkdownInput, split: Exclude<Split, 'none'>): Generator<MarkdownFile> {
  const actions = actionIndex(input.actions);
  let day: EntryRecord[] = [];
  const dayFile = (): MarkdownFile => {
    const list = day;
    day = [];
    const summary = summarise(list, input.sessions);
    const body = [...blocks(list, input.sessions)].map((b) => renderBlock(b, actions)).join('\n');
    return { name: `${isoDay(new Date(list[0]!.date))}.md`, text: `${frontMatter({ date: isoDay(new Date(list[0]!.date)), ...summary })}\n${body}` };
  };
  for (const block of blocks(input.entries(), input.sessions)) {
    if (split === 'day') {
      if (day.length && isoDay(new Date(day[0]!.date)) !== isoDay(new Date(block.entries[0]!.date))) yield dayFile();
      day.push(...block.entries);
      continue;
    }
    const units: Block[] = split === 'entry' ? block.entries.map((e) => ({ session: block.session, entries: [e] })) : [block];
    for (const unit of units) {
      const first = unit.entries[0]!;
      const what = unit.session && split === 'session' ? unit.session.setId : 'entry';
      const id = (split === 'session' && unit.session ? unit.session.id : first.id).slice(0, 8);
      const name = `${stamp(new Date(first.date)).replace(' ', '-').replace(':', '')}-${what}-${id}.md`;
      yield { name, text: `${frontMatter({ date: localIso(new Date(first.date)), id: split === 'session' && unit.session ? unit.session.id : first.id, ...summarise(unit.entries, input.sessions, false) })}\n${renderBlock(unit, actions)}` };
    }
  }
  if (day.length) yield dayFile();
}

/** Consecutive answers of one session form one block; every other entry is a block of its own. */
function* blocks(entries: Iterable<EntryRecord>, sessions: ReadonlyMap<string, SessionRecord>): Generator<Block> {
  let current: Block | null = null;
  for (const entry of entries) {
    const sessionId = entry.session?.id ?? null;
    if (current && sessionId && current.session?.id === sessionId) {
      current.entries.push(entry);
      continue;
    }
    if (current) yield current;
    current = { session: sessionId ? (sessions.get(sessionId) ?? null) : null, entries: [entry] };
  }
  if (current) yield current;
}

const labelOf = (e: EntryRecord) => e.classification?.userLabel ?? e.classification?.modelLabel ?? null;
/** A label the classifier proposed and the writer has not confirmed (or replaced). */
const proposed = (e: EntryRecord) => !e.classification?.userLabel && Boolean(e.classification?.modelLabel);

function renderBlock(block: Block, actions: ReturnType<typeof actionIndex>): string {
  const first = block.entries[0]!;
  const lines: string[] = [];
  if (block.session) {
    lines.push(`## ${stamp(new Date(first.date))} · ${headingText(block.session.setTitle)} · ${block.session.id.slice(0, 8)}`, '');
    for (const e of [...block.entries].sort((a, b) => a.session!.position - b.session!.position || a.session!.depth - b.session!.depth)) {
      const q = headingText(e.session!.question);
      lines.push(e.session!.depth > 0 ? `#### ↳ ${q}` : `### ${q}`, '');
      // Below the follow-ups' #### too, so a writer's heading is never read as one.
      lines.push(...renderText(e, 4), '');
    }
  } else {
    lines.push(`## ${stamp(new Date(first.date))} · ${first.id.slice(0, 8)}`, '');
    if (first.tags.length) lines.push(`Tags: ${first.tags.map((t) => `#${t.tag}`).join(' ')}`, '');
    lines.push(...renderText(first, 2), '');
  }
  const related = [
    ...(block.session ? (actions.bySession.get(block.session.id) ?? []) : []),
    ...block.entries.flatMap((e) => actions.byEntry.get(e.id) ?? []),
  ].filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
  // A paragraph of our own first: a list the writer ended with would otherwise take the steps in.
  if (related.length) lines.push('**Next steps**', '');
  for (const a of related) {
    const due = a.dueAt ? ` (due ${isoDay(new Date(a.dueAt))})` : '';
    const text = oneLine(a.text);
    const struck = text.includes('~') ? text : `~~${text}~~`;
    lines.push(a.status === 'done' ? `- [x] ${text}${due}` : a.status === 'dropped' ? `- [ ] ${struck} (dropped)` : `- [ ] ${text}${due}`);
  }
  if (related.length) lines.push('');
  return lines.join('\n');
}

/** `depth`: the level of the export's heading the text sits under; the writer's headings go below it. */
function renderText(entry: EntryRecord, depth: number): string[] {
  const mark = labelOf(entry) !== 'breakthrough' ? null : proposed(entry) ? '**✦ Breakthrough (proposed)**' : '**✦ Breakthrough**';
  const lines = [entry.starred ? '**★ Starred**' : null, mark].filter((m) => m !== null).flatMap((m) => [m, '']);
  return [...lines, safeMarkdown(entry.text, depth)];
}

const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');

/** ISO 8601 in local time with its offset (2026-11-10T23:30:00-05:00): the time the heading shows, unambiguous to a notes app. */
export function localIso(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${isoDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A heading's text: a trailing "#" would be read as the heading's closing sequence, so escape it. */
const headingText = (text: string) => oneLine(text).replace(/(#+)$/, (hashes) => hashes.replace(/#/g, '\\#'));

function actionIndex(actions: readonly ActionRecord[]) {
  const byEntry = new Map<string, ActionRecord[]>();
  const bySession = new Map<string, ActionRecord[]>();
  for (const a of actions) {
    if (a.entryId) byEntry.set(a.entryId, [...(byEntry.get(a.entryId) ?? []), a]);
    else if (a.sessionId) bySession.set(a.sessionId, [...(bySession.get(a.sessionId) ?? []), a]);
  }
  return { byEntry, bySession };
}

function summarise(entries: Iterable<EntryRecord>, sessions: ReadonlyMap<string, SessionRecord>, range = true) {
  const tags = new Set<string>();
  const labels = new Set<string>();
  const proposedLabels = new Set<string>();
  const sets = new Set<string>();
  let from: string | null = null;
  let to: string | null = null;
  let count = 0;
  for (const e of entries) {
    count++;
    if (from === null || e.date < from) from = e.date;
    if (to === null || e.date > to) to = e.date;
    for (const t of e.tags) tags.add(t.tag);
    const label = labelOf(e);
    if (label) (proposed(e) ? proposedLabels : labels).add(label);
    if (e.session) sets.add(sessions.get(e.session.id)?.setId ?? '');
  }
  sets.delete('');
  return {
    ...(range ? { from: from && localIso(new Date(from)), to: to && localIso(new Date(to)), entries: count } : {}),
    tags: [...tags].sort(),
    // The writer's labels; the classifier's unconfirmed proposals apart from them.
    labels: [...labels].sort(),
    ...(proposedLabels.size ? { proposedLabels: [...proposedLabels].sort() } : {}),
    ...(sets.size ? { sets: [...sets].sort() } : {}),
  };
}

function frontMatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}
