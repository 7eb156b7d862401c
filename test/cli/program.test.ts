import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allNodes, commandTree } from '../../src/cli/command-tree.js';
import { buildProgram } from '../../src/cli/program.js';
import { BIN, reflect, tempJournal } from '../helpers/cli.js';

// Every command there is, read off the command tree: a command added later is checked too.
const COMMANDS = allNodes(commandTree(buildProgram())).map((n) => n.path.join(' '));

describe('help, as people ask for it', () => {
  it.each(COMMANDS.filter(Boolean))('reflect help %s is that command’s --help', (command) => {
    const help = reflect(['help', ...command.split(' ')]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(reflect([...command.split(' '), '--help']).stdout);
  });

  it.each(COMMANDS)('reflect %s --help has examples and fits 80 columns', (command) => {
    const run = reflect([...command.split(' ').filter(Boolean), '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:\n  $ reflect');
    for (const line of run.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('reflect help, alone, is reflect --help', () => {
    expect(reflect(['help']).stdout).toBe(reflect(['--help']).stdout);
  });

  it('reflect version is reflect --version', () => {
    const run = reflect(['version']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(reflect(['--version']).stdout);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('colour', () => {
  const ESC = '\x1b[';
  const write = (flags: string[], env: Record<string, string> = {}) => {
    const run = reflect(['--db', tempJournal().db, ...flags, 'write', 'A note. #work'], { env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/Saved/);
    return run.stdout;
  };

  it.each([
    ['--no-color, though FORCE_COLOR asks for it', ['--no-color'], { FORCE_COLOR: '1' }, false],
    ['NO_COLOR', [], { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['a pipe, by default', [], {}, false],
    ['--color, into a pipe', ['--color'], {}, true],
    ['--color, over NO_COLOR (a flag beats the environment)', ['--color'], { NO_COLOR: '1' }, true],
  ])('%s', (_name, flags, env, coloured) => {
    expect(write(flags, env).includes(ESC)).toBe(coloured);
  });

  it('--no-color works after the command too', () => {
    const run = reflect(['--db', tempJournal().db, 'write', '--no-color', 'A note.'], { env: { FORCE_COLOR: '1' } });
    expect(run.stdout).toMatch(/^Saved [0-9a-f]{8}\n/);
  });
});

describe('a command line commander cannot read: one line, exit 2', () => {
  it.each([
    ['an unknown option, with the closest', ['list', '--labl', 'skill'], "reflect: unknown option '--labl' (did you mean --label?); see `reflect list --help`"],
    ['an unknown option', ['list', '--x'], "reflect: unknown option '--x'; see `reflect list --help`"],
    ['an unknown option on reflect itself', ['--x'], "reflect: unknown option '--x'; see `reflect --help`"],
    ['a missing argument', ['show'], "reflect: missing required argument 'id'; see `reflect show --help`"],
    ['a flag without its value', ['list', '--label'], "reflect: option '--label <label>' argument missing; see `reflect list --help`"],
    ['too many arguments', ['show', 'a', 'b'], "reflect: too many arguments for 'show': expected 1 argument but got 2; see `reflect show --help`"],
    ['a bad value', ['list', '--label', 'epiphany'], "reflect: option '--label <label>' argument 'epiphany' is invalid. expected one of breakthrough, skill, challenge, external, neutral"],
    ['a bad argument', ['completion', 'tcsh'], "reflect: 'tcsh' is invalid for <shell>: expected one of bash, zsh, fish"],
    ['an unknown subcommand', ['prompts', 'lsit'], 'reflect: unknown command \'lsit\' (did you mean "list"?); see `reflect prompts --help`'],
    ['help for an unknown command', ['help', 'lsit'], 'reflect: unknown command \'lsit\' (did you mean "list"?); see `reflect --help`'],
    ['help for an unknown subcommand', ['help', 'prompts', 'shwo'], 'reflect: unknown command \'shwo\' (did you mean "show"?); see `reflect prompts --help`'],
  ])('%s', (_name, args, line) => {
    const run = reflect(['--db', tempJournal().db, ...args]);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('a command that groups others, run bare, shows its help and says what it needs on the last line', () => {
    const run = reflect(['prompts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: reflect prompts');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('reflect: `reflect prompts` needs a command: list, show, answers, validate, new, install, uninstall (its help is above)');
  });
});

describe('start-up stays light', () => {
  // Says each of the SQLite driver's and the YAML library's files as Node compiles them: each must
  // wait for a command that needs it.
  const preload = join(mkdtempSync(join(tmpdir(), 'reflect-preload-')), 'driver-watch.cjs');
  writeFileSync(
    preload,
    "const M = require('node:module'); const compile = M.prototype._compile; M.prototype._compile = function (code, file) { if (file.includes('better-sqlite3')) process.stderr.write('DRIVER ' + file + '\\n'); if (/node_modules[\\\\/]yaml[\\\\/]/.test(file)) process.stderr.write('YAML ' + file + '\\n'); return compile.call(this, code, file); };\n",
  );
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['-r', preload, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

  it.each(['--version', '--help', 'encrypt --help', 'decrypt --help', 'passphrase --help', 'stats --help'])('reflect %s loads no SQLite driver', (command) => {
    const result = run(command.split(' '));
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('DRIVER');
  });

  it('while a command that reads the journal does (so the check above can fail)', () => {
    const { db } = tempJournal();
    expect(run(['--db', db, 'write', '--no-review', 'hello']).stderr).toContain('DRIVER');
  });

  it('a config file is parsed once: after that, commands read it without the YAML library', () => {
    const { dir, db } = tempJournal();
    mkdirSync(join(dir, 'config', 'reflect'), { recursive: true });
    writeFileSync(join(dir, 'config', 'reflect', 'config.yaml'), `journals:\n  me: ${db}\ndefault: me\n`);
    const env = { XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') };
    const first = run(['write', '--no-review', 'hello'], { ...env, REFLECT_DB: '' });
    expect(first.stderr).toContain('YAML');
    const again = run(['list'], { ...env, REFLECT_DB: '' });
    expect(again.stdout).toContain('hello');
    expect(again.stderr).not.toContain('YAML');
  });
});
