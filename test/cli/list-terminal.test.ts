import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, reflect } from '../helpers/cli.js';
import { BREAKTHROUGH_ANSWERS, journalOf, runSet } from '../helpers/journals.js';
import { Terminal } from '../helpers/tmux.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const JAPANESE = '日本語のテキストはとても長くて、ターミナルの幅を超えてしまうことがよくあります。引き出しの中に古い写真がありました。家族の思い出がたくさん詰まっています。 #family';
const ENGLISH = `${'A long day at the allotment, weeding and thinking about the letters in the drawer. '.repeat(3)}#garden`;

function envFor(dir: string, db: string, extra: Record<string, string> = {}): Record<string, string> {
  return { REFLECT_DB: db, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), TERM: 'xterm-256color', TZ: 'UTC', ...extra };
}

describe('reflect list on a real terminal', () => {
  it.each([80, 160])('fits every row to a %i-column terminal by display width, Japanese too', async (columns) => {
    const { dir, db } = journalOf(2);
    runSet(db, dir, 'breakthrough', BREAKTHROUGH_ANSWERS);
    for (const text of [JAPANESE, ENGLISH]) expect(reflect(['--db', db, 'write', text]).code).toBe(0);
    terminal = new Terminal(`${process.execPath} ${BIN} list`, envFor(dir, db, { PAGER: 'cat' }), { columns, rows: 30 });
    await terminal.waitFor('[exited 0]');
    const rows = terminal.screen(true).split('\n').filter((l) => /^\d{4}-\d\d-\d\d /.test(l));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(stringWidth(row.trimEnd())).toBeLessThanOrEqual(columns);
    const [english, japanese, session] = rows;
    // Cut rows use the whole width (a wide character may leave one column), the hidden #tag appended.
    for (const row of [english!, japanese!]) expect(stringWidth(row)).toBeGreaterThanOrEqual(columns - 1);
    expect(english).toMatch(/…  #garden$/);
    expect(japanese).toMatch(/…  #family$/);
    expect(session).toContain('✦  Finding the breakthrough · 8 answers · step: Tal');
  });

  it('with --full wraps whole entries and every answer to the terminal by display width', async () => {
    const { dir, db } = journalOf(0);
    runSet(db, dir, 'breakthrough', BREAKTHROUGH_ANSWERS);
    for (const text of [JAPANESE, ENGLISH]) expect(reflect(['--db', db, 'write', text]).code).toBe(0);
    terminal = new Terminal(`${process.execPath} ${BIN} list --full`, envFor(dir, db, { PAGER: 'cat' }), { columns: 80, rows: 60 });
    const screen = await terminal.waitFor('[exited 0]');
    for (const line of terminal.screen(true).split('\n')) expect(stringWidth(line.trimEnd())).toBeLessThanOrEqual(80);
    expect(screen).toContain('  Step: Talk to Dana on Friday (due Fri');
    // Wrapped, not cut: every word of the long entry is there.
    expect(screen.replace(/\s+/g, ' ')).toContain(ENGLISH.replace(/\s+/g, ' '));
  });

  it('show breaks a session\'s long questions and answers between words, under their indents', async () => {
    const { dir, db } = journalOf(0);
    const pull = 'My manager offered me the lead role on the new platform team and I keep putting off the answer, week after week.';
    runSet(db, dir, 'breakthrough', BREAKTHROUGH_ANSWERS.replace('Whether to take the team lead role', pull));
    const [session] = JSON.parse(reflect(['--db', db, 'sessions', '--json']).stdout) as { id: string }[];
    terminal = new Terminal(`${process.execPath} ${BIN} show ${session!.id}`, envFor(dir, db, { PAGER: 'cat' }), { columns: 80, rows: 60 });
    await terminal.waitFor('[exited 0]');
    // Joined, a line the terminal had to wrap is one long line: every line must be ours, and fit.
    const lines = terminal.screen(true).split('\n');
    for (const line of lines) expect(stringWidth(line.trimEnd())).toBeLessThanOrEqual(80);
    const answer = lines.findIndex((l) => l.startsWith('  My manager offered'));
    expect(lines[answer + 1]).toMatch(/^ {2}\S/);
    expect(`${lines[answer]} ${lines[answer + 1]}`.replace(/\s+/g, ' ').trim()).toBe(pull);
  });

  it.each(['breakthroughs', 'actions'])('%s breaks long answers and steps between words on the terminal', async (command) => {
    const { dir, db } = journalOf(0);
    const insight = "It's the trust I care about, not the title, and I have been waiting to be sure before I let anyone see me try.";
    const step = 'Talk to Dana on Friday about the lead role, what I would need from her, and what scares me about it';
    runSet(db, dir, 'breakthrough', BREAKTHROUGH_ANSWERS.replace("It's the trust I care about, not the title", insight).replaceAll('Talk to Dana on Friday', step));
    terminal = new Terminal(`${process.execPath} ${BIN} ${command}`, envFor(dir, db, { PAGER: 'cat' }), { columns: 80, rows: 40 });
    const screen = await terminal.waitFor('[exited 0]');
    for (const line of terminal.screen(true).split('\n')) expect(stringWidth(line.trimEnd())).toBeLessThanOrEqual(80);
    const flat = screen.replace(/\s+/g, ' ');
    expect(flat).toContain(command === 'actions' ? step : insight);
  });

  it('pages long output through less, and says how many were left out after it', async () => {
    const { dir, db } = journalOf(47);
    terminal = new Terminal(`${process.execPath} ${BIN} list -n 40`, envFor(dir, db), { columns: 80, rows: 20 });
    const paged = await terminal.waitFor((s) => /^:\s*$/m.test(s));
    expect(paged).toContain('Entry 1 about the garden');
    expect(paged).not.toContain('[exited');
    terminal.type('q');
    const done = await terminal.waitFor('[exited 0]');
    expect(done).toContain('40 of 47 shown; add `-n 47` to see all.');
  });

  it('prints plainly when the pager cannot start', async () => {
    const { dir, db } = journalOf(30);
    terminal = new Terminal(`${process.execPath} ${BIN} list -n 25`, envFor(dir, db, { PAGER: '/nonexistent/pager' }), { columns: 80, rows: 50 });
    const screen = await terminal.waitFor('[exited 0]');
    expect(screen.split('\n').filter((l) => /^\d{4}-\d\d-\d\d /.test(l))).toHaveLength(25);
  });
});
