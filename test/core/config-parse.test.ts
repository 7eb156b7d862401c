import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, NO_CONFIG } from '../../src/core/config.js';
import { parseConfig } from '../../src/core/config-parse.js';
import { CONFIG_EXAMPLE } from '../../src/cli/commands/config.js';
import { fitsSchema } from '../helpers/json-schema.js';
import { ROOT } from '../helpers/cli.js';

const problems = (source: string) => parseConfig(source).problems.map((p) => `${p.line}:${p.col}: ${p.message}`);

/** The example in `reflect config --help`, as a file: indented two spaces there. */
const EXAMPLE = CONFIG_EXAMPLE.split('\n')
  .filter((line) => line.startsWith('  '))
  .map((line) => line.slice(2))
  .join('\n');

describe('a config file that is right', () => {
  it('gives every setting, with where each journal is named', () => {
    const { config, problems } = parseConfig(EXAMPLE);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      journals: [
        { name: 'me', path: '~/journal.db', at: { line: 2, col: 3 } },
        { name: 'ana', path: 'coaching/ana.db', at: { line: 3, col: 3 } },
      ],
      journalsAt: { line: 1, col: 1 },
      default: { name: 'me', at: { line: 4, col: 10 } },
      set: { id: 'daily', at: { line: 5, col: 6 } },
      writeReview: false,
      editor: 'code --wait',
    });
  });

  it.each([
    ['an empty file', ''],
    ['comments alone', '# my settings\n# journals: {}\n'],
    ['an empty document', '---\n'],
  ])('%s is no config at all: every setting at its default', (_, source) => {
    expect(parseConfig(source)).toEqual({ config: NO_CONFIG, problems: [] });
  });

  it('leaves out what it does not say', () => {
    expect(parseConfig('editor: nano\n').config).toEqual({ ...NO_CONFIG, editor: 'nano' });
  });
});

describe('a config file that is wrong', () => {
  it.each([
    ['a misspelt key', 'jounals: {a: x.db}\n', ['1:1: unknown key "jounals" in the config (did you mean "journals"?)']],
    ['journals as a list', 'journals: [a, b]\n', ['1:11: journals must be a map']],
    ['a journal name with a space', 'journals: {"a b": x.db}\n', ['1:12: journals: "a b" must be a name of letters, digits, ., - and _ (starting with a letter or digit)']],
    ['a journal name starting with -', 'journals:\n  -x: x.db\n', ['2:3: journals: "-x" must be a name of letters, digits, ., - and _ (starting with a letter or digit)']],
    ['a journal with no path', 'journals:\n  a: ""\n', ['2:3: journal "a" has no path']],
    ['a journal path that is a number', 'journals: {a: 3}\n', ['1:15: journals "a" must be text']],
    ['a default that is no journal', 'journals: {a: x.db}\ndefault: b\n', ['2:10: default must be one of the journals (a), not "b" (did you mean "a"?)']],
    ['a default with no journals', 'default: me\n', ['1:10: default must be the name of a journal under journals:, not "me"']],
    ['a set that is not a set id', 'set: Daily\n', ['1:6: set must be a set id (lower-case letters, digits and -), not "Daily"']],
    ['review that is not true or false', 'write: {review: maybe}\n', ['1:17: review of write must be true or false']],
    ['an unknown write setting', 'write: {reveiw: false}\n', ['1:9: unknown key "reveiw" in write (did you mean "review"?)']],
    ['an empty editor', 'editor: ""\n', ['1:9: editor is empty; write the command, like "nano" or "code --wait"']],
    ['a list at the top', '- 1\n', ['1:1: the config must be a map of keys and values']],
    ['a key twice', 'journals:\n  a: x.db\n  a: y.db\n', ['3:3: YAML syntax: Map keys must be unique']],
    ['broken YAML', 'journals: [\n', ['2:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]']],
    ['two documents', 'set: daily\n---\nset: other\n', ['2:1: YAML syntax: the file holds more than one YAML document (a line of ---); keep only one']],
  ])('%s is refused at its line and column', (_, source, expected) => {
    expect(problems(source)).toEqual(expected);
    expect(parseConfig(source).config).toBeNull();
  });

  it('reports every problem at once, in the order of the file', () => {
    expect(problems('set: X\neditor: 3\nwat: 1\n')).toEqual([
      '1:6: set must be a set id (lower-case letters, digits and -), not "X"',
      '2:9: editor must be text',
      '3:1: unknown key "wat" in the config',
    ]);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('a key named %s is only a journal name, or an unknown key', (name) => {
    expect(parseConfig(`journals:\n  ${name}: x.db\n`).config?.journals.map((j) => j.name)).toEqual([name]);
    expect(problems(`${name}: 1\n`)).toEqual([`1:1: unknown key "${name}" in the config`]);
  });

  it('a key named __proto__ is an unknown key, and no journal name', () => {
    expect(problems('__proto__: 1\n')).toEqual(['1:1: unknown key "__proto__" in the config']);
    expect(problems('journals:\n  __proto__: x.db\n')[0]).toMatch(/^2:3: journals: "__proto__" must be a name of letters/);
  });
});

describe('the published JSON Schema', () => {
  it('is the one generated from the definition (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schema/config.schema.json'), 'utf8'));
    expect(committed).toEqual(configJsonSchema());
  });

  it.each([
    ['the help example', EXAMPLE, true],
    ['a misspelt key', 'jounals: {a: x.db}\n', false],
    ['a bad journal name', 'journals: {"a b": x.db}\n', false],
    ['review as text', 'write: {review: "no"}\n', false],
    ['a set id in capitals', 'set: Daily\n', false],
  ])('agrees with the checker on %s', (_, source, valid) => {
    expect({ checker: parseConfig(source).problems.length === 0, schema: fitsSchema(parse(source), configJsonSchema()) }).toEqual({ checker: valid, schema: valid });
  });
});
