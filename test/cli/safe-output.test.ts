import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, dumpJournal, reflect, tempJournal } from '../helpers/cli.js';
import { Terminal } from '../helpers/tmux.js';

// Text from someone else (an import, a pasted note) that a terminal would obey: set the window
// title, clear the screen, and the one-byte CSI.
const HOSTILE = 'x \x1b]0;pwned\x07 then \x1b[2J and \u009b31m red';
const json = (text: string) => JSON.parse(text);

const withoutColour = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '');

/** The controls left once our own colour codes (SGR) are taken out: none may remain. */
function rawControls(output: string): string[] {
  return [...withoutColour(output).matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => m[0]);
}

function journalWithHostileEntry() {
  const { dir, db } = tempJournal();
  const write = reflect(['--db', db, 'write', '--tag', 'work', HOSTILE]);
  expect(write.code, write.stderr).toBe(0);
  const [entry] = json(reflect(['--db', db, 'list', '--json']).stdout);
  expect(reflect(['--db', db, 'label', entry.id, 'breakthrough']).code).toBe(0);
  return { dir, db, id: entry.id as string };
}

describe('text from someone else never reaches the terminal raw', () => {
  const views: [string, (id: string) => string[]][] = [
    ['list', () => ['list']],
    ['show', (id) => ['show', id]],
    ['search', () => ['search', 'pwned']],
    ['breakthroughs', () => ['breakthroughs']],
  ];
  for (const colour of [false, true]) {
    it.each(views)(`%s shows the controls visibly${colour ? ', and keeps our colours with FORCE_COLOR=1' : ''}`, (_, args) => {
      const { db, id } = journalWithHostileEntry();
      const run = reflect(['--db', db, ...args(id)], { env: colour ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' } });
      expect(run.code, run.stderr).toBe(0);
      expect(rawControls(run.stdout)).toEqual([]);
      // Search highlights the matched word, so the colour codes are taken out to read the text.
      expect(withoutColour(run.stdout)).toContain('␛]0;pwned␇');
      expect(withoutColour(run.stdout)).toContain('\\u009b31m');
      if (colour) expect(run.stdout).toMatch(/\x1b\[\d+m/);
      else expect(run.stdout).not.toContain('\x1b');
    });
  }

  it('keeps exactly what was written: show --json and list --json parse back to the original text', () => {
    const { db, id } = journalWithHostileEntry();
    const before = dumpJournal(db);
    reflect(['--db', db, 'list']);
    reflect(['--db', db, 'show', id]);
    expect(dumpJournal(db)).toEqual(before);
    const shown = reflect(['--db', db, 'show', id, '--json']).stdout;
    expect(json(shown).text).toBe(HOSTILE);
    expect(json(reflect(['--db', db, 'list', '--json']).stdout)[0].text).toBe(HOSTILE);
  });

  it.each([
    ['show --json', (id: string) => ['show', id, '--json']],
    ['list --json', () => ['list', '--json']],
    ['search --json', () => ['search', 'pwned', '--json']],
    ['breakthroughs --json', () => ['breakthroughs', '--json']],
    ['classify --json', () => ['classify', '--json', HOSTILE]],
  ])('%s writes U+009B as \\u009b, still valid JSON', (_, args) => {
    const { db, id } = journalWithHostileEntry();
    const run = reflect(['--db', db, ...args(id)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[\u007f-\u009f]/);
    expect(run.stdout).toContain('\\u009b31m');
    expect(run.stdout).toContain('\\u001b]0;pwned\\u0007');
    expect(JSON.stringify(json(run.stdout))).toContain(HOSTILE.slice(-12));
  });

  it('export to a pipe or a file stays exact; to a terminal it is shown safely', () => {
    const { dir, db } = journalWithHostileEntry();
    expect(reflect(['--db', db, 'export']).stdout).toContain(HOSTILE);
    const onTerminal = spawnSync('script', ['-qec', `${process.execPath} ${BIN} --db ${db} export`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' },
      cwd: dir,
    });
    expect(onTerminal.status, onTerminal.stderr).toBe(0);
    const shown = onTerminal.stdout.replace(/\r\n/g, '\n');
    expect(shown).toContain('␛]0;pwned␇');
    expect(rawControls(shown)).toEqual([]);
  });
});

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

describe("a coach's prompt set is shown and asked safely", () => {
  // YAML double quotes spell ESC as \e, BEL as \a and the CSI as \x9b.
  const SET = [
    'id: sneaky',
    'title: "Sneaky \\e]0;pwned\\a set"',
    'description: "about \\e[2J things"',
    'intro: "Hello \\e[2J there"',
    'outro: "Bye \\x9b31m now"',
    'questions:',
    '  - id: first',
    '    ask: "What \\e]0;pwned\\a happened?"',
    '    hint: "one \\e[5m line"',
    '    deeper:',
    '      - "And \\x9b2J under?"',
    '  - id: pick',
    '    ask: Which?',
    '    type: choice',
    '    choices: ["a\\e[2J", {value: b, label: "B \\e]0;t\\a"}]',
    'actions:',
    '  breakthrough: ["Tell \\e]0;x\\a someone"]',
    '',
  ].join('\n');

  function setFolder() {
    const { dir, db } = tempJournal();
    const prompts = join(dir, 'prompts');
    mkdirSync(prompts);
    const file = join(prompts, 'sneaky.yaml');
    writeFileSync(file, SET);
    return { dir, db, prompts, file };
  }

  it.each([
    ['prompts show', (p: { file: string }) => ['prompts', 'show', p.file]],
    ['prompts list', (p: { prompts: string }) => ['--prompts', p.prompts, 'prompts', 'list']],
  ])('%s shows the controls visibly', (_, args) => {
    const paths = setFolder();
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '1' }]) {
      const run = reflect(args(paths), { env });
      expect(run.code, run.stderr).toBe(0);
      expect(rawControls(run.stdout)).toEqual([]);
      expect(run.stdout).toContain('Sneaky ␛]0;pwned␇ set');
    }
  });

  it('a session in a real terminal asks the question and its choices without obeying them', async () => {
    const { dir, db, file } = setFolder();
    terminal = new Terminal(`${process.execPath} ${BIN} session ${file}`, {
      REFLECT_DB: db, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), TERM: 'xterm-256color', TZ: 'UTC',
    });
    const before = terminal.title();
    await terminal.waitFor('[1/2] What ␛]0;pwned␇ happened?');
    expect(terminal.screen()).toContain('one ␛[5m line');
    terminal.type('It went', 'Enter');
    await terminal.waitFor('And \\u009b2J under?');
    terminal.type('Enter');
    const choices = await terminal.waitFor('B ␛]0;t␇');
    expect(choices).toContain('a␛[2J');
    expect(choices).toContain('Hello ␛[2J there');
    expect(terminal.title()).toBe(before);
  });

  it('session --answers walks it without raw controls, and keeps the question as asked', () => {
    const { dir, db, file } = setFolder();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'first:\n  answer: "It \\e[2J went"\n  deeper: ["deep \\x9b1m"]\npick: b\n');
    const run = reflect(['--db', db, 'session', file, '--answers', answers], { env: { FORCE_COLOR: '1' } });
    expect(run.code, run.stderr).toBe(0);
    expect(rawControls(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('What ␛]0;pwned␇ happened?');
    expect(run.stdout).toContain('It ␛[2J went');
    expect(run.stdout).toContain('And \\u009b2J under?');
    expect(run.stdout).toContain('Bye \\u009b31m now');
    const sessionId = json(reflect(['--db', db, 'list', '--json']).stdout)[0].sessionId;
    const shown = reflect(['--db', db, 'show', sessionId]);
    expect(rawControls(shown.stdout)).toEqual([]);
    expect(shown.stdout).toContain('Sneaky ␛]0;pwned␇ set');
    const saved = json(reflect(['--db', db, 'show', sessionId, '--json']).stdout);
    expect(saved.answers[0].question).toBe('What \x1b]0;pwned\x07 happened?');
    expect(saved.answers[0].text).toBe('It \x1b[2J went');
    expect(saved.setTitle).toBe('Sneaky \x1b]0;pwned\x07 set');
  });

  it('a committed step is listed by actions safely', () => {
    const { dir, db, file } = setFolder();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'first: It went\npick: b\n_commit: {action: "Call \\e]0;pwned\\a Sam", due: friday}\n');
    expect(reflect(['--db', db, 'session', file, '--answers', answers]).code).toBe(0);
    const run = reflect(['--db', db, 'actions'], { env: { FORCE_COLOR: '1' } });
    expect(run.code, run.stderr).toBe(0);
    expect(rawControls(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('Call ␛]0;pwned␇ Sam');
  });
});

describe('error messages that quote what was given', () => {
  it.each([
    ['a set id', (p: { dir: string }) => ['session', 'no\x1b]0;pwned\x07pe', '--answers', join(p.dir, 'a.yaml')]],
    ['an entry id', () => ['show', 'ab\x1b[2Jcd']],
    ['a date', () => ['list', '--from', 'soon\x1b]0;pwned\x07']],
    ['an unknown option', () => ['list', '--\x1b[2J']],
    ['an unknown key in a set', (p: { dir: string }) => ['session', join(p.dir, 'bad.yaml'), '--answers', join(p.dir, 'a.yaml')]],
  ])('%s: one line on stderr with the controls shown visibly', (_, args) => {
    const { dir, db } = tempJournal();
    writeFileSync(join(dir, 'a.yaml'), 'x: y\n');
    writeFileSync(join(dir, 'bad.yaml'), 'title: Bad\n"sneak\\e]0;pwned\\a": 1\nquestions:\n  - id: a\n    ask: A?\n');
    reflect(['--db', db, 'write', 'something']);
    const run = reflect(['--db', db, ...args({ dir })]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^reflect: /);
    expect(rawControls(run.stderr)).toEqual([]);
    expect(run.stderr).toContain('␛');
  });

  it('prompts validate quotes an unknown key visibly', () => {
    const { dir } = tempJournal();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'title: Bad\n"sneak\\e]0;pwned\\a": 1\nquestions:\n  - id: a\n    ask: A?\n');
    const run = reflect(['prompts', 'validate', bad]);
    expect(run.code).toBe(1);
    expect(rawControls(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout).toContain('sneak␛]0;pwned␇');
  });
});

describe('reflect delete without --yes', () => {
  it('refuses naming the id only, never the entry’s words', () => {
    const { db } = tempJournal();
    reflect(['--db', db, 'write', 'My private first line\nand more']);
    const [entry] = json(reflect(['--db', db, 'list', '--json']).stdout);
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'delete', entry.shortId]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`reflect: not deleting entry ${entry.shortId} without confirmation; add --yes\n`);
    expect(run.stdout).toBe('');
    expect(dumpJournal(db)).toEqual(before);
  });
});
