import { lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXPORTERS, markdownFiles, markdownInput } from '../../src/export/registry.js';
import { commitAction, setActionStatus } from '../../src/store/actions.js';
import type { Classification } from '../../src/core/classifier/classify.js';
import { confirmLabel, saveModelLabel } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { exportSource } from '../../src/store/export-read.js';
import { openJournal } from '../../src/store/journal.js';
import { createSession, recordAnswer } from '../../src/store/sessions.js';
import { tempJournal } from '../helpers/cli.js';

// Texts that would break a naive markdown export, and how each is exported: the writer's markdown
// stays markdown (headings render as headings), changed only where it would break the document.
const CASES: [string, string][] = [
  ['Plain prose with *emphasis* and a #tag.', 'Plain prose with *emphasis* and a #tag.'],
  ['# Morning pages\n\nSlept badly.', '### Morning pages\n\nSlept badly.'],
  ['---\ntitle: pretending to be front matter\ndate: 1999-01-01\n---\nand then the rest', '***\n#### title: pretending to be front matter date: 1999-01-01\nand then the rest'],
  ['# I wrote my own heading\nand a line under it', '### I wrote my own heading\nand a line under it'],
  ['## 2026-01-01 00:00 · deadbeef\nspoofing an entry heading', '#### 2026-01-01 00:00 · deadbeef\nspoofing an entry heading'],
  ['> a quote to start\n> still quoting', '> a quote to start\n> still quoting'],
  ['Before\n```\na fence of my own\n````\nafter', 'Before\n```\na fence of my own\n````\nafter'],
  ['A fence left open\n~~~\n## inside it', 'A fence left open\n~~~\n## inside it\n~~~'],
  ['Setext attempt\n---', '#### Setext attempt'],
  ['First paragraph.\n\nSecond paragraph, with emoji 🙂 and ünïcödé.', 'First paragraph.\n\nSecond paragraph, with emoji 🙂 and ünïcödé.'],
  ['<!-- an HTML comment that never closes', '\\<!-- an HTML comment that never closes'],
  ['    indented like code', '    indented like code'],
  ['- [note]: https://example.invalid/defined-in-a-list\nso [note] would link everywhere', '- [note\\]: https://example.invalid/defined-in-a-list\nso [note] would link everywhere'],
  ['a | b\n--- | ---\n1 | 2', 'a | b\n--- | ---\n1 | 2'],
  ['A list to end with:\n- one\n- two', 'A list to end with:\n- one\n- two'],
];
const TEXTS = CASES.map(([text]) => text);
const EXPORTED = CASES.map(([, exported]) => exported);

function journal() {
  const { db } = tempJournal();
  const conn = openJournal(db, 'write');
  const ids = TEXTS.map((text, i) => addEntry(conn, { text, date: new Date(Date.UTC(2026, 0, 1 + i, 9)), tags: i % 2 ? ['work'] : [] }).id);
  confirmLabel(conn, ids[1]!, 'breakthrough', new Date());
  const open = commitAction(conn, { text: 'Call Sam', entryId: ids[0]!, dueAt: new Date(Date.UTC(2026, 1, 1, 12)) }, new Date());
  const done = commitAction(conn, { text: 'Write it on a card', entryId: ids[1]!, dueAt: null }, new Date());
  setActionStatus(conn, done.id, 'done', new Date());
  void open;
  const session = {
    id: '11111111-0000-4000-8000-000000000000', setId: 'breakthrough', setTitle: 'Finding the breakthrough', setVersion: '1', setHash: 'h',
    setSnapshot: JSON.stringify({ id: 'breakthrough', title: 'Finding the breakthrough', questions: [] }), startedAt: new Date(Date.UTC(2026, 2, 1, 9)),
  };
  createSession(conn, session);
  recordAnswer(conn, session, { questionId: 'fear', question: 'What are you # afraid of?', position: 0, depth: 0, value: '# a heading\n---', text: '# a heading\n---' }, session.startedAt);
  recordAnswer(conn, session, { questionId: 'fear', question: 'And underneath?', position: 0, depth: 1, value: 'Being seen.', text: 'Being seen.' }, session.startedAt);
  return { conn, ids };
}

/** Splits a file into its YAML front matter and its markdown body, as notes apps and site generators do. */
function frontMatter(text: string): { data: Record<string, unknown>; body: string } {
  expect(text.startsWith('---\n')).toBe(true);
  const end = text.indexOf('\n---\n', 4);
  return { data: parseYaml(text.slice(4, end)) as Record<string, unknown>, body: text.slice(end + 5) };
}

/**
 * The markdown under each entry heading, read back with a real markdown parser: a section runs
 * to the next heading at the entry's depth or above, so the writer's (demoted) headings stay inside it.
 */
function textsUnder(body: string, isEntryHeading: (h: Tokens.Heading) => boolean): string[] {
  const tokens = lexer(body);
  // No text may define a link: it would turn other entries' [words] into links.
  expect(tokens.links).toEqual({});
  const texts: string[] = [];
  let current: Token[] | null = null;
  let depth = 0;
  const finish = () => {
    if (!current) return;
    // Our own lines around the text: the tags line, the breakthrough mark, the next steps and their task list.
    let kept = current.filter((t) => !(t.type === 'paragraph' && (/^Tags: #/.test(t.raw) || /^\*\*(✦ Breakthrough( \(proposed\))?|Next steps)\*\*$/.test(t.raw.trim()))));
    const last = kept.filter((t) => t.type !== 'space').at(-1);
    if (last?.type === 'list' && (last as Tokens.List).items.every((i) => i.task)) kept = kept.slice(0, kept.indexOf(last));
    texts.push(kept.map((t) => t.raw).join('').replace(/^\n+/, '').trimEnd());
    current = null;
  };
  for (const token of tokens) {
    const h = token as Tokens.Heading;
    if (token.type === 'heading' && (isEntryHeading(h) || !current || h.depth <= depth)) {
      finish();
      if (isEntryHeading(h)) [current, depth] = [[], h.depth];
      continue;
    }
    current?.push(token);
  }
  finish();
  return texts;
}

describe('the markdown export', () => {
  it('one document: front matter a YAML parser reads, and every entry’s text intact in its own section', () => {
    const { conn } = journal();
    const doc = [...EXPORTERS.md(exportSource(conn, {}))].join('');
    const { data, body } = frontMatter(doc);
    expect(data).toMatchObject({ title: 'reflect journal', entries: TEXTS.length + 2, tags: ['tag', 'work'], labels: ['breakthrough'], sets: ['breakthrough'] });
    const standalone = textsUnder(body, (h) => h.depth === 2 && !h.text.includes('Finding the breakthrough'));
    expect(standalone).toEqual(EXPORTED);
    // The session's questions; the standalone entries' own headings are demoted to ### and below.
    const answers = textsUnder(body, (h) => (h.depth === 3 || h.depth === 4) && /afraid|underneath/.test(h.text));
    expect(answers).toEqual(['##### a heading\n***', 'Being seen.']);
    expect(body).toContain('### What are you # afraid of?');
    expect(body).toContain('#### ↳ And underneath?');
    expect(body).toContain('**✦ Breakthrough**');
    expect(body).toMatch(/- \[ \] Call Sam \(due 2026-02-01\)/);
    expect(body).toContain('- [x] Write it on a card');
  });

  it('one file per entry: each opens with its own front matter, and its text reads back exactly', () => {
    const { conn, ids } = journal();
    const files = [...markdownFiles(markdownInput(exportSource(conn, {})), 'entry')];
    expect(files).toHaveLength(TEXTS.length + 2);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
    for (const [i, text] of TEXTS.entries()) {
      const file = files.find((f) => f.name.includes(ids[i]!.slice(0, 8)))!;
      expect(file.name).toMatch(/^2026-01-\d\d-\d{4}-entry-[0-9a-f]{8}\.md$/);
      const { data, body } = frontMatter(file.text);
      expect(data.id).toBe(ids[i]);
      expect(data.tags).toEqual(i % 2 ? ['work'] : text.includes('#tag') ? ['tag'] : []);
      expect(textsUnder(body, (h) => h.depth === 2)).toEqual([EXPORTED[i]]);
    }
  });

  it.each(['day', 'session'] as const)('one file per %s, each with front matter', (split) => {
    const { conn } = journal();
    const files = [...markdownFiles(markdownInput(exportSource(conn, {})), split)];
    // Every entry is on its own day, and the session is one more day (or one more file).
    expect(files.length).toBe(TEXTS.length + 1);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
    for (const f of files) expect(frontMatter(f.text).data).toHaveProperty('date');
    const session = files.find((f) => f.text.includes('Finding the breakthrough'))!;
    expect(frontMatter(session.text).data).toMatchObject({ sets: ['breakthrough'] });
  });
});

describe('proposed labels in the markdown export', () => {
  it('a breakthrough only proposed is marked apart from a confirmed one, in the text and the front matter', () => {
    const { db } = tempJournal();
    const conn = openJournal(db, 'write');
    const at = (day: number) => new Date(Date.UTC(2026, 5, day, 9));
    const proposal = { label: 'breakthrough', confidence: 0.9, evidence: [] } as unknown as Classification;
    const [confirmed, proposed, relabelled] = ['CONFIRMED', 'PROPOSED', 'RELABELLED'].map((text, i) => {
      const entry = addEntry(conn, { text, date: at(i + 1) });
      saveModelLabel(conn, entry.id, proposal, 'test', at(i + 1));
      return entry;
    });
    confirmLabel(conn, confirmed!.id, 'breakthrough', at(10));
    confirmLabel(conn, relabelled!.id, 'challenge', at(10));

    const doc = [...EXPORTERS.md(exportSource(conn, {}))].join('');
    const { data, body } = frontMatter(doc);
    expect(data).toMatchObject({ labels: ['breakthrough', 'challenge'], proposedLabels: ['breakthrough'] });
    expect(body).toMatch(/\*\*✦ Breakthrough\*\*\n\nCONFIRMED\n/);
    expect(body).toMatch(/\*\*✦ Breakthrough \(proposed\)\*\*\n\nPROPOSED\n/);
    expect(body.match(/✦ Breakthrough/g)).toHaveLength(2); // the writer's "challenge" wins over the proposal
    expect(textsUnder(body, (h) => h.depth === 2)).toEqual(['CONFIRMED', 'PROPOSED', 'RELABELLED']);

    const files = [...markdownFiles(markdownInput(exportSource(conn, {})), 'entry')];
    const meta = (entry: { id: string }) => frontMatter(files.find((f) => f.name.includes(entry.id.slice(0, 8)))!.text).data;
    expect(meta(proposed!)).toMatchObject({ labels: [], proposedLabels: ['breakthrough'] });
    expect(meta(confirmed!)).toMatchObject({ labels: ['breakthrough'] });
    expect(meta(confirmed!)).not.toHaveProperty('proposedLabels');
  });
});

describe('a session interrupted by another entry', () => {
  it('still exports as one whole session, in one file', () => {
    const { db } = tempJournal();
    const conn = openJournal(db, 'write');
    const start = new Date(Date.UTC(2026, 4, 1, 9));
    const session = { id: '22222222-0000-4000-8000-000000000000', setId: 'daily', setTitle: 'Daily', setVersion: '1', setHash: 'h', setSnapshot: '{"questions":[]}', startedAt: start };
    recordAnswer(conn, session, { questionId: 'a', question: 'First?', position: 0, depth: 0, value: 'FIRST ANSWER', text: 'FIRST ANSWER' }, start);
    addEntry(conn, { text: 'a quick note in between', date: new Date(start.getTime() + 5 * 60_000) });
    recordAnswer(conn, session, { questionId: 'b', question: 'Second?', position: 1, depth: 0, value: 'SECOND ANSWER', text: 'SECOND ANSWER' }, new Date(start.getTime() + 10 * 60_000));
    const files = [...markdownFiles(markdownInput(exportSource(conn, {})), 'session')];
    expect(files).toHaveLength(2);
    const whole = files.find((f) => f.text.includes('FIRST ANSWER'))!;
    expect(whole.text).toContain('SECOND ANSWER');
    const doc = [...EXPORTERS.md(exportSource(conn, {}))].join('');
    expect(doc.match(/## .* · Daily · 22222222/g)).toHaveLength(1);
  });
});
