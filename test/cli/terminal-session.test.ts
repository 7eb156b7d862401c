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
    const done = await terminal.waitFor('[exited 0]');
    expect(done).toMatch(/Saved: session [0-9a-f]{8} \(5 answers\)/);

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
