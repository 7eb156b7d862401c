import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, reflect, tempJournal } from '../helpers/cli.js';
import { Terminal, terminalEnv } from '../helpers/tmux.js';

const json = (text: string) => JSON.parse(text);
let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const envFor = terminalEnv;

describe('a guided session in a real terminal', () => {
  it('keeps the answers given before Ctrl-C, then resumes where it stopped', async () => {
    const { dir, db } = tempJournal();
    const env = envFor(dir, db);
    terminal = new Terminal(`${process.execPath} ${BIN} session daily`, env);
    await terminal.waitFor('[1/5] How is your energy right now?');
    terminal.type('3', 'Enter');
    await terminal.waitFor('[2/5] What was one moment today that mattered to you?');
    terminal.type('The walk with Sam', 'Enter');
    await terminal.waitFor('[3/5]');
    terminal.type('C-c');
    const stopped = await terminal.waitFor('[exited 130]');
    expect(stopped).toContain('reflect: stopped; 2 answers are saved. Continue with `reflect session --resume`');
    terminal.close();

    const saved = json(reflect(['--db', db, 'list', '--json']).stdout);
    expect(saved.map((e: { text: string }) => e.text)).toEqual(['The walk with Sam', '3 of 10']);
    const sessionId = saved[0].sessionId;
    expect(json(reflect(['--db', db, 'show', sessionId, '--json']).stdout).status).toBe('open');

    // The next bare `reflect` offers to continue; Enter accepts.
    terminal = new Terminal(`${process.execPath} ${BIN}`, env);
    await terminal.waitFor('You have an unfinished session: Daily check-in (2 answered). Continue it?');
    terminal.type('Enter');
    await terminal.waitFor('[3/5] What does that moment say about what you care about?');
    terminal.type('Being outside with people I love', 'Enter');
    await terminal.waitFor('↳');
    terminal.type('Enter'); // an empty probe answer moves on
    await terminal.waitFor('[4/5]'); // energy 3 brings in the "what drained you" question
    terminal.type('The commute', 'Enter');
    await terminal.waitFor('[5/5]');
    terminal.type('Leave work on time', 'Enter');
    // Whichever answers stood out are shown to confirm (which ones is the classifier's call).
    const offered = await confirmEachProposal(terminal);
    // A next step is offered, the set's own suggestions first, with a date in plain words.
    const suggestion = /Pick one, or write your own:\n❯ (.+)/.exec(offered)![1]!.trim();
    terminal.type('Enter');
    await terminal.waitFor('By when?');
    terminal.type('Enter'); // the suggested date
    await terminal.waitFor('Committed: "');
    const done = await terminal.waitFor('[exited 0]');
    expect(done).toMatch(/Saved: session [0-9a-f]{8} \(5 answers/);
    const [action] = json(reflect(['--db', db, 'actions', '--json']).stdout);
    expect(action).toMatchObject({ status: 'open', sessionId });
    expect(suggestion.startsWith(action.text.slice(0, 40))).toBe(true);
    const daysAhead = (new Date(action.due).getTime() - Date.now()) / 86_400_000;
    expect(daysAhead).toBeGreaterThan(0);
    expect(daysAhead).toBeLessThan(8);

    const session = json(reflect(['--db', db, 'show', sessionId, '--json']).stdout);
    expect(session.status).toBe('finished');
    expect(session.answers.map((a: { text: string }) => a.text)).toEqual([
      '3 of 10',
      'The walk with Sam',
      'Being outside with people I love',
      'The commute',
      'Leave work on time',
    ]);
  });
});

/** Accepts the session's moments as proposed, if any stood out; returns the screen once the next step is offered. */
async function confirmEachProposal(t: Terminal): Promise<string> {
  const screen = await t.waitFor((s) => s.includes('Pick one, or write your own:') || /^\? (?:Are these|Is that) how you see/m.test(s));
  if (screen.includes('Pick one, or write your own:')) return screen;
  t.type('Enter');
  return t.waitFor('Pick one, or write your own:');
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("a session's moments in a real terminal", () => {
  it('puts forward at most three, with the question and the realisation, and confirms them in one keypress', async () => {
    const { dir, db } = tempJournal();
    terminal = new Terminal(`${process.execPath} ${BIN} session breakthrough`, envFor(dir, db));
    const answer = async (text: string, next: string | RegExp) => {
      terminal.type(text, 'Enter');
      await terminal.waitFor(next);
    };
    await terminal.waitFor('[1/7]');
    await answer("My sister hasn't called since the funeral", '[2/7]');
    await answer('7', '[3/7]');
    await answer("That she's done with me", '↳');
    await answer('Being chosen without having to earn it', /If that is true/);
    await answer("oh. I thought she'd abandoned me, but I've been waiting to be abandoned all along", /What would it mean/);
    await answer('', '[4/7]');
    await answer('I have to be useful or people leave', '↳');
    await answer('', '[5/7]');
    await answer('Another year of waiting by the phone', '[6/7]');
    await answer('nothing really', '[7/7]');
    terminal.type('Call my sister on Sunday', 'Enter');
    const screen = await terminal.waitFor(/^\? (?:Are these|Is that) how you see/m);
    const stood = screen.slice(screen.indexOf('── What stood out'));
    expect(stood).toContain('✦ breakthrough');
    expect(stood).toContain('after "If that is true, what does it say about what you value?"');
    expect(stood).toContain("I've been waiting to be abandoned all along");
    expect(count(stood, /^ \S.* {2}after "/gm)).toBeLessThanOrEqual(3);
    expect(stood).not.toContain('Call my sister on Sunday'); // a step is never a moment of its own
    terminal.type('Enter'); // All as proposed
    await terminal.waitFor('Pick one, or write your own:');
    terminal.type('C-c');
    await terminal.waitFor('[exited 130]');
    const entries = json(reflect(['--db', db, 'list', '--json', '-n', '50']).stdout) as { text: string; label: string; labelSource: string }[];
    const moment = entries.find((e) => e.text.includes('waiting to be abandoned'))!;
    expect(moment).toMatchObject({ label: 'breakthrough', labelSource: 'writer' });
    // The other answers keep the model's label, unconfirmed.
    expect(entries.find((e) => e.text === 'nothing really')).toMatchObject({ labelSource: 'model' });
  });
});

describe('committed actions in a real terminal', () => {
  it('asks about a due commitment and marks it done', async () => {
    const { dir, db } = tempJournal();
    const answers = join(dir, 'answers.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(answers, 'energy: 6\nmoment: A long lunch with Dana\nintention: Ask Dana about the lead role\n_commit: {action: Ask Dana for 30 minutes about the team lead role, due: today}\n');
    expect(reflect(['--db', db, 'session', 'daily', '--answers', answers]).code).toBe(0);

    terminal = new Terminal(`${process.execPath} ${BIN} actions`, envFor(dir, db));
    await terminal.waitFor('You committed to: "Ask Dana for 30 minutes about the team lead role" (due today)');
    await terminal.waitFor('Did you do it?');
    terminal.type('Enter');
    const screen = await terminal.waitFor('[exited 0]');
    expect(screen).toContain("Done. That's follow-through.");
    expect(screen).toMatch(/\[x\] [0-9a-f]{8} {2}Ask Dana for 30 minutes about the team lead role/);
    const [action] = json(reflect(['--db', db, 'actions', '--json']).stdout);
    expect(action.status).toBe('done');
  });
});

describe('confirming a proposed label in a real terminal', () => {
  it('shows a proposed breakthrough with its reasons after `reflect write`, keeps the writer’s answer, and offers a step', async () => {
    const { dir, db } = tempJournal();
    const text = "It isn't about the job offer, it's my fear of repeating past mistakes.";
    terminal = new Terminal(`${process.execPath} ${BIN} write "${text}"`, envFor(dir, db));
    const screen = await terminal.waitFor('Is this a breakthrough for you?');
    expect(screen).toContain('── What stood out');
    expect(screen).toMatch(/why: .*reframe/);
    terminal.type('Enter');
    // A confirmed breakthrough is the moment to commit to a step: write one's own, due tomorrow.
    await terminal.waitFor('Pick one, or write your own:');
    terminal.type('Down', 'Down', 'Down', 'Enter');
    await terminal.waitFor('Your next step:');
    terminal.type('Tell Sam what I saw', 'Enter');
    await terminal.waitFor('By when?');
    terminal.type('tomorrow', 'Enter');
    await terminal.waitFor('Committed: "Tell Sam what I saw"');
    await terminal.waitFor('[exited 0]');
    const timeline = json(reflect(['--db', db, 'breakthroughs', '--json']).stdout);
    expect(timeline.breakthroughs.map((b: { text: string }) => b.text)).toEqual([text]);
    const [action] = json(reflect(['--db', db, 'actions', '--json']).stdout);
    expect(action).toMatchObject({ status: 'open', text: 'Tell Sam what I saw', label: 'breakthrough' });
  });

  it('asks nothing after `reflect write` when the proposal is not a breakthrough, or with --no-review', async () => {
    const { dir, db } = tempJournal();
    terminal = new Terminal(`${process.execPath} ${BIN} write "Finally understood how pivot tables work."`, envFor(dir, db));
    const skill = await terminal.waitFor('[exited 0]');
    expect(skill).not.toContain('Is this');
    expect(skill).toMatch(/Proposed label: skill \(to change it: `reflect label [0-9a-f]{8} <label>`\)/);
    terminal.close();
    terminal = new Terminal(`${process.execPath} ${BIN} write --no-review "It isn't about the job offer, it's my fear of repeating past mistakes."`, envFor(dir, db));
    const unreviewed = await terminal.waitFor('[exited 0]');
    expect(unreviewed).not.toContain('Is this');
    expect(unreviewed).toMatch(/Proposed label: breakthrough \(to confirm it: `reflect label [0-9a-f]{8} breakthrough`\)/);
    const labels = json(reflect(['--db', db, 'list', '--json']).stdout).map((e: { label: string; labelSource: string }) => `${e.label} ${e.labelSource}`);
    expect(labels).toEqual(['breakthrough model', 'skill model']);
  });

  it('asks nothing more after `reflect write` when the writer says it is not a breakthrough', async () => {
    const { dir, db } = tempJournal();
    terminal = new Terminal(`${process.execPath} ${BIN} write "It isn't about the job offer, it's my fear of repeating past mistakes."`, envFor(dir, db));
    await terminal.waitFor('Is this a breakthrough for you?');
    terminal.type('Down', 'Down', 'Enter'); // "No, it's challenge"
    const screen = await terminal.waitFor('[exited 0]');
    expect(screen).not.toContain('Pick one, or write your own:');
    expect(json(reflect(['--db', db, 'list', '--json']).stdout)[0].label).toBe('challenge');
    expect(json(reflect(['--db', db, 'actions', '--json']).stdout)).toEqual([]);
  });
});

describe('a long question in a real terminal', () => {
  it('is written in $VISUAL on a private file (0600, in a 0700 folder) that is removed afterwards', async () => {
    const { dir, db } = tempJournal();
    const { writeFileSync, chmodSync, readFileSync, existsSync } = await import('node:fs');
    const set = join(dir, 'long.yaml');
    writeFileSync(set, 'title: Long one\nquestions:\n  - id: story\n    ask: Tell the whole story\n    type: long\n');
    const record = join(dir, 'editor-saw.txt');
    const editor = join(dir, 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\necho "$1 $(stat -c %a "$1") $(stat -c %a "$(dirname "$1")")" > '${record}'\nprintf 'It started on a Tuesday.\\n' > "$1"\n`);
    chmodSync(editor, 0o755);
    terminal = new Terminal(`${process.execPath} ${BIN} session ${set}`, { ...envFor(dir, db), VISUAL: editor, EDITOR: editor });
    await terminal.waitFor('[1/1] Tell the whole story');
    terminal.type('Enter');
    await confirmEachProposal(terminal);
    terminal.type('Down', 'Down', 'Enter'); // Not now
    await terminal.waitFor('[exited 0]');
    const [file, fileMode, dirMode] = readFileSync(record, 'utf8').trim().split(' ');
    expect([fileMode, dirMode]).toEqual(['600', '700']);
    expect(existsSync(file!)).toBe(false);
    const [entry] = json(reflect(['--db', db, 'list', '--json']).stdout);
    expect(entry.text).toBe('It started on a Tuesday.');
  });
});

/**
 * Runs reflect under a small sh wrapper that outlives the terminal: it records reflect's pid,
 * its exit status, and its stderr (optionally to a file, which still works after a hang-up).
 */
function wrapped(dir: string, args: string, stderrToFile: boolean, launcher = '') {
  const files = { pid: join(dir, 'pid'), status: join(dir, 'status'), stderr: join(dir, 'stderr') };
  const script = join(dir, 'run.sh');
  const redirect = stderrToFile ? `2>'${files.stderr}'` : '';
  const body = `#!/bin/sh\ntrap ':' HUP\nsh -c 'echo $$ > "$1"; exec ${launcher}"$2" "$3" ${args}' reflect-run '${files.pid}' '${process.execPath}' '${BIN}' ${redirect}\nstatus=$?\necho $status > '${files.status}'\nexit $status\n`;
  writeFileSync(script, body);
  const read = async (path: string) => {
    for (let i = 0; i < 200 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 50));
    return readFileSync(path, 'utf8').trim();
  };
  return { command: `sh ${script}`, pid: async () => Number(await read(files.pid)), status: () => read(files.status), stderr: () => read(files.stderr) };
}

describe('the terminal going away mid-session', () => {
  it.each([
    ['SIGHUP, then EIO', ''],
    // In a session of its own, reflect gets no SIGHUP: only the dead terminal's EIO tells it.
    ['EIO alone', 'setsid -w '],
  ])('closing the terminal (%s) ends reflect quietly (no crash), keeps the answers, and the session resumes', async (_how, launcher) => {
    const { dir, db } = tempJournal();
    const env = envFor(dir, db);
    const run = wrapped(dir, 'session daily', true, launcher);
    terminal = new Terminal(run.command, env);
    await terminal.waitFor('[1/5] How is your energy right now?');
    terminal.type('3', 'Enter');
    await terminal.waitFor('[2/5]');
    terminal.close(); // the pty closes: SIGHUP, and EIO on every read
    expect(await run.status()).toBe('129');
    const stderr = await run.stderr();
    expect(stderr).not.toMatch(/Abort|Assertion|Segmentation|node:|\n\s+at /);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^reflect: /);
    expect(json(reflect(['--db', db, 'list', '--json']).stdout).map((e: { text: string }) => e.text)).toEqual(['3 of 10']);

    terminal = new Terminal(`${process.execPath} ${BIN} session --resume`, env);
    await terminal.waitFor('Resuming Daily check-in (1 answer kept).');
    await terminal.waitFor('[2/5] What was one moment today that mattered to you?');
  });

  it('SIGTERM ends a running session with 143 and one line, keeping the answers', async () => {
    const { dir, db } = tempJournal();
    const run = wrapped(dir, 'session daily', false);
    terminal = new Terminal(run.command, envFor(dir, db));
    await terminal.waitFor('[1/5] How is your energy right now?');
    terminal.type('7', 'Enter');
    await terminal.waitFor('[2/5]');
    process.kill(await run.pid(), 'SIGTERM');
    const screen = await terminal.waitFor('[exited 143]');
    expect(screen).toMatch(/^reflect: .*saved.*reflect session --resume/m);
    expect(screen).not.toMatch(/Abort|node:|\n\s+at /);
    expect(json(reflect(['--db', db, 'list', '--json']).stdout).map((e: { text: string }) => e.text)).toEqual(['7 of 10']);
  });
});

describe('resuming a session stopped in the middle of its probes', () => {
  it('asks the probes still to come, and not the ones answered', async () => {
    const { dir, db } = tempJournal();
    const env = envFor(dir, db);
    const set = join(dir, 'probes.yaml');
    writeFileSync(set, 'title: Probes\nquestions:\n  - id: what\n    ask: What happened?\n    deeper: [Why did it matter?, What does that say about you?]\n  - id: next\n    ask: And next?\n');
    terminal = new Terminal(`${process.execPath} ${BIN} session ${set}`, env);
    await terminal.waitFor('[1/2] What happened?');
    terminal.type('The team shipped', 'Enter');
    await terminal.waitFor('↳ Why did it matter?');
    terminal.type('We had doubted it', 'Enter');
    await terminal.waitFor('↳ What does that say about you?');
    terminal.type('C-c');
    await terminal.waitFor('[exited 130]');
    terminal.close();

    terminal = new Terminal(`${process.execPath} ${BIN} session --resume`, env);
    const resumed = await terminal.waitFor('↳ What does that say about you?');
    expect(resumed).not.toContain('Why did it matter?');
    expect(resumed).not.toContain('[1/2]');
    terminal.type('That I trust too little', 'Enter');
    await terminal.waitFor('[2/2] And next?');
    terminal.type('Say so', 'Enter');
    await confirmEachProposal(terminal);
    terminal.type('C-c');
    await terminal.waitFor('[exited 130]');
    const [first] = json(reflect(['--db', db, 'list', '--json']).stdout);
    const session = json(reflect(['--db', db, 'show', first.sessionId, '--json']).stdout);
    expect(session.answers.map((a: { text: string }) => a.text)).toEqual(['The team shipped', 'We had doubted it', 'That I trust too little', 'Say so']);
  });
});
