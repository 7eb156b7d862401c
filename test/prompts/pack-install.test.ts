import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync as gz } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReflectError } from '../../src/core/errors.js';
import { loadLibrary } from '../../src/prompts/library.js';
import { cleanStale, installPack, uninstallPack } from '../../src/prompts/pack-install.js';
import { packSources } from '../../src/prompts/packs.js';
import { asSymlink, packFolder, packTree, packZip, tarGz, tarGzClaiming, tempDir } from '../helpers/packs.js';

const file = (bytes: Buffer, name: string) => {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
};
const packsIn = () => join(tempDir(), 'reflect', 'packs');
const sets = (dir: string) => loadLibrary(packSources(dir)).map((f) => ({ id: f.id, title: f.set?.title, pack: f.pack }));
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof ReflectError)) throw new Error(`expected a ReflectError, got ${String(error)}`);
  return { kind: error.kind, message: error.message, details: error.details };
};
const INSTALLED = [
  { id: 'values-compass', title: 'Values compass 1.2.0', pack: { id: 'values-pack', version: '1.2.0' } },
  { id: 'values-week', title: 'A week by your values', pack: { id: 'values-pack', version: '1.2.0' } },
];

describe('installing a pack', () => {
  it.each([
    ['a folder', async () => packFolder(packTree())],
    ['a .zip with pack.yaml at its root', async () => file(packZip(packTree()), 'values-pack.zip')],
    ['a .zip with one top folder', async () => file(packZip(packTree(), 'values-pack-1.2.0'), 'values-pack-1.2.0.zip')],
    ['a .tar.gz with pack.yaml at its root', async () => file(await tarGz(packTree()), 'values-pack.tar.gz')],
    ['a .tgz with one top folder', async () => file(await tarGz([{ name: 'v/', type: 'directory' }, ...Object.entries(packTree()).map(([n, c]) => ({ name: `v/${n}`, content: c }))]), 'v.tgz')],
  ])('from %s: its sets join the library, with their pack', async (_name, make) => {
    const dir = packsIn();
    const result = await installPack(await make(), dir, false);
    expect(result).toMatchObject({ outcome: 'installed', previous: null, manifest: { id: 'values-pack', version: '1.2.0' } });
    expect(sets(dir)).toEqual(INSTALLED);
    // A copy of the pack: its manifest and the sets it lists, nothing else.
    expect(readdirSync(dir)).toEqual(['values-pack']);
    expect(readdirSync(join(dir, 'values-pack')).sort()).toEqual(['pack.yaml', 'sets']);
  });

  it('copies only the files the manifest lists (a README or a stray set stays behind)', async () => {
    const dir = packsIn();
    await installPack(packFolder(packTree('1.2.0', { 'README.yaml': 'not: a set\n', 'sets/draft.yaml': 'title: Draft\n' })), dir, false);
    expect(readdirSync(join(dir, 'values-pack', 'sets')).sort()).toEqual(['values-compass.yaml', 'values-week.yaml']);
  });
});

describe('versions', () => {
  it('a newer version replaces the older one', async () => {
    const dir = packsIn();
    await installPack(packFolder(packTree('1.0.0')), dir, false);
    const result = await installPack(packFolder(packTree('1.2.0')), dir, false);
    expect(result).toMatchObject({ outcome: 'updated', previous: '1.0.0' });
    expect(sets(dir)).toEqual(INSTALLED);
    expect(readdirSync(dir)).toEqual(['values-pack']);
  });

  it('the same version is left as it is, unless --force', async () => {
    const dir = packsIn();
    await installPack(packFolder(packTree('1.2.0')), dir, false);
    const changed = packTree('1.2.0', { 'sets/values-week.yaml': 'title: Changed\nquestions: [{id: a, ask: A?}]\n' });
    expect((await installPack(packFolder(changed), dir, false)).outcome).toBe('unchanged');
    expect(sets(dir)[1]!.title).toBe('A week by your values');
    expect((await installPack(packFolder(changed), dir, true)).outcome).toBe('reinstalled');
    expect(sets(dir)[1]!.title).toBe('Changed');
  });

  it('an older version is refused, naming both, and installed with --force', async () => {
    const dir = packsIn();
    await installPack(packFolder(packTree('1.2.0')), dir, false);
    expect(await failure(installPack(packFolder(packTree('1.2.0-beta.1')), dir, false))).toMatchObject({ kind: 'refused' });
    expect(await failure(installPack(packFolder(packTree('1.1.9')), dir, false))).toEqual({
      kind: 'refused',
      message: 'values-pack 1.1.9 is older than the installed 1.2.0; nothing was installed (--force installs it anyway)',
      details: [],
    });
    expect(sets(dir)).toEqual(INSTALLED);
    expect((await installPack(packFolder(packTree('1.1.9')), dir, true)).outcome).toBe('downgraded');
    expect(sets(dir)[0]!.pack).toEqual({ id: 'values-pack', version: '1.1.9' });
  });
});

describe('all or nothing', () => {
  it('one bad set installs nothing: the version before stays in place and working', async () => {
    const dir = packsIn();
    await installPack(packFolder(packTree('1.2.0')), dir, false);
    const broken = packFolder(packTree('2.0.0', { 'sets/values-week.yaml': 'title: Week\nquestions:\n  - id: a\n    ask: A?\n    type: scael\n' }));
    expect(await failure(installPack(broken, dir, false))).toEqual({
      kind: 'invalid',
      message: `${broken} has 1 problem; nothing was installed:`,
      details: [`${join(broken, 'sets/values-week.yaml')}:5:11: type of question "a" must be one of text, long, choice, multi, scale, confirm, not "scael" (did you mean "scale"?)`],
    });
    expect(sets(dir)).toEqual(INSTALLED);
    expect(readdirSync(dir)).toEqual(['values-pack']);
  });

  it.each([
    ['a set listed but missing', { 'pack.yaml': packTree()['pack.yaml']!.toString() + '  - sets/gone.yaml\n' }, 'pack.yaml:8:5: sets/gone.yaml is listed in sets but is not in the pack'],
    ['two sets with one id', { 'sets/values-week.yaml': 'id: values-compass\ntitle: W\nquestions: [{id: a, ask: A?}]\n' }, 'pack.yaml:7:5: sets/values-week.yaml has the set id "values-compass", as sets/values-compass.yaml does; each set in a pack needs its own id'],
    ['a manifest id that is not an id', { 'pack.yaml': packTree()['pack.yaml']!.toString().replace('id: values-pack', 'id: ../up') }, 'pack.yaml:1:5: id must be lower-case letters, digits and -, not "../up"'],
    ['a set that is not text', { 'sets/values-week.yaml': Buffer.from([0x74, 0, 0x74]) }, expect.stringMatching(/sets\/values-week.yaml:1:1: .* is not a text file/)],
  ])('refuses %s, at its line and column in the pack', async (_name, more, problem) => {
    const dir = packsIn();
    const archive = file(packZip(packTree('1.2.0', more)), 'p.zip');
    expect(await failure(installPack(archive, dir, false))).toMatchObject({ kind: 'invalid', details: [problem] });
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('refuses a folder with no pack.yaml without reading through it', async () => {
    const folder = packFolder({ 'sets/a.yaml': 'title: A\n' });
    expect(await failure(installPack(folder, packsIn(), false))).toEqual({
      kind: 'invalid',
      message: `${folder} has no pack.yaml; a pack folder starts with one; nothing was installed`,
      details: [],
    });
  });

  it('refuses a set id another installed pack provides, naming that pack', async () => {
    const dir = packsIn();
    await installPack(packFolder(packTree()), dir, false);
    const other = packTree('1.0.0');
    other['pack.yaml'] = other['pack.yaml']!.toString().replace('id: values-pack', 'id: other-pack');
    expect(await failure(installPack(packFolder(other), dir, false))).toMatchObject({
      details: [expect.stringMatching(/pack.yaml:6:5: sets\/values-compass.yaml: the set "values-compass" is already provided by the installed pack values-pack; uninstall it or rename the set$/), expect.anything()],
    });
    expect(readdirSync(dir)).toEqual(['values-pack']);
  });

  it('a crash leaves only dot-folders, which the library ignores and the next install clears or puts back', async () => {
    const dir = packsIn();
    await installPack(packFolder(packTree('1.0.0')), dir, false);
    // A crash mid-write, and one between renaming the old pack aside and the new one in:
    mkdirSync(join(dir, '.tmp-values-pack-Ab12Cd', 'sets'), { recursive: true });
    writeFileSync(join(dir, '.tmp-values-pack-Ab12Cd', 'pack.yaml'), 'half');
    const before = sets(dir);
    expect(before.map((s) => s.pack?.version)).toEqual(['1.0.0', '1.0.0']);
    cleanStale(dir);
    expect(readdirSync(dir)).toEqual(['values-pack']);
    const { renameSync } = await import('node:fs');
    renameSync(join(dir, 'values-pack'), join(dir, '.old-values-pack-a1b2c3'));
    expect(sets(dir)).toEqual([]);
    cleanStale(dir);
    expect(sets(dir)).toEqual(before);
  });
});

describe('hostile archives are refused before anything is written', () => {
  const tree = packTree();
  const big = Buffer.alloc(5 * 1024 * 1024, 0x20);
  const claims50 = Object.assign(Buffer.from('title: T\n'), { size: 50 * 1024 * 1024 });
  it.each([
    ['a zip with ../evil.yaml', () => packZip({ ...tree, '../evil.yaml': 'x: 1\n' }), /: "\.\.\/evil\.yaml" is an unsafe path/],
    ['a zip with an absolute path', () => packZip({ ...tree, '/tmp/evil.yaml': 'x: 1\n' }), /: "\/tmp\/evil\.yaml" is an unsafe path/],
    ['a zip with one name twice', () => renamed(packZip({ ...tree, 'pack.yamX': 'id: other\n' }), 'pack.yamX', 'pack.yaml'), /holds pack.yaml twice/],
    ['a zip with a symlink', () => asSymlink(packZip({ ...tree, 'sets/link.yaml': '/etc/passwd' }), 'sets/link.yaml'), /"sets\/link.yaml" is a symbolic link/],
    ['a zip claiming a 50 MB file', () => packZip({ ...tree, 'sets/huge.yaml': claims50 }), /huge.yaml inflates to more than 1 MB/],
    ['a zip bomb (5 MB of spaces in a few KB)', () => packZip({ ...tree, 'sets/bomb.yaml': big }), /bomb.yaml inflates to more than 1 MB/],
    ['a zip of 201 files', () => packZip({ ...tree, ...Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}.yaml`, 'x'])) }), /holds 204 files; reflect reads zips of at most 200/],
  ])('%s', async (_name, make, message) => {
    const dir = packsIn();
    const run = await failure(installPack(file(make(), 'p.zip'), dir, false));
    expect(run.message).toMatch(message);
    expect(run.message).toMatch(/nothing was installed$/);
    expect(existsSync(dir)).toBe(false);
  });

  it.each([
    ['../evil.yaml', [{ name: '../evil.yaml', content: 'x' }], /"\.\.\/evil\.yaml" is an unsafe path/],
    ['an absolute path', [{ name: '/tmp/evil.yaml', content: 'x' }], /"\/tmp\/evil\.yaml" is an unsafe path/],
    ['a symlink', [{ name: 'sets/link.yaml', type: 'symlink', linkname: '/etc/passwd' }], /"sets\/link.yaml" is a symlink/],
    ['a hard link', [{ name: 'sets/link.yaml', type: 'link', linkname: 'pack.yaml' }], /"sets\/link.yaml" is a link/],
    ['a device', [{ name: 'dev.yaml', type: 'character-device' }], /"dev.yaml" is a character device/],
    ['one name twice', [{ name: 'pack.yaml', content: 'x' }], /holds pack.yaml twice/],
    ['a 2 MB file', [{ name: 'sets/big.yaml', content: Buffer.alloc(2 * 1024 * 1024, 0x20) }], /sets\/big.yaml is 2 MB; a file in a pack can be at most 1 MB/],
  ] as const)('a .tar.gz with %s', async (_name, extra, message) => {
    const dir = packsIn();
    const entries = [...Object.entries(tree).map(([name, content]) => ({ name, content })), ...extra];
    const run = await failure(installPack(file(await tarGz(entries as never), 'p.tar.gz'), dir, false));
    expect(run.message).toMatch(message);
    expect(existsSync(dir)).toBe(false);
  });

  it.each([
    ['a .tar.gz claiming a 50 MB file', () => tarGzClaiming('pack.yaml', 50 * 1024 * 1024), /pack.yaml is 50 MB; a file in a pack can be at most 1 MB/],
    ['a .tar.gz that unpacks to 20 MB of zeros', () => gz(Buffer.alloc(20 * 1024 * 1024)), /unpacks to more than 10 MB/],
    ['a damaged .tar.gz', () => gz(Buffer.from('not a tar at all'.repeat(100))), /damaged or truncated .tar.gz|no pack.yaml/],
    ['a text file', () => Buffer.from('id: values-pack\n'), /is not a pack: name a folder, a .zip or a .tar.gz holding a pack.yaml/],
    ['a zip with no pack.yaml', () => packZip({ 'a/pack.yaml': 'x', 'b/set.yaml': 'y' }), /has no pack.yaml at its root or in its one top folder/],
  ])('%s', async (_name, make, message) => {
    const dir = packsIn();
    expect((await failure(installPack(file(make(), 'p.tgz'), dir, false))).message).toMatch(message);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('uninstalling a pack', () => {
  it('removes it and its sets', async () => {
    const dir = packsIn();
    await installPack(packFolder(packTree()), dir, false);
    expect(uninstallPack('values-pack', dir)).toMatchObject({ id: 'values-pack', version: '1.2.0' });
    expect(sets(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the installed packs for one it does not know, with a suggestion', async () => {
    const dir = packsIn();
    await installPack(packFolder(packTree()), dir, false);
    expect(() => uninstallPack('value-pack', dir)).toThrow('no installed pack "value-pack" (did you mean "values-pack"?); installed: values-pack');
    expect(() => uninstallPack('x', packsIn())).toThrow('no installed pack "x"; no packs are installed');
    expect(readFileSync(join(dir, 'values-pack', 'pack.yaml'), 'utf8')).toContain('version: 1.2.0');
  });
});

/** The archive with every `from` in its headers made `to` (of the same length). */
function renamed(archive: Buffer, from: string, to: string): Buffer {
  const copy = Buffer.from(archive);
  for (let i = copy.indexOf(from); i >= 0; i = copy.indexOf(from, i + 1)) copy.write(to, i);
  return copy;
}
