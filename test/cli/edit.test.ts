import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, dumpJournal, fakeEditor, reflect, tempJournal } from '../helpers/cli.js';
import { Terminal } from '../helpers/tmux.js';

const json = (text: string) => JSON.parse(text);
let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

function journalWith(text: string, date = '2026-11-25 21:03') {
  const { dir, db } = tempJournal();
  const run = reflect(['--db', db, 'write', '--date', date, text]);
  expect(run.code, run.stderr).toBe(0);
  const [entry] = json(reflect(['--db', db, 'list', '--json']).stdout);
  return { dir, db, entry };
}

/** Runs `reflect edit` in a real terminal (the only place an editor is started) and returns its screen and exit code. */
async function editOnTerminal(db: string, dir: string, args: string[], env: Record<string, string>) {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  terminal = new Terminal(`${process.execPath} ${BIN} --db '${db}' edit ${quoted}`, { HOME: dir, TERM: 'xterm-256color', TZ: 'UTC', ...env });
  const screen = await terminal.waitFor(/\[exited \d+\]/);
  return { screen, code: Number(/\[exited (\d+)\]/.exec(screen)![1]) };
}

/** An editor that records the arguments it was given and writes `text` into the file it was handed last. */
function recordingEditor(dir: string, name: string, text: string): { path: string; seen: () => string[] } {
  const path = join(dir, name);
  const record = `${path}.args`;
  writeFileSync(
    path,
    `#!${process.execPath}\nconst fs = require('node:fs');\nconst args = process.argv.slice(2);\nfs.writeFileSync(${JSON.stringify(record)}, JSON.stringify(args));\nfs.writeFileSync(args[args.length - 1], ${JSON.stringify(text)});\n`,
  );
  chmodSync(path, 0o755);
  return { path, seen: () => json(readFileSync(record, 'utf8')) };
}

describe('reflect edit on a terminal: the editor', () => {
  it("starts the config's editor over $VISUAL and $EDITOR", async () => {
    const { dir, db, entry } = journalWith('the old words');
    const configured = recordingEditor(dir, 'configured.js', 'from the configured editor');
    mkdirSync(join(dir, 'config', 'reflect'), { recursive: true });
    writeFileSync(join(dir, 'config', 'reflect', 'config.yaml'), `editor: ${configured.path} --flag\n`);
    const failing = fakeEditor(dir, null, 3);
    const env = { XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), VISUAL: failing, EDITOR: failing };
    const { code } = await editOnTerminal(db, dir, [entry.shortId], env);
    expect(code).toBe(0);
    expect(configured.seen().slice(0, 1)).toEqual(['--flag']);
    expect(dumpJournal(db).entries.map((e) => e.text)).toEqual(['from the configured editor']);
  });

  it('saves a real change, and the search index and tags follow', async () => {
    const { dir, db, entry } = journalWith('the old words #before');
    const { code } = await editOnTerminal(db, dir, [entry.shortId], { VISUAL: fakeEditor(dir, 'the new words #after') });
    expect(code).toBe(0);
    const [edited] = json(reflect(['--db', db, 'list', '--json']).stdout);
    expect(edited).toMatchObject({ text: 'the new words #after', tags: ['after'], date: entry.date });
    expect(edited.updatedAt).not.toBeNull();
    expect(json(reflect(['--db', db, 'search', 'old', '--json']).stdout)).toEqual([]);
    expect(json(reflect(['--db', db, 'search', 'new', '--json']).stdout)).toHaveLength(1);
  });

  it('saves nothing when the editor leaves the text as it was', async () => {
    const { dir, db, entry } = journalWith('unchanged');
    const before = dumpJournal(db);
    const { screen } = await editOnTerminal(db, dir, [entry.shortId], { EDITOR: fakeEditor(dir, null) });
    expect(screen).toContain('No change; nothing saved.');
    expect(dumpJournal(db)).toEqual(before);
  });

  it.each([
    ['emptied', '', 'reflect: the edited entry is empty; it was left as it was (use `reflect delete` to remove it)'],
    ['failed', null, 'reflect: the editor'],
  ])('keeps the entry as it was when the editor %s', async (_what, text, message) => {
    const { dir, db, entry } = journalWith('precious words');
    const before = dumpJournal(db);
    const editor = text === null ? fakeEditor(dir, null, 3) : fakeEditor(dir, text);
    const { screen, code } = await editOnTerminal(db, dir, [entry.shortId], { EDITOR: editor });
    expect(code).toBe(1);
    expect(screen).toContain(message);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('runs $VISUAL before $EDITOR, with its own arguments, from a folder with spaces', async () => {
    const { dir, db, entry } = journalWith('first draft');
    const spaced = join(dir, 'my editors');
    mkdirSync(spaced);
    const visual = recordingEditor(spaced, 'fake code', 'second draft');
    const editor = recordingEditor(dir, 'editor', 'not this one');
    // The quotes are the user's, as they would write them in a shell profile; "$HOME" is not expanded.
    const { code } = await editOnTerminal(db, dir, [entry.shortId], { VISUAL: `'${visual.path}' --wait "-x \\$HOME"`, EDITOR: editor.path });
    expect(code).toBe(0);
    const args = visual.seen();
    expect(args.slice(0, 2)).toEqual(['--wait', '-x $HOME']);
    expect(args).toHaveLength(3);
    expect(existsSync(`${editor.path}.args`)).toBe(false);
    expect(json(reflect(['--db', db, 'show', entry.id, '--json']).stdout).text).toBe('second draft');
  });

  it('says so in one line when the editor cannot be started', async () => {
    const { dir, db, entry } = journalWith('kept');
    const { screen, code } = await editOnTerminal(db, dir, [entry.shortId], { VISUAL: join(dir, 'no-such-editor') });
    expect(code).toBe(2);
    expect(screen).toContain(`reflect: can't start the editor "${join(dir, 'no-such-editor')}"; set $VISUAL or $EDITOR`);
  });
});

describe('reflect edit off a terminal: the new text from stdin', () => {
  it('never starts an editor, and with nothing on stdin says how to give the text, changing nothing', () => {
    const { dir, db, entry } = journalWith('precious words');
    const before = dumpJournal(db);
    const editor = recordingEditor(dir, 'editor', 'must not be written');
    const run = reflect(['--db', db, 'edit', entry.shortId], { input: '', env: { VISUAL: editor.path } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `reflect: no terminal for an editor and no new text on stdin; pipe it in (echo "…" | reflect edit ${entry.shortId}) or run on a terminal; the entry was left as it was\n`,
    );
    expect(existsSync(`${editor.path}.args`)).toBe(false);
    expect(dumpJournal(db)).toEqual(before);
  });

  it.each([
    ['new words', 'the new words #after', 'Saved', 'the new words #after'],
    ['the same words', 'precious words\n', 'No change; nothing saved.', 'precious words'],
  ])('reads %s from stdin', (_what, input, said, text) => {
    const { db, entry } = journalWith('precious words');
    const run = reflect(['--db', db, 'edit', entry.shortId], { input });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(said);
    expect(json(reflect(['--db', db, 'show', entry.id, '--json']).stdout).text).toBe(text);
  });
});

describe('reflect edit --date', () => {
  it('moves the entry, keeps its text, and says the old and new date in local time', () => {
    const { db, entry } = journalWith('about that evening #family', '2026-11-25 21:03');
    const env = { TZ: 'America/New_York' };
    const run = reflect(['--db', db, 'edit', entry.shortId, '--date', '2026-11-20 18:30'], { env });
    expect(run.code, run.stderr).toBe(0);
    // Written at 21:03 UTC: 16:03 in New York.
    expect(run.stdout).toBe(`Moved ${entry.shortId} from 2026-11-25 16:03 to 2026-11-20 18:30\n`);
    const moved = json(reflect(['--db', db, 'show', entry.id, '--json']).stdout);
    expect(moved).toMatchObject({ text: 'about that evening #family', tags: ['family'], date: '2026-11-20T23:30:00.000Z' });
    expect(json(reflect(['--db', db, 'list', '--on', 'nov 20', '--json'], { env }).stdout)).toHaveLength(1);
  });

  it('prints the moved entry with --json', () => {
    const { db, entry } = journalWith('words');
    const run = reflect(['--db', db, 'edit', entry.shortId, '--date', '2026-11-01', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run.stdout)).toMatchObject({ id: entry.id, text: 'words', date: '2026-11-01T12:00:00.000Z' });
  });

  it('says so when the entry already has that date', () => {
    const { db, entry } = journalWith('words', '2026-11-01');
    const run = reflect(['--db', db, 'edit', entry.shortId, '--date', '2026-11-01']);
    expect(run.stdout).toBe(`${entry.shortId} is already dated 2026-11-01 12:00; nothing saved.\n`);
  });

  it.each(['tomorrow-ish', '32 nov', '2026-02-30', ''])('refuses %j in one usage line and changes nothing', (phrase) => {
    const { db, entry } = journalWith('words');
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'edit', entry.shortId, '--date', phrase]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^reflect: can't read the date ".*" \(try .*yesterday.*\)\n$/);
    expect(dumpJournal(db)).toEqual(before);
  });
});

describe('dates as a person reads them: names from the locale, in local time', () => {
  it.each([
    ['en_US.UTF-8', 'Wednesday 25 November 2026, 16:03'],
    ['en_GB.UTF-8', 'Wednesday 25 November 2026, 16:03'],
    ['fr_FR.UTF-8', 'mercredi 25 novembre 2026, 16:03'],
  ])('show in %s', (lang, heading) => {
    const { db, entry } = journalWith('words', '2026-11-25 21:03');
    const run = reflect(['--db', db, 'show', entry.id], { env: { LC_ALL: lang, LANG: lang, TZ: 'America/New_York' } });
    expect(run.stdout.split('\n')[0]!.split('  ')).toEqual([heading, entry.id]);
  });
});
