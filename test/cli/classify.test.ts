import { isoDay } from '../../src/core/dates.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, dumpJournal, reflect, tempJournal } from '../helpers/cli.js';
import { classify } from '../../src/core/classifier/classify.js';

const json = (text: string) => JSON.parse(text);
const corpusTexts = () =>
  readFileSync(new URL('../fixtures/corpus/train.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text.replace(/\s*\n\s*/g, ' ').trim())
    .filter((text) => text !== '');
const REFRAME = "It isn't about the job offer, it's my fear of repeating past mistakes.";

describe('reflect classify', () => {
  it('labels text given as arguments, with its reasons and a next step', () => {
    const run = reflect(['classify', REFRAME]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✦ breakthrough \(\d+% sure\)\n/);
    expect(run.stdout).toContain('why: reframe');
    expect(run.stdout).toContain('next: ');
  });

  it('reads stdin one entry per line, printing one JSON object per line in order', () => {
    const run = reflect(['classify', '-', '--json'], { input: `${REFRAME}\n\nFinally understood how pivot tables work.\nMy coach told me I'm afraid of failure.\n` });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map(json);
    expect(lines.map((l: { label: string }) => l.label)).toEqual(['breakthrough', 'skill', 'external']);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['label', 'confidence', 'evidence', 'suggestions']));
      expect(line.suggestions.length).toBeGreaterThan(0);
    }
    expect(lines[0].evidence[0]).toMatchObject({ rule: expect.any(String), why: expect.any(String), span: expect.any(String) });
  });

  it('classifies stored entries, prints what changed, and nothing the second time', () => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', REFRAME]);
    reflect(['--db', db, 'write', 'Went to the market, then cooked dinner with Sam.']);
    // A stored label from an older model, to be replaced.
    const conn = new Database(db);
    conn.prepare(`UPDATE classifications SET model_label = 'skill'`).run();
    conn.close();
    const first = reflect(['--db', db, 'classify', '--entries', '--json']);
    expect(first.code).toBe(0);
    const changes = first.stdout.trim().split('\n').map(json);
    expect(changes.map((c: { before: string; after: string }) => [c.before, c.after]).sort()).toEqual([
      ['skill', 'breakthrough'],
      ['skill', 'neutral'],
    ]);
    expect(first.stderr).toBe('Classified 2 entries; 2 changed.\n');
    const second = reflect(['--db', db, 'classify', '--entries']);
    expect(second.stdout).toBe('');
    expect(second.stderr).toBe('Classified 2 entries; 0 changed.\n');
  });

  // Past a few hundred lines, classifying moves to worker threads: the output must not change.
  it('prints the same, in the same order, for a long stream classified on every core', () => {
    const texts = corpusTexts().slice(0, 1200);
    const run = reflect(['classify', '-', '--json'], { input: `${texts.join('\n')}\n` });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map(json);
    expect(lines.map((l: { text: string }) => l.text)).toEqual(texts);
    const expected = texts.map((text) => classify(text));
    expect(lines.map((l: { label: string; confidence: number; evidence: unknown }) => [l.label, l.confidence, l.evidence])).toEqual(expected.map((r) => [r.label, r.confidence, r.evidence]));
  });

  it('with --jsonl, reads each line of a long stream with its own question, an empty one as none', () => {
    const texts = corpusTexts().slice(0, 700);
    const questionOf = (i: number) => (i % 3 === 0 ? 'What do you see now that you did not see?' : i % 7 === 0 ? '' : undefined);
    const input = texts.map((text, i) => JSON.stringify({ text, question: questionOf(i) })).join('\n');
    const run = reflect(['classify', '-', '--jsonl'], { input });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map(json);
    expect(lines.map((l: { question?: string }) => l.question)).toEqual(texts.map((_, i) => questionOf(i)));
    const expected = texts.map((text, i) => classify(text, { context: questionOf(i) ? { question: questionOf(i) } : null }));
    expect(lines.map((l: { label: string; confidence: number }) => [l.label, l.confidence])).toEqual(expected.map((r) => [r.label, r.confidence]));
  });

  it('with --jsonl, a bad line far into a long stream stops the run after everything before it is printed', () => {
    const texts = corpusTexts().slice(0, 900);
    const input = [...texts.map((text) => JSON.stringify({ text })), 'not json', JSON.stringify({ text: 'never read' })].join('\n');
    const run = reflect(['classify', '-', '--jsonl'], { input });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('reflect: line 901 of stdin is not JSON; --jsonl reads one {"text": "…", "question": "…"} a line');
    expect(run.stdout.trim().split('\n').map((l) => json(l).text)).toEqual(texts);
  });

  it('classifies a large journal’s stored entries on every core, the same as one by one', () => {
    const { dir, db } = tempJournal();
    const texts = corpusTexts().slice(0, 1500);
    const file = join(dir, 'jrnl.json');
    writeFileSync(file, JSON.stringify({ tags: {}, entries: texts.map((text, i) => ({ title: text, body: '', date: '2026-03-01', time: `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, tags: [], starred: false })) }));
    expect(reflect(['--db', db, 'import', '--from', 'jrnl', file]).code).toBe(0);
    const conn = new Database(db);
    conn.prepare(`UPDATE classifications SET model_label = NULL`).run();
    conn.close();
    const run = reflect(['--db', db, 'classify', '--entries', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`Classified ${texts.length} entries; ${texts.length} changed.\n`);
    const stored = new Database(db, { readonly: true });
    const labels = stored.prepare(`SELECT e.text, c.model_label AS label FROM entries e JOIN classifications c ON c.entry_seq = e.seq`).all() as { text: string; label: string }[];
    stored.close();
    expect(labels).toHaveLength(texts.length);
    for (const { text, label } of labels) expect(label, text).toBe(classify(text).label);
  });

  it('Ctrl-C during a long run on every core stops it at once, with whole pages saved and no worker left behind', async () => {
    const { dir, db } = tempJournal();
    const texts = corpusTexts();
    const file = join(dir, 'jrnl.json');
    const entries = [0, 1].flatMap((round) => texts.map((text, i) => ({ title: `${text} (${round})`, body: '', date: `2026-0${round + 1}-01`, time: `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, tags: [], starred: false })));
    writeFileSync(file, JSON.stringify({ tags: {}, entries }));
    expect(reflect(['--db', db, 'import', '--from', 'jrnl', file]).code).toBe(0);
    const child = spawn(process.execPath, [BIN, '--db', db, 'classify', '--entries', '--json'], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Interrupted once the first page of changes is out: well into the run, far from its end.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toBe('reflect: interrupted; what was already saved stays saved\n');
    const conn = new Database(db, { readonly: true });
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    const classified = (conn.prepare(`SELECT count(*) AS n FROM classifications WHERE model_label IS NOT NULL`).get() as { n: number }).n;
    const total = (conn.prepare(`SELECT count(*) AS n FROM entries`).get() as { n: number }).n;
    conn.close();
    expect(total).toBe(entries.length);
    // Imported entries carry no label yet; this run saved its labels a page (1,000 entries) at a time, never half a page.
    expect(classified % 1000).toBe(0);
    expect(classified).toBeGreaterThan(0);
    expect(classified).toBeLessThan(total);
  });

  it('stops quietly, with exit 0, when the reader of its output goes away (`| head`)', () => {
    const { dir } = tempJournal();
    const input = join(dir, 'lines.txt');
    // Far more output than a pipe holds, so the writer is still writing when head leaves.
    writeFileSync(input, `${REFRAME}\n`.repeat(2000));
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" classify - --json < "${input}" | head -c 100 > /dev/null; echo "exit \${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('exit 0\n');
  });

  it('write without a terminal names the proposed label of an insight and how to confirm it, and says nothing for plain events', () => {
    const { db } = tempJournal();
    const insight = reflect(['--db', db, 'write', REFRAME]);
    expect(insight.stdout).toMatch(/^Saved ([0-9a-f]{8})\nProposed label: breakthrough \(to confirm it: `reflect label \1 breakthrough`\)\n$/);
    const skill = reflect(['--db', db, 'write', 'Finally understood how pivot tables work.']);
    expect(skill.stdout).toMatch(/^Saved ([0-9a-f]{8})\nProposed label: skill \(to change it: `reflect label \1 <label>`\)\n$/);
    const plain = reflect(['--db', db, 'write', 'Went to the market, then cooked dinner with Sam.']);
    expect(plain.stdout).toMatch(/^Saved [0-9a-f]{8}\n$/);
  });

  it.each([
    [['classify'], 'reflect: give text to classify, "-" to read lines from stdin, or --entries'],
    [['classify', 'text', '--entries'], 'reflect: give either text to classify or --entries, not both'],
  ])('%j is a usage error', (args, message) => {
    const run = reflect(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(message);
  });
});

describe('labels: the model proposes, the writer decides', () => {
  it('a label from an answers file is the writer’s, and wins in list, search and breakthroughs', () => {
    const { dir, db } = tempJournal();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(
      answers,
      [
        'energy: 7',
        'moment: {answer: "Went to the market, then cooked dinner with Sam.", label: breakthrough}',
        "care: {answer: \"I didn't realise anything new today.\", label: neutral}",
        'intention: Keep the phone in the other room',
        '_commit: {action: Cook with Sam again, due: friday}',
      ].join('\n'),
    );
    const run = reflect(['--db', db, 'session', 'daily', '--answers', answers]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\(4 answers, 1 breakthrough\)/);
    const labelled = json(reflect(['--db', db, 'list', '--label', 'breakthrough', '--json']).stdout);
    expect(labelled.map((e: { text: string }) => e.text)).toEqual(['Went to the market, then cooked dinner with Sam.']);
    expect(json(reflect(['--db', db, 'search', 'market', '--label', 'neutral', '--json']).stdout)).toEqual([]);

    const timeline = json(reflect(['--db', db, 'breakthroughs', '--json']).stdout);
    expect(timeline.breakthroughs).toHaveLength(1);
    expect(timeline.breakthroughs[0].actions.map((a: { text: string }) => a.text)).toEqual(['Cook with Sam again']);
    expect(Object.values(timeline.byMonth)).toEqual([1]);
    const human = reflect(['--db', db, 'breakthroughs']).stdout;
    expect(human).toContain('Went to the market');
    expect(human).toContain('[ ] Cook with Sam again');
    expect(human).toMatch(/By month: \w+ \d{4}: 1/);
  });

  it('an answers file with a bad label or commit date saves nothing', () => {
    const { dir, db } = tempJournal();
    reflect(['--db', db, 'write', 'earlier']);
    const before = dumpJournal(db);
    for (const body of [
      'energy: 7\nmoment: {answer: x, label: epiphany}\nintention: y\n',
      'energy: 7\nmoment: x\nintention: y\n_commit: {action: z, due: someday}\n',
      'energy: 7\nmoment: x\nintention: y\n_commit: {action: z, due: in 100000000 days}\n',
    ]) {
      const answers = join(dir, 'bad.yaml');
      writeFileSync(answers, body);
      const run = reflect(['--db', db, 'session', 'daily', '--answers', answers]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^reflect: the answers in .* don't fit the set "daily"; nothing was saved: .*(label must be one of|_commit: can't read the date "(someday|in 100000000 days)")/);
      expect(dumpJournal(db)).toEqual(before);
    }
  });
});

describe('reflect actions', () => {
  // A day ahead of whenever the suite runs: a due date in the past is refused.
  const DUE = isoDay(new Date(Date.now() + 3 * 86_400_000));
  function withAction() {
    const { dir, db } = tempJournal();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, `energy: 5\nmoment: A quiet walk\nintention: Walk again\n_commit: {action: Walk before work, due: ${DUE}}\n`);
    expect(reflect(['--db', db, 'session', 'daily', '--answers', answers]).code).toBe(0);
    return db;
  }

  it('lists commitments, filters by status, and marks one done by its short id', () => {
    const db = withAction();
    const [action] = json(reflect(['--db', db, 'actions', '--json']).stdout);
    expect(action).toMatchObject({ text: 'Walk before work', status: 'open' });
    expect(reflect(['--db', db, 'actions']).stdout).toMatch(/^\[ \] [0-9a-f]{8} {2}Walk before work {2}due \d{4}-\d\d-\d\d\n$/);
    expect(reflect(['--db', db, 'actions']).stdout).toContain(`due ${DUE}`);
    const done = reflect(['--db', db, 'actions', 'done', action.shortId]);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Done: "Walk before work"');
    expect(json(reflect(['--db', db, 'actions', '--open', '--json']).stdout)).toEqual([]);
    expect(json(reflect(['--db', db, 'actions', '--done', '--json']).stdout)).toHaveLength(1);
  });

  it.each([
    [['actions', 'done', 'ffff0000'], 1, 'reflect: no action with id ffff0000 (see `reflect actions`)'],
    [['actions', '--open', '--done'], 2, 'reflect: --open and --done exclude each other; leave both out to see all'],
  ])('%j fails clearly', (args, code, message) => {
    const db = withAction();
    const before = dumpJournal(db);
    const run = reflect(['--db', db, ...args]);
    expect(run.code).toBe(code);
    expect(run.stderr.trim()).toBe(message);
    expect(dumpJournal(db)).toEqual(before);
  });
});
