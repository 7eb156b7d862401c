import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ReflectError } from '../../src/core/errors.js';
import { parsePackManifest } from '../../src/core/pack-manifest.js';
import { installPack } from '../../src/prompts/pack-install.js';
import * as A from '../../scripts/torture/arbitraries.mjs';
import { packTree, packZip, tarGz, tempDir } from '../helpers/packs.js';

const RUNS = { seed: 20261202, numRuns: 60 };

describe('pack.yaml on random YAML', () => {
  it('is reported as problems with a line and column, never an exception', () => {
    fc.assert(
      fc.property(A.yamlValue(3), (value) => {
        const { manifest, problems } = parsePackManifest(stringify(value));
        return (manifest === null) === problems.length > 0 && problems.every((p) => p.line >= 1 && p.col >= 1);
      }),
      RUNS,
    );
  });
});

describe('install on random archives', () => {
  // Names a hostile archive might hold: climbing out, absolute, backslashed, dotted, or the pack's own.
  const name = fc.oneof(
    fc.constantFrom('pack.yaml', 'sets/values-week.yaml', '../x.yaml', '/tmp/x.yaml', 'a\\..\\x.yaml', './pack.yaml', 'top/pack.yaml', 'a//b.yaml', '.hidden.yaml'),
    fc.stringMatching(/^[a-z./]{1,12}$/),
  );
  const members = fc.dictionary(name, fc.oneof(fc.string(), A.yamlValue(2).map((v) => stringify(v))), { maxKeys: 6 });
  it('installs a whole valid pack or refuses with a ReflectError, and writes nothing outside the packs folder', async () => {
    await fc.assert(
      fc.asyncProperty(members, fc.boolean(), async (extra, tar) => {
        const root = tempDir();
        const dir = join(root, 'packs');
        const tree = { ...packTree(), ...extra };
        const path = join(root, tar ? 'p.tar.gz' : 'p.zip');
        writeFileSync(path, tar ? await tarGz(tree) : packZip(tree));
        try {
          const { manifest } = await installPack(path, dir, false);
          expect(readdirSync(dir)).toEqual([manifest.id]);
        } catch (error) {
          if (!(error instanceof ReflectError)) throw error;
          expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
        }
        expect(readdirSync(root).sort()).toEqual([...(existsSync(dir) ? ['packs'] : []), tar ? 'p.tar.gz' : 'p.zip'].sort());
        expect(existsSync(join(root, '..', 'x.yaml'))).toBe(false);
        return true;
      }),
      { ...RUNS, numRuns: 40 },
    );
  });
});
