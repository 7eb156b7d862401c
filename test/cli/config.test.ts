import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';

/** A home of its own: config, cache and data folders, and no REFLECT_DB, so the config decides. */
function home(config?: string) {
  const { dir } = tempJournal();
  const env = {
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_DATA_HOME: join(dir, 'data'),
    REFLECT_DB: undefined,
  };
  const file = join(dir, 'config', 'reflect', 'config.yaml');
  const write = (text: string) => {
    mkdirSync(join(dir, 'config', 'reflect'), { recursive: true });
    writeFileSync(file, text);
  };
  if (config !== undefined) write(config);
  const run = (args: string[], more: Record<string, string | undefined> = {}, input?: string) => reflect(args, { env: { ...env, ...more }, input });
  const inForce = (args: string[] = [], more: Record<string, string | undefined> = {}) => {
    const result = run([...args, 'config', '--json'], more);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { journal: { path: string; from: string; name: string | null } };
  };
  return { dir, env, file, write, run, inForce };
}

const TWO = 'journals:\n  ana: clients/ana.db\n  ben: ~/ben.db\ndefault: ana\n';

describe('which journal a command uses', () => {
  const h = home(TWO);
  const ana = join(h.dir, 'config/reflect/clients/ana.db');
  const ben = join(h.dir, 'home/ben.db');
  it.each([
    ['nothing named: the config default', [], {}, ana, 'config-default', 'ana'],
    ['-j ben', ['-j', 'ben'], {}, ben, 'journal-flag', 'ben'],
    ['--journal ana', ['--journal', 'ana'], {}, ana, 'journal-flag', 'ana'],
    ['--db over the default', ['--db', '/tmp/x/j.db'], {}, '/tmp/x/j.db', 'db-flag', null],
    ['REFLECT_DB over the default', [], { REFLECT_DB: '/tmp/y/j.db' }, '/tmp/y/j.db', 'REFLECT_DB', null],
  ])('%s', (_, args, env, path, from, name) => {
    expect(h.inForce(args, env).journal).toEqual({ path, from, name });
  });

  it('a journal named in the config is where entries go, and only there', () => {
    expect(h.run(['-j', 'ben', 'write', 'For Ben.']).code).toBe(0);
    expect(h.run(['write', 'For Ana, by default.']).code).toBe(0);
    expect(dumpJournal(ben).entries.map((e) => e.text)).toEqual(['For Ben.']);
    expect(dumpJournal(ana).entries.map((e) => e.text)).toEqual(['For Ana, by default.']);
    expect(h.run(['-j', 'ben', 'list']).stdout).toContain('For Ben.');
    // A named journal's new folder is private, and so is the journal.
    expect(statSync(join(h.dir, 'config/reflect/clients')).mode & 0o777).toBe(0o700);
    expect(statSync(ana).mode & 0o777).toBe(0o600);
  });

  it('REFLECT_DB wins over --journal, and says so', () => {
    const result = h.run(['-j', 'ben', 'config', '--json'], { REFLECT_DB: '/tmp/z/j.db' });
    expect(JSON.parse(result.stdout).journal.path).toBe('/tmp/z/j.db');
    expect(result.stderr).toBe('reflect: warning: REFLECT_DB is set, so it is used, not --journal ben; unset REFLECT_DB to use the named journal\n');
  });

  it('with no config, the default place, as before', () => {
    expect(home().inForce().journal.from).toBe('default-location');
  });
});

describe('naming a journal wrongly', () => {
  it.each([
    ['a misspelt name', TWO, ['-j', 'anna', 'list'], 1, /^reflect: no journal "anna" in .*config\.yaml:1:1 \(did you mean "ana"\?\); the journals there are ana, ben\n$/],
    ['no config file', undefined, ['-j', 'ana', 'list'], 1, /^reflect: no journal "ana": there is no config file at .*config\.yaml to name journals in; see `reflect config --help`\n$/],
    ['--db and --journal at once', TWO, ['--db', 'x.db', '-j', 'ana', 'list'], 2, /^reflect: --db and --journal both name a journal; use one\n$/],
    ['an empty name', TWO, ['--journal', '', 'list'], 2, /^reflect: --journal needs the name of a journal from the config\n$/],
  ])('%s: one line, and no journal made', (_, config, args, code, message) => {
    const h = home(config);
    const result = h.run([...args.slice(0, -1), 'write', 'kept?']);
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code });
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(h.dir, 'config/reflect/clients'))).toBe(false);
    expect(existsSync(join(h.dir, 'data/reflect/journal.db'))).toBe(false);
  });
});

describe('a config file that is wrong', () => {
  it('stops every command with one line at its line and column, and the journal is left as it was', () => {
    const h = home('journals:\n  me: me.db\ndefault: me\n');
    expect(h.run(['write', 'Saved before the typo.']).code).toBe(0);
    const journal = join(h.dir, 'config/reflect/me.db');
    expect(h.run(['-j', 'me', 'list']).stdout).toContain('Saved before the typo.');
    h.write('journals:\n  me: me.db\ndefualt: me\n');
    for (const args of [['write', 'lost?'], ['list'], ['config']]) {
      const result = h.run(args);
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toBe(`reflect: ${h.file}:3:1: unknown key "defualt" in the config (did you mean "default"?)\n`);
    }
    expect(dumpJournal(journal).entries.map((e) => e.text)).toEqual(['Saved before the typo.']);
  });

  it('with several problems, says the first and counts the rest', () => {
    const result = home('set: X\neditor: 3\n').run(['list']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(/config\.yaml:1:6: set must be a set id .*\(and 1 more problem\)$/);
    expect(result.stderr).toContain('config.yaml:2:9: editor must be text');
  });

  it.runIf(process.getuid?.() === 0)('a config this user cannot read stops the command: it is not taken for none', () => {
    const h = home('journals:\n  me: me.db\ndefault: me\n');
    chmodSync(h.dir, 0o755);
    chmodSync(join(h.dir, 'config'), 0o755);
    chmodSync(join(h.dir, 'config', 'reflect'), 0o755);
    chmodSync(h.file, 0o600);
    const result = reflect(['list'], { env: { ...h.env, HOME: '/nonexistent' }, uid: 65534, gid: 65534 });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(`reflect: can't read the config ${h.file}: permission denied; fix its permissions, or set XDG_CONFIG_HOME to another folder\n`);
  });

  it('a folder where the file should be is one line too', () => {
    const h = home();
    mkdirSync(h.file, { recursive: true });
    expect(h.run(['list'])).toMatchObject({ code: 1, stderr: `reflect: ${h.file} is a folder; the config is a file\n` });
  });
});

describe('the parsed config is kept, and never stale', () => {
  it('a change of one character is seen at once, however soon after', () => {
    const h = home('journals:\n  aa: a.db\n  bb: b.db\ndefault: aa\n');
    expect(h.inForce().journal.name).toBe('aa');
    const cache = join(h.dir, 'cache/reflect/config.json');
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    h.write('journals:\n  aa: a.db\n  bb: b.db\ndefault: bb\n');
    expect(h.inForce().journal.name).toBe('bb');
    h.write('journals:\n  aa: a.db\n  bb: b.db\ndefault: cc\n');
    expect(h.run(['list']).stderr).toMatch(/config\.yaml:4:10: default must be one of the journals/);
  });

  it('a cache that is broken or unwritable costs nothing but the parse', () => {
    const h = home(TWO);
    mkdirSync(join(h.dir, 'cache/reflect'), { recursive: true });
    writeFileSync(join(h.dir, 'cache/reflect/config.json'), '{"path": 1, "sou');
    expect(h.inForce().journal.name).toBe('ana');
    expect(readFileSync(join(h.dir, 'cache/reflect/config.json'), 'utf8')).toContain('"source"');
    writeFileSync(join(h.dir, 'not-a-folder'), '');
    expect(h.inForce([], { XDG_CACHE_HOME: join(h.dir, 'not-a-folder') }).journal.name).toBe('ana');
  });
});

describe('reflect config', () => {
  it('says where the file is and every setting in force', () => {
    const h = home(`${TWO}set: daily\nwrite:\n  review: false\neditor: nano -w\n`);
    expect(h.run(['-j', 'ben', 'write', 'Ben has a journal now.']).code).toBe(0);
    const { stdout, code } = h.run(['-j', 'ben', 'config'], { VISUAL: 'vim' });
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `Config   ${h.file}`,
        `Journal  ${join(h.dir, 'home/ben.db')}  ben, from --journal`,
        'Journals',
        `  ana  ${join(h.dir, 'config/reflect/clients/ana.db')}  (default, no file yet)`,
        `  ben  ${join(h.dir, 'home/ben.db')}`,
        'Set      daily  a bare `reflect` starts it',
        'Review   off  `reflect write` keeps proposals without asking',
        'Editor   nano -w  from the config',
        '',
      ].join('\n'),
    );
  });

  it('says when the set it names is not there', () => {
    expect(home('set: dialy\n').run(['config']).stdout).toContain('Set      dialy  no such set: see `reflect prompts list`\n');
  });

  it('with no file, says so and shows the defaults', () => {
    const h = home();
    const { stdout } = h.run(['config'], { EDITOR: 'nano' });
    expect(stdout).toContain(`Config   ${h.file}  no file yet: every setting is at its default`);
    expect(stdout).toContain(`Journal  ${join(h.dir, 'data/reflect/journal.db')}  the default place`);
    expect(stdout).toContain('Editor   nano  from $EDITOR');
    const json = JSON.parse(h.run(['config', '--json']).stdout);
    expect(json).toMatchObject({ exists: false, journals: [], default: null, set: null, writeReview: true });
  });
});

describe('the other settings', () => {
  it('set: a session from an answers file needs no set named', () => {
    const h = home('set: daily\n');
    const answers = join(h.dir, 'a.yaml');
    writeFileSync(answers, 'energy: 7\nmoment: The walk.\nintention: Rest.\n');
    const result = h.run(['session', '--answers', answers, '--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).set).toBe('daily');
  });

  it('set: a set that is not there is pointed at in the config', () => {
    const h = home('# mine\nset: dialy\n');
    writeFileSync(join(h.dir, 'a.yaml'), 'energy: 7\n');
    const result = h.run(['session', '--answers', join(h.dir, 'a.yaml')]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(`reflect: ${h.file}:2:6: set: no prompt set "dialy" (did you mean "daily"?); see \`reflect prompts list\`\n`);
  });
});
