import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShare } from '../../src/cli/commands/share.js';
import { reflect, tempJournal } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

const SECRET = 'I keep my brother at a distance so he cannot disappoint me again.';
const ANSWERS = `energy: 3
moment: "I realised I say yes to everyone because I am afraid they will leave if I say no."
care: {answer: "Being someone people can count on", deeper: ["Almost none, and I resent it"]}
drain: "${SECRET}"
intention: "Say no once, kindly."
_commit: {action: "Write down what I noticed about saying yes", due: "friday"}
`;

/** A client who ran the daily set once, and wrote one quick entry. */
function client() {
  const { dir, db } = tempJournal();
  const file = join(dir, 'answers.yaml');
  writeFileSync(file, ANSWERS);
  const ran = reflect(['--db', db, 'session', 'daily', '--answers', file, '--json']);
  expect(ran.stderr).toBe('');
  const session = JSON.parse(ran.stdout).session as string;
  expect(reflect(['--db', db, 'write', '--date', 'yesterday', 'A quick note of my own.']).code).toBe(0);
  const run = (...args: string[]) => reflect(['--db', db, ...args]);
  return { dir, db, session, run };
}

describe('reflect share: the client writes a file for the coach', () => {
  it('leaves a redacted answer out of the file entirely, and the file is the client’s alone', () => {
    const c = client();
    const out = join(c.dir, 'share.json');
    const result = c.run('share', c.session.slice(0, 8), '--redact', 'drain', '--out', out);
    expect(result.stderr).toBe(`Wrote ${out} (0600, yours alone): 5 answers from 1 session, 1 committed step; 1 left out.\n`);
    expect(result.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(out, 'utf8');
    expect(bytes).not.toContain(SECRET);
    expect(bytes).not.toContain('brother');
    const share = JSON.parse(bytes);
    expect(share.entries.map((e: { session: { questionId: string } }) => e.session.questionId)).toEqual(['energy', 'moment', 'care', 'care', 'intention']);
    expect(share.sessions).toHaveLength(1);
    // The quick entry is not part of the session, so not part of the share.
    expect(bytes).not.toContain('A quick note');
    expect(result.stdout).toBe('');
  });

  it.each([
    ['share.md', [], '# Shared answers'],
    ['share.json', [], '{"format":"reflect-journal"'],
    ['share.txt', ['--format', 'json'], '{"format":"reflect-journal"'],
  ])('%s %j is written in the format it names', (name, more, start) => {
    const c = client();
    const out = join(c.dir, name);
    expect(c.run('share', c.session, '--out', out, ...more).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(start);
  });

  it('markdown carries the label and the committed step with their answer', () => {
    const c = client();
    const out = join(c.dir, 'share.md');
    c.run('share', c.session, '--out', out);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('What was one moment today that mattered to you?');
    expect(text).toMatch(/Breakthrough/);
    expect(text).toContain('Write down what I noticed about saying yes');
  });

  it('shares by set or by dates as well as by session', () => {
    const c = client();
    const bySet = JSON.parse((c.run('share', '--set', 'daily', '--out', join(c.dir, 'a.json')), readFileSync(join(c.dir, 'a.json'), 'utf8')));
    expect(bySet.entries).toHaveLength(6);
    c.run('share', '--from', 'yesterday', '--to', 'yesterday', '--out', join(c.dir, 'b.json'));
    expect(JSON.parse(readFileSync(join(c.dir, 'b.json'), 'utf8')).entries.map((e: { text: string }) => e.text)).toEqual(['A quick note of my own.']);
  });
});

describe('reflect share: what is refused', () => {
  const c = client();
  it.each([
    ['no --out', ['share', 'SESSION'], 2, 'reflect: a share is a file you hand over: name it with --out <file> (it is created 0600)'],
    ['--out -', ['share', 'SESSION', '--out', '-'], 2, 'reflect: a share is a file you hand over: name it with --out <file> (it is created 0600)'],
    ['nothing chosen', ['share', '--out', 'OUT'], 2, 'reflect: say what to share: a session id, --set <id>, or --from/--to (see `reflect share --help`)'],
    ['a misspelt question', ['share', 'SESSION', '--redact', 'drian', '--out', 'OUT'], 2, 'reflect: --redact drian: no answer to a question "drian" is in this share (did you mean "drain"?); the questions here are energy, moment, care, drain, intention'],
    ['an unknown session', ['share', 'abcdef12', '--out', 'OUT'], 1, 'reflect: no entry or session with id abcdef12'],
    ['an unknown set', ['share', '--set', 'dialy', '--out', 'OUT'], 1, 'reflect: no sessions of the prompt set "dialy" in the journal (did you mean "daily"?)'],
    ['every answer redacted', ['share', 'SESSION', '--redact', 'energy,moment,care,drain,intention', '--out', 'OUT'], 1, 'reflect: every answer was left out, so there is nothing to share; no file was written'],
    ['a day with nothing', ['share', '--on', '2001-01-01', '--out', 'OUT'], 1, 'reflect: nothing to share: no answers or entries match'],
  ])('%s: one line, and no file', (_, args, code, message) => {
    const out = join(c.dir, `refused-${Math.random().toString(36).slice(2)}.json`);
    const result = c.run(...args.map((a) => (a === 'SESSION' ? c.session : a === 'OUT' ? out : a)));
    expect({ code: result.code, stderr: result.stderr, stdout: result.stdout }).toEqual({ code, stderr: `${message}\n`, stdout: '' });
    expect(existsSync(out)).toBe(false);
  });

  it('an existing file is kept unless --force', () => {
    const out = join(c.dir, 'kept.json');
    writeFileSync(out, 'mine');
    const result = c.run('share', c.session, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^reflect: .*kept\.json.*\n$/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(c.run('share', c.session, '--out', out, '--force').code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('reflect-journal');
  });
});

describe('reflect share on a terminal: the writer ticks what goes', () => {
  it('offers every answer ticked, and writes only those left ticked', async () => {
    const c = client();
    const [session] = JSON.parse(c.run('sessions', '--json').stdout) as { id: string }[];
    const entries = JSON.parse(c.run('show', session!.id, '--json').stdout).answers as { id: string; questionId: string }[];
    const kept = entries.filter((e) => e.questionId !== 'drain').map((e) => e.id);
    let offered: { checked?: boolean; label: string }[] = [];
    const { prompter, asked } = scriptedPrompter([kept]);
    const spy = { ...prompter, chooseMany: async (q: Parameters<typeof prompter.chooseMany>[0]) => ((offered = [...q.choices] as typeof offered), prompter.chooseMany(q)) };
    const { deps, opened } = testDeps(c.db, { prompter: spy as typeof prompter, isTTY: true });
    const out = join(c.dir, 'ticked.json');
    await runShare({ id: session!.id, out }, deps);
    for (const db of opened) db.close();
    expect(asked).toEqual(['Which of these go in the share? (6 answers; space to untick, enter when done)']);
    expect(offered.every((choice) => choice.checked)).toBe(true);
    expect(offered.map((choice) => choice.label.split(':')[0])).toEqual(['energy', 'moment', 'care', '  ↳ care', 'drain', 'intention']);
    expect(readFileSync(out, 'utf8')).not.toContain(SECRET);
    expect(JSON.parse(readFileSync(out, 'utf8')).entries).toHaveLength(5);
  });
});

describe('the coach’s side: a share imported into the client’s own journal', () => {
  it('brings it in once, and breakthroughs and stats read it', () => {
    const c = client();
    const moment = (JSON.parse(c.run('show', c.session, '--json').stdout).answers as { id: string; questionId: string }[]).find((a) => a.questionId === 'moment')!;
    expect(c.run('label', moment.id, 'breakthrough').code).toBe(0);
    const share = join(c.dir, 'share.json');
    expect(c.run('share', c.session, '--redact', 'drain', '--out', share).code).toBe(0);

    const coach = tempJournal();
    mkdirSync(join(coach.dir, 'config', 'reflect'), { recursive: true });
    writeFileSync(join(coach.dir, 'config', 'reflect', 'config.yaml'), 'journals:\n  ana: clients/ana.db\n');
    const env = { XDG_CONFIG_HOME: join(coach.dir, 'config'), XDG_CACHE_HOME: join(coach.dir, 'cache'), REFLECT_DB: undefined };
    const asCoach = (...args: string[]) => reflect(['--journal', 'ana', ...args], { env });
    expect(asCoach('import', share)).toMatchObject({ code: 0, stdout: 'Imported 5 entries, 1 session, 1 action.\n' });
    expect(asCoach('import', share).stdout).toBe('Imported 0 entries (5 entries, 1 session, 1 action already in the journal, left as they were).\n');
    const stats = JSON.parse(asCoach('stats', '--json').stdout);
    expect(stats).toMatchObject({ entries: 5, sessions: 1 });
    // The client's own confirmation came across: it is the coach's breakthrough list.
    const breakthroughs = asCoach('breakthroughs');
    expect(breakthroughs.stdout).toContain('I realised I say yes to everyone because I am afraid they will leave if I say no.');
    expect(breakthroughs.stdout).toContain('Write down what I noticed about saying yes');
    expect(JSON.stringify(asCoach('export', '--format', 'json').stdout)).not.toContain('brother');
    expect(existsSync(join(coach.dir, 'config', 'reflect', 'clients', 'ana.db'))).toBe(true);

    // Later the client shares the answer held back: just that one comes in.
    const full = join(c.dir, 'full.json');
    expect(c.run('share', c.session, '--out', full).code).toBe(0);
    expect(asCoach('import', full).stdout).toBe('Imported 1 entry (5 entries, 1 session, 1 action already in the journal, left as they were).\n');
    expect(JSON.parse(asCoach('stats', '--json').stdout).entries).toBe(6);
  });
});
