import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reflect, tempJournal } from '../helpers/cli.js';
import { packFolder, packTree, packZip, tarGz } from '../helpers/packs.js';

/** A user with their own XDG folders, so packs never land in the real home. */
function user() {
  const { dir, db } = tempJournal();
  const env = { XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config'), REFLECT_PROMPTS: undefined };
  const run = (...args: string[]) => reflect(['--db', db, ...args], { env });
  return { dir, db, env, run, packs: join(dir, 'data', 'reflect', 'packs') };
}
const archive = (dir: string, name: string, bytes: Buffer) => {
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
};

describe('an installed pack whose pack.yaml was broken by hand', () => {
  it('offers none of its sets, is named as invalid in list --packs, and uninstall removes it', () => {
    const { dir, run, packs } = user();
    expect(run('prompts', 'install', packFolder(packTree(), join(dir, 'values-pack'))).code).toBe(0);
    writeFileSync(join(packs, 'values-pack', 'pack.yaml'), 'id: values-pack\ntitle: [\n');
    expect(run('prompts', 'list').stdout).not.toContain('values-compass');
    const listed = run('prompts', 'list', '--packs', '--no-color').stdout;
    expect(listed).toBe(
      `values-pack  invalid: its pack.yaml no longer reads, so its sets are not offered; install the pack again, or \`reflect prompts uninstall values-pack\` (${join(packs, 'values-pack')})\n`,
    );
    expect(JSON.parse(run('prompts', 'list', '--packs', '--json').stdout)).toEqual([
      { id: 'values-pack', version: null, title: null, author: null, sets: [], path: join(packs, 'values-pack'), valid: false },
    ]);
    expect(run('prompts', 'uninstall', 'values-pack').stdout).toBe(
      'Uninstalled values-pack (its pack.yaml no longer read). Sessions already in your journal keep their copy of its sets.\n',
    );
    expect(run('prompts', 'list', '--packs').stdout).toMatch(/^No packs are installed/);
  });
});

describe('reflect prompts install', () => {
  it('installs a folder, says what it holds and how to run it; list shows each set’s pack', () => {
    const { dir, run } = user();
    const install = run('prompts', 'install', packFolder(packTree(), join(dir, 'values-pack')));
    expect(install).toMatchObject({ code: 0, stderr: '' });
    expect(install.stdout).toBe(
      'Installed values-pack 1.2.0: Values work (2 sets)\n' +
        '  values-compass  Values compass 1.2.0\n' +
        '  values-week     A week by your values\n' +
        'Run one with: reflect session values-compass\n',
    );
    const list = run('prompts', 'list').stdout;
    expect(list).toMatch(/^values-compass +Values compass 1\.2\.0  1 question · pack values-pack 1\.2\.0$/m);
    expect(list).toMatch(/^daily +Daily check-in  5 questions · built-in$/m);
    const items = JSON.parse(run('prompts', 'list', '--json').stdout);
    expect(items.find((i: { id: string }) => i.id === 'values-compass')).toMatchObject({ origin: 'pack', pack: { id: 'values-pack', version: '1.2.0' }, version: '3', valid: true });
    expect(items.find((i: { id: string }) => i.id === 'values-week')).toMatchObject({ pack: { id: 'values-pack', version: '1.2.0' }, version: null });
    expect(items.find((i: { id: string }) => i.id === 'daily')).toMatchObject({ origin: 'built-in', pack: null, version: '1' });
    expect(run('prompts', 'list', '--packs').stdout).toBe('values-pack 1.2.0  Values work  2 sets · by Sam Coach\n');
    expect(JSON.parse(run('prompts', 'list', '--packs', '--json').stdout)).toEqual([
      { id: 'values-pack', version: '1.2.0', title: 'Values work', author: 'Sam Coach', sets: ['sets/values-compass.yaml', 'sets/values-week.yaml'], path: join(dir, 'data/reflect/packs/values-pack'), valid: true },
    ]);
  });

  it('updates from a .zip, is a no-op for the same version, refuses an older one without --force', async () => {
    const { dir, run } = user();
    expect(run('prompts', 'install', archive(dir, 'a.zip', packZip(packTree('1.0.0'), 'values-pack-1.0.0'))).code).toBe(0);
    const update = run('prompts', 'install', archive(dir, 'b.tar.gz', await tarGz(packTree('1.2.0'))));
    expect(update.stdout.split('\n')[0]).toBe('Updated values-pack 1.0.0 → 1.2.0: Values work (2 sets)');
    expect(run('prompts', 'install', join(dir, 'b.tar.gz'))).toMatchObject({
      code: 0,
      stdout: 'values-pack 1.2.0 is already installed; nothing changed (--force reinstalls it)\n',
    });
    const older = run('prompts', 'install', join(dir, 'a.zip'));
    expect(older).toMatchObject({ code: 1, stdout: '', stderr: 'reflect: values-pack 1.0.0 is older than the installed 1.2.0; nothing was installed (--force installs it anyway)\n' });
    const forced = run('prompts', 'install', join(dir, 'a.zip'), '--force', '--json');
    expect(JSON.parse(forced.stdout)).toMatchObject({ id: 'values-pack', version: '1.0.0', previous: '1.2.0', outcome: 'downgraded' });
  });

  it.each([
    ['a path that is not there', (dir: string) => join(dir, 'nope.zip'), /^reflect: no pack folder or archive at .*nope\.zip\n$/, 1],
    ['a pack with a bad set', (dir: string) => packFolder(packTree('1.0.0', { 'sets/values-week.yaml': 'title: W\n' }), join(dir, 'p')), /^reflect: .*\/p has 1 problem; nothing was installed:\n.*\/p\/sets\/values-week\.yaml:1:1: the prompt set has no "questions"\n$/, 1],
    ['an archive with ../', (dir: string) => archive(dir, 'x.zip', packZip({ ...packTree(), '../evil.yaml': 'x' })), /^reflect: .*x\.zip: "\.\.\/evil\.yaml" is an unsafe path \(it could point outside the archive\); nothing was installed\n$/, 1],
  ])('refuses %s in one line (and the problems), changing nothing', (_name, make, stderr, code) => {
    const { dir, run, packs } = user();
    expect(run('prompts', 'install', packFolder(packTree('0.9.0'), join(dir, 'old'))).code).toBe(0);
    const before = readFileSync(join(packs, 'values-pack', 'pack.yaml'), 'utf8');
    const result = run('prompts', 'install', make(dir));
    expect(result.stderr).toMatch(stderr);
    expect(result.code).toBe(code);
    expect(readFileSync(join(packs, 'values-pack', 'pack.yaml'), 'utf8')).toBe(before);
  });

  it('needs a path (a usage error)', () => {
    expect(user().run('prompts', 'install')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^reflect: .*missing required argument 'path'/) });
  });
});

describe('a set from a pack', () => {
  it('runs in a session that records its id, version and hash, and outlives the pack', () => {
    const { dir, run, packs } = user();
    run('prompts', 'install', packFolder(packTree(), join(dir, 'values-pack')));
    writeFileSync(join(dir, 'answers.yaml'), 'matters: Honesty\n');
    const session = run('session', 'values-compass', '--answers', join(dir, 'answers.yaml'));
    expect(session.code, session.stderr).toBe(0);
    const id = /session ([0-9a-f]{8})/.exec(session.stdout)![1]!;
    const source = readFileSync(join(packs, 'values-pack', 'sets', 'values-compass.yaml'), 'utf8');
    const expected = { setId: 'values-compass', setVersion: '3', setHash: createHash('sha256').update(source).digest('hex') };
    expect(JSON.parse(run('show', id, '--json').stdout)).toMatchObject(expected);

    expect(run('prompts', 'uninstall', 'values-pack')).toMatchObject({
      code: 0,
      stdout: 'Uninstalled values-pack 1.2.0 (2 sets). Sessions already in your journal keep their copy of its sets.\n',
    });
    expect(run('prompts', 'list').stdout).not.toContain('values-compass');
    expect(run('prompts', 'list', '--packs').stdout).toBe('No packs are installed; install one with `reflect prompts install <dir|zip|tar.gz>`.\n');
    const shown = JSON.parse(run('show', id, '--json').stdout);
    expect(shown).toMatchObject(expected);
    expect(shown.answers.map((a: { text: string }) => a.text)).toEqual(['Honesty']);
  });

  it('overrides a built-in set of its id, as a user’s set does', () => {
    const { dir, run } = user();
    const tree = packTree('1.2.0', { 'sets/values-week.yaml': 'id: daily\ntitle: Coach’s daily\nquestions: [{id: a, ask: A?}]\n' });
    run('prompts', 'install', packFolder(tree, join(dir, 'p')));
    expect(run('prompts', 'list').stdout).toMatch(/^daily +Coach’s daily  1 question · pack values-pack 1\.2\.0 \(overrides the built-in set\)$/m);
  });

  it('is overridden by the user’s own set of its id (theirs come later)', () => {
    const { dir, run } = user();
    run('prompts', 'install', packFolder(packTree(), join(dir, 'p')));
    packFolder({ 'values-week.yaml': 'title: My week\nquestions: [{id: a, ask: A?}]\n' }, join(dir, 'config', 'reflect', 'prompts'));
    expect(run('prompts', 'list').stdout).toMatch(/^values-week +My week  1 question · user \(overrides the pack set\)$/m);
  });
});

describe('reflect prompts uninstall', () => {
  it('names the installed packs for an unknown one', () => {
    const { dir, run } = user();
    run('prompts', 'install', packFolder(packTree(), join(dir, 'p')));
    expect(run('prompts', 'uninstall', 'value-pack')).toMatchObject({
      code: 1,
      stderr: 'reflect: no installed pack "value-pack" (did you mean "values-pack"?); installed: values-pack\n',
    });
    expect(run('prompts', 'list').stdout).toContain('values-compass');
  });
});

describe('reflect prompts validate <pack>', () => {
  it('checks a folder and a .zip as install would, installing nothing', () => {
    const { dir, run, packs } = user();
    const folder = packFolder(packTree(), join(dir, 'values-pack'));
    const zipped = archive(dir, 'values-pack-1.2.0.zip', packZip(packTree(), 'values-pack-1.2.0'));
    expect(run('prompts', 'validate', folder, zipped)).toMatchObject({
      code: 0,
      stdout: `${folder}: ok (pack values-pack 1.2.0: 2 sets)\n${zipped}: ok (pack values-pack 1.2.0: 2 sets)\n`,
    });
    const bad = archive(dir, 'bad.zip', packZip(packTree('1.2', { 'sets/values-week.yaml': 'title: W\nquestions: [{id: a}]\n' })));
    const run2 = run('prompts', 'validate', bad);
    expect(run2).toMatchObject({ code: 1, stderr: 'reflect: 1 problem in 1 of 1 file\n' });
    expect(run2.stdout).toBe('pack.yaml:3:10: version must be three numbers such as 1.2.0 (semver), not 1.2\n');
    expect(run('prompts', 'list').stdout).not.toContain('values-compass');
    expect(() => readFileSync(join(packs, 'values-pack', 'pack.yaml'))).toThrow();
  });

  it('still validates a single set file as before', () => {
    const { dir, run } = user();
    writeFileSync(join(dir, 'one.yaml'), 'title: One\nquestions: [{id: a, ask: A?}]\n');
    expect(run('prompts', 'validate', join(dir, 'one.yaml'))).toMatchObject({ code: 0, stdout: `${join(dir, 'one.yaml')}: ok\n` });
  });
});
