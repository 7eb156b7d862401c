import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';

const GOOD = 'title: Good\nquestions:\n  - id: a\n    ask: A?\n';
const BOMB = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
  .concat(Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(i === 0 ? '*a' : `*l${i}`).join(', ')}]`))
  .join('\n');

/** Hostile inputs, each of which must give one `reflect:` line, no stack, and a non-zero exit. */
const HOSTILE: [string, string | Buffer][] = [
  ['empty', ''],
  ['a scalar', 'just words\n'],
  ['a list', '- a\n- b\n'],
  ['several documents', `${GOOD}---\n${GOOD}`],
  // A few KB of noise, as from an image saved with the wrong name: it used to give dozens of syntax errors.
  ['binary', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 256))],
  ['UTF-16 text', Buffer.from(`\ufeff${GOOD}`, 'utf16le')],
  ['Latin-1 text', Buffer.from(`# caf\u00e9\n${GOOD}`, 'latin1')],
  ['nested 10,000 levels', `title: T\nquestions: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
  ['an alias bomb', `${BOMB}\n${GOOD}    deeper: *l9\n`],
  ['huge (10 MB)', `${GOOD}${'# padding, padding, padding, padding, padding, padding, padding\n'.repeat(160_000)}`],
];

function folder(files: Record<string, string | Buffer>): string {
  const { dir } = tempJournal();
  const prompts = join(dir, 'prompts');
  mkdirSync(prompts);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(prompts, name), text);
  return prompts;
}

const oneReflectLine = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('reflect:'));

describe('prompt files that are hostile or broken', () => {
  it.each(HOSTILE)('prompts validate: %s is one problem, with no stack', (_name, text) => {
    const prompts = folder({ 'bad.yaml': text });
    const run = reflect(['prompts', 'validate', join(prompts, 'bad.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/bad\.yaml:\d+:\d+: \S/)]);
    expect(run.stderr).toBe('reflect: 1 problem in 1 of 1 file\n');
  });

  it('prompts validate: keys named like object properties are unknown keys, not a crash', () => {
    const prompts = folder({ 'bad.yaml': 'title: T\nconstructor: 1\nquestions:\n  - id: a\n    ask: A?\n    __proto__: 1\n' });
    const run = reflect(['prompts', 'validate', join(prompts, 'bad.yaml')]);
    expect(run.stdout).toContain('bad.yaml:2:1: unknown key "constructor" in the prompt set\n');
    expect(run.stdout).toContain('bad.yaml:6:5: unknown key "__proto__" in question "a"\n');
    expect(run.stderr).toBe('reflect: 2 problems in 1 of 1 file\n');
  });

  it('prompts list shows a bad file as one invalid line, and the other sets still list and run', () => {
    const prompts = folder({ 'good.yaml': GOOD, 'proto.yaml': 'title: T\nconstructor: 1\nquestions: [{id: a, ask: A?}]\n', 'binary.yaml': HOSTILE[4]![1] });
    mkdirSync(join(prompts, 'folder.yaml'));
    const list = reflect(['--prompts', prompts, 'prompts', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^good +Good  1 question · custom$/m);
    for (const id of ['proto', 'binary', 'folder']) expect(list.stdout).toMatch(new RegExp(`^${id} +invalid: 1 problem; run`, 'm'));
    const { db, dir } = tempJournal();
    writeFileSync(join(dir, 'answers.yaml'), 'a: fine\n');
    const run = reflect(['--db', db, '--prompts', prompts, 'session', 'good', '--answers', join(dir, 'answers.yaml')]);
    expect(run.code, run.stderr).toBe(0);
  });

  it('anchors and aliases read the same in validate, show and a session', () => {
    const prompts = folder({ 'alias.yaml': 'title: Alias\nquestions:\n  - id: a\n    ask: &q What now?\n    deeper: [*q]\n' });
    const file = join(prompts, 'alias.yaml');
    expect(reflect(['prompts', 'validate', file]).code).toBe(0);
    expect(JSON.parse(reflect(['prompts', 'show', file, '--json']).stdout).questions[0].deeper).toEqual([{ ask: 'What now?' }]);
    const { db, dir } = tempJournal();
    writeFileSync(join(dir, 'answers.yaml'), 'a: {answer: This, deeper: [That]}\n');
    const run = reflect(['--db', db, 'session', file, '--answers', join(dir, 'answers.yaml')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('↳ What now?\n    › That');
  });
});

describe('answers files', () => {
  const SET = 'title: T\nquestions:\n  - id: constructor\n    ask: Who built it?\n    required: false\n  - id: b\n    ask: B?\n';

  it('leaves out an optional question named "constructor"', () => {
    const prompts = folder({ 'ctor.yaml': SET });
    const { db, dir } = tempJournal();
    writeFileSync(join(dir, 'answers.yaml'), 'b: hello\n');
    const run = reflect(['--db', db, 'session', join(prompts, 'ctor.yaml'), '--answers', join(dir, 'answers.yaml')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Who built it?\n  › (skipped)');
  });

  it.each([
    ...HOSTILE.filter(([name]) => name !== 'empty' && name !== 'a scalar' && name !== 'a list'),
    ['duplicate keys', 'b: one\nb: two\n'],
    ['a JSON list', '["b", "x"]'],
  ] as [string, string | Buffer][])('%s: one reflect: line, no stack, nothing saved', (_name, text) => {
    const prompts = folder({ 'ctor.yaml': SET });
    const { db, dir } = tempJournal();
    expect(reflect(['--db', db, 'write', 'Before.']).code).toBe(0);
    const before = dumpJournal(db);
    writeFileSync(join(dir, 'answers.yaml'), text);
    const run = reflect(['--db', db, 'session', join(prompts, 'ctor.yaml'), '--answers', join(dir, 'answers.yaml')]);
    expect(run.code).not.toBe(0);
    expect(oneReflectLine(run.stderr)).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    expect(dumpJournal(db)).toEqual(before);
  });
});
