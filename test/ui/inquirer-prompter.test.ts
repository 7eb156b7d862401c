import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, tempJournal } from '../helpers/cli.js';
import { Terminal } from '../helpers/tmux.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const SET = `title: Hints
questions:
  - {id: area, ask: Where is it?, type: choice, hint: Pick the closest., choices: [work, home]}
  - {id: many, ask: What fits?, type: multi, hint: Choose all that fit., choices: [fear, hope]}
  - {id: weight, ask: How heavy is it?, type: scale, hint: Ten is the heaviest.}
  - {id: mine, ask: Is it yours to carry?, type: confirm, hint: Yes if the decision is yours.}
`;

describe('the terminal prompts', () => {
  it('show a question’s hint under it for choice, multi, scale and confirm questions', async () => {
    const { dir, db } = tempJournal();
    mkdirSync(join(dir, 'sets'));
    writeFileSync(join(dir, 'sets', 'hints.yaml'), SET);
    const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), TERM: 'xterm-256color', TZ: 'UTC' };
    terminal = new Terminal(`${process.execPath} ${BIN} --db ${db} --prompts ${join(dir, 'sets')} session hints`, env);
    await terminal.waitFor(/\[1\/4\] Where is it\?\n {2}Pick the closest\./);
    terminal.type('Enter');
    await terminal.waitFor(/\[2\/4\] What fits\?\n {2}Choose all that fit\./);
    terminal.type('Space', 'Enter');
    await terminal.waitFor(/\[3\/4\] How heavy is it\? \(1–10\)\n {2}Ten is the heaviest\./);
    terminal.type('7', 'Enter');
    const screen = await terminal.waitFor(/\[4\/4\] Is it yours to carry\?\n {2}Yes if the decision is yours\./);
    // Each answer sits on its own line under its hint, not glued to it.
    expect(screen).toMatch(/Pick the closest\.\n {2}work\n/);
    expect(screen).toMatch(/Ten is the heaviest\.\n {2}7\n/);
    terminal.type('C-c');
    await terminal.waitFor('[exited 130]');
  });
});
