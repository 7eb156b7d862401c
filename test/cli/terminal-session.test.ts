import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, reflect, tempJournal } from '../helpers/cli.js';
import { Terminal } from '../helpers/tmux.js';

const json = (text: string) => JSON.parse(text);
let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

function envFor(dir: string, db: string): Record<string, string> {
  return { REFLECT_DB: db, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), TERM: 'xterm-256color', TZ: 'UTC' };
}

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
    // A next step is offered (the set's own suggestion first), with a date in plain words.
    await terminal.waitFor('Pick one, or write your own:');
    terminal.type('Enter');
    await terminal.waitFor('By when?');
    terminal.type('Enter'); // the suggested "friday"
    await terminal.waitFor('Committed: "Carry your intention into tomorrow: Leave work on time"');
    const done = await terminal.waitFor('[exited 0]');
    expect(done).toMatch(/Saved: session [0-9a-f]{8} \(5 answers\)/);
    const [action] = json(reflect(['--db', db, 'actions', '--json']).stdout);
    expect(action).toMatchObject({ status: 'open', sessionId, text: 'Carry your intention into tomorrow: Leave work on time' });
    expect(new Date(action.due).getUTCDay()).toBe(5);

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
  it('shows a proposed breakthrough with its reasons after `reflect write`, and keeps the writer’s answer', async () => {
    const { dir, db } = tempJournal();
    const text = "It isn't about the job offer, it's my fear of repeating past mistakes.";
    terminal = new Terminal(`${process.execPath} ${BIN} write "${text}"`, envFor(dir, db));
    const screen = await terminal.waitFor('Is this a breakthrough for you?');
    expect(screen).toContain('── What stood out');
    expect(screen).toMatch(/why: .*reframe/);
    terminal.type('Enter');
    await terminal.waitFor('[exited 0]');
    const timeline = json(reflect(['--db', db, 'breakthroughs', '--json']).stdout);
    expect(timeline.breakthroughs.map((b: { text: string }) => b.text)).toEqual([text]);
  });
});
