import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePackManifest, toPackJsonSchema } from '../../src/core/pack-manifest.js';
import { ROOT } from '../helpers/cli.js';
import { fitsSchema } from '../helpers/json-schema.js';

const GOOD = 'id: values-pack\ntitle: Values work\nversion: 1.2.0\nsets:\n  - sets/values.yaml\n';
const lines = (source: string) => parsePackManifest(source).problems.map((p) => `${p.line}:${p.col}: ${p.message}`);

describe('pack.yaml', () => {
  it('reads a manifest, author and description optional', () => {
    expect(parsePackManifest(GOOD).manifest).toEqual({ id: 'values-pack', title: 'Values work', version: '1.2.0', sets: ['sets/values.yaml'] });
    const full = `${GOOD}author: Sam Coach\ndescription: Find what matters.\n`;
    expect(parsePackManifest(full).manifest).toMatchObject({ author: 'Sam Coach', description: 'Find what matters.' });
  });

  it('says where each entry of sets is, for problems found later', () => {
    expect(parsePackManifest(`${GOOD}  - other.yml\n`).setsAt).toEqual([{ line: 5, col: 5 }, { line: 6, col: 5 }]);
  });

  it.each([
    ['', ['1:1: the file is empty; a pack.yaml needs id, title, version and sets']],
    ['id: [', [expect.stringMatching(/^1:6: YAML syntax: /)]],
    [GOOD.replace('id: values-pack', 'id: Values Pack'), ['1:5: id must be lower-case letters, digits and -, not "Values Pack"']],
    [GOOD.replace('id: values-pack\n', ''), ['1:1: the pack has no "id"']],
    [GOOD.replace('title: Values work\n', ''), ['1:1: the pack has no "title"']],
    [GOOD.replace('1.2.0', '1.2'), ['3:10: version must be three numbers such as 1.2.0 (semver), not 1.2']],
    [GOOD.replace('1.2.0', '2'), ['3:10: version must be three numbers such as 1.2.0 (semver), not 2']],
    [GOOD.replace('1.2.0', 'v1.2.0'), ['3:10: version must be three numbers such as 1.2.0 (semver), not "v1.2.0"']],
    [GOOD.replace('1.2.0', '01.2.0'), ['3:10: version must be three numbers such as 1.2.0 (semver), not "01.2.0"']],
    [GOOD.replace('sets:\n  - sets/values.yaml\n', 'sets: []\n'), ['4:7: sets needs at least 1 item']],
    [GOOD.replace('sets/values.yaml', '../values.yaml'), ['5:5: set 1 in sets must be the path of a .yaml set file in the pack, such as sets/values.yaml, not "../values.yaml"']],
    [GOOD.replace('sets/values.yaml', '/etc/values.yaml'), [expect.stringMatching(/^5:5: set 1 in sets must be the path .*, not "\/etc\/values.yaml"$/)]],
    [GOOD.replace('sets/values.yaml', 'values-compass'), [expect.stringMatching(/^5:5: set 1 in sets must be the path .*, not "values-compass"$/)]],
    [`${GOOD}  - sets/values.yaml\n`, ['6:5: sets/values.yaml is listed twice in sets']],
    [`${GOOD}auther: Sam\n`, ['6:1: unknown key "auther" in the pack (did you mean "author"?)']],
    [`${GOOD}author: 5\n`, ['6:9: author must be text']],
  ])('%j: %j', (source, expected) => {
    expect(lines(source)).toEqual(expected);
    expect(parsePackManifest(source).manifest).toBeNull();
  });

  it.each([
    [GOOD, true],
    [GOOD.replace('1.2.0', '1.2.0-beta.1+build.5'), true],
    [`${GOOD}author: Sam\ndescription: D\n`, true],
    [GOOD.replace('1.2.0', 'v1.2.0'), false],
    [GOOD.replace('id: values-pack', 'id: Values'), false],
    [GOOD.replace('sets/values.yaml', 'sets/../x.yaml'), false],
    [GOOD.replace('sets/values.yaml', 'sets/values.json'), false],
    [GOOD.replace('sets/values.yaml', '.hidden.yaml'), false],
    [`${GOOD}extra: 1\n`, false],
    [GOOD.replace('title: Values work\n', ''), false],
  ])('the validator and the published schema agree on %j (valid: %s)', (source, valid) => {
    expect({ validator: parsePackManifest(source).problems.length === 0, schema: fitsSchema(parse(source), toPackJsonSchema()) }).toEqual({
      validator: valid,
      schema: valid,
    });
  });

  it('has the committed schema generated from its definition (run `npm run schema` after changing it)', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema/pack.schema.json'), 'utf8'))).toEqual(toPackJsonSchema());
  });
});
