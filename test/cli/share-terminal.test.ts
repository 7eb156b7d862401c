import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, reflect, tempJournal } from '../helpers/cli.js';
import { Terminal } from '../helpers/tmux.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

function journalWithSession() {
  const { dir, db } = tempJournal();
  const answers = join(dir, 'a.yaml');
  writeFileSync(answers, 'energy: 3\nmoment: The long walk.\ndrain: "The secret I keep."\nintention: Rest.\n');
  const ran = reflect(['--db', db, 'session', 'daily', '--answers', answers, '--json']);
  expect(ran.stderr).toBe('');
  const env = { REFLECT_DB: db, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), TERM: 'xterm-256color', TZ: 'UTC' };
  return { dir, env, session: JSON.parse(ran.stdout).session as string };
}

describe('reflect share in a real terminal', () => {
  it('offers every answer ticked; an answer unticked with space is not in the file', async () => {
    const { dir, env, session } = journalWithSession();
    const out = join(dir, 'share.json');
    terminal = new Terminal(`${process.execPath} ${BIN} share ${session.slice(0, 8)} --out ${out}`, env, { columns: 80, rows: 30 });
    const offer = await terminal.waitFor('Which of these go in the share? (4 answers');
    expect(offer).toMatch(/◉ energy: 3 of 10/);
    expect(offer).toMatch(/◉ drain: The secret I keep\./);
    terminal.type('Down', 'Down', 'Space');
    await terminal.waitFor(/◯ drain: The secret I keep\./);
    terminal.type('Enter');
    const done = await terminal.waitFor('[exited 0]');
    expect(done).toContain('[exited 0]');
    expect(terminal.screen(true)).toContain('3 answers from 1 session; 1 left out.');
    expect(readFileSync(out, 'utf8')).not.toContain('The secret I keep');
    expect(readFileSync(out, 'utf8')).toContain('The long walk.');
  });

  it('Ctrl-C while ticking writes no file', async () => {
    const { dir, env, session } = journalWithSession();
    const out = join(dir, 'share.json');
    terminal = new Terminal(`${process.execPath} ${BIN} share ${session.slice(0, 8)} --out ${out}`, env, { columns: 80, rows: 30 });
    await terminal.waitFor('Which of these go in the share?');
    terminal.type('C-c');
    await terminal.waitFor('[exited 130]');
    expect(existsSync(out)).toBe(false);
  });
});
