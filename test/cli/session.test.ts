import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, dumpJournal, reflect, tempJournal } from '../helpers/cli.js';

const json = (text: string) => JSON.parse(text);

const ANSWERS = `
pull: Whether to take the team lead role
weight: 8
fear:
  answer: That I'd fail in front of people who trusted me
  deeper:
    - Being reliable.
belief: I have to be perfect
cost: Another year of waiting
insight: It's the trust I care about, not the title
step: Talk to Dana on Friday
`;

function withAnswers(text: string) {
  const paths = tempJournal();
  const file = join(paths.dir, 'answers.yaml');
  writeFileSync(file, text);
  return { ...paths, file };
}

describe('reflect session --answers', () => {
  it('runs a set without a terminal, saving each answer with the question as asked', () => {
    const { db, file } = withAnswers(ANSWERS);
    const run = reflect(['--db', db, 'session', 'breakthrough', '--answers', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('[3/7] When you think about "Whether to take the team lead role", what are you afraid might happen?');
    const sessionId = /session ([0-9a-f]{8})/.exec(run.stdout)![1]!;
    const shown = json(reflect(['--db', db, 'show', sessionId, '--json']).stdout);
    expect(shown.status).toBe('finished');
    expect(shown.setId).toBe('breakthrough');
    expect(shown.setVersion).toBe('1');
    expect(shown.setHash).toMatch(/^[0-9a-f]{64}$/);
    expect(shown.answers.map((a: { text: string }) => a.text)).toEqual([
      'Whether to take the team lead role',
      '8 of 10',
      "That I'd fail in front of people who trusted me",
      'Being reliable.',
      'I have to be perfect',
      'Another year of waiting',
      "It's the trust I care about, not the title",
      'Talk to Dana on Friday',
    ]);
    expect(shown.answers[3].question).toBe('And underneath that, what matters to you?');
  });

  it('keeps the question as asked even after the prompt file changes', () => {
    const { dir, db, file } = withAnswers('situation: A\n');
    const set = join(dir, 'mine.yaml');
    writeFileSync(set, 'title: Mine\nquestions:\n  - id: situation\n    ask: The old wording?\n');
    expect(reflect(['--db', db, 'session', set, '--answers', file]).code).toBe(0);
    writeFileSync(set, 'title: Mine\nquestions:\n  - id: situation\n    ask: The new wording?\n');
    const [entry] = json(reflect(['--db', db, 'list', '--json']).stdout);
    expect(entry.question).toBe('The old wording?');
  });

  it.each([
    ['a missing required answer', 'pull: x\nweight: 8\n', /"fear" needs an answer/],
    ['an answer of the wrong type', ANSWERS.replace('weight: 8', 'weight: heavy'), /"weight" must be a whole number from 1 to 10/],
    ['an unknown question', `${ANSWERS}\nmood: fine\n`, /"mood" is not a question in the set "breakthrough"/],
    ['a YAML error', 'pull: [unclosed\n', /^reflect: can't read the answers in .*answers\.yaml: /],
  ])('refuses %s in one line and saves nothing', (_name, text, message) => {
    const { db, file } = withAnswers(text);
    reflect(['--db', db, 'write', 'an earlier entry']);
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'session', 'breakthrough', '--answers', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(dumpJournal(db)).toEqual(before);
  });

  it('without a terminal and without --answers, explains and exits 2', () => {
    const { db } = tempJournal();
    for (const args of [['session', 'daily'], []]) {
      const run = reflect(['--db', db, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^reflect: a guided session needs a terminal to ask on; give answers with --answers <file>/);
    }
  });

  it('names an unknown set, with a suggestion', () => {
    const { db, file } = withAnswers(ANSWERS);
    const run = reflect(['--db', db, 'session', 'breakthru', '--answers', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('reflect: no prompt set "breakthru" (did you mean "breakthrough"?); see `reflect prompts list`\n');
  });

  it('refuses to run an invalid set, listing its problems', () => {
    const { dir, db, file } = withAnswers('a: x\n');
    const set = join(dir, 'broken.yaml');
    writeFileSync(set, 'title: Broken\nquestions:\n  - id: a\n    ask: A?\n    type: txt\n');
    const run = reflect(['--db', db, 'session', set, '--answers', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`reflect: the prompt set ${set} has 1 problem:\n${set}:5:11: type of question "a" must be one of text, long, choice, multi, scale, confirm, not "txt" (did you mean "text"?)\n`);
  });

  it('--resume needs a terminal too, and cannot be mixed with a set', () => {
    const { db } = tempJournal();
    expect(reflect(['--db', db, 'session', '--resume']).code).toBe(2);
    const mixed = reflect(['--db', db, 'session', 'daily', '--resume', '--answers', 'x.yaml']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe('reflect: --resume continues a session as it was; leave out the set and --answers\n');
  });
});

describe('reflect prompts', () => {
  it('list shows the built-in sets with their question counts, and a user set that overrides one', () => {
    const { dir } = tempJournal();
    const config = join(dir, 'config');
    mkdirSync(join(config, 'reflect', 'prompts'), { recursive: true });
    writeFileSync(join(config, 'reflect', 'prompts', 'daily.yaml'), 'title: My daily\nquestions:\n  - id: a\n    ask: A?\n');
    const run = reflect(['prompts', 'list', '--json'], { env: { XDG_CONFIG_HOME: config } });
    const sets = json(run.stdout);
    expect(sets.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['breakthrough', 'daily', 'weekly-review', 'unstuck', 'career-crossroads']));
    const daily = sets.find((s: { id: string }) => s.id === 'daily');
    expect(daily).toMatchObject({ title: 'My daily', origin: 'user', overrides: 'built-in', questions: 1 });
    const human = reflect(['prompts', 'list'], { env: { XDG_CONFIG_HOME: config } }).stdout;
    expect(human).toMatch(/daily\s+My daily\s+1 question · user \(overrides the built-in set\)/);
  });

  it('reads sets from --prompts and REFLECT_PROMPTS', () => {
    const { dir } = tempJournal();
    writeFileSync(join(dir, 'coach.yaml'), 'title: Coach set\nquestions:\n  - id: a\n    ask: A?\n');
    expect(reflect(['--prompts', dir, 'prompts', 'list']).stdout).toMatch(/coach +Coach set  1 question · custom/);
    expect(reflect(['prompts', 'list'], { env: { REFLECT_PROMPTS: dir } }).stdout).toMatch(/coach +Coach set  1 question · custom/);
    const missing = reflect(['--prompts', join(dir, 'nope'), 'prompts', 'list']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^reflect: no prompt folder or file at /);
  });

  it('show prints the flow with conditions and probes', () => {
    const run = reflect(['prompts', 'show', 'breakthrough']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('only if weight ≥ 6');
    expect(run.stdout).toContain('↳ And underneath that, what matters to you?  (listens for: a value)');
    expect(run.stdout).toMatch(/6\. insight .*\n.*\n\s+listens for: an insight\n/);
    const set = json(reflect(['prompts', 'show', 'breakthrough', '--json']).stdout);
    const fear = set.questions.find((q: { id: string }) => q.id === 'fear');
    expect(fear.elicits).toBe('feeling');
    expect(fear.deeper[2]).toEqual({ ask: 'What would it mean about you if that fear came true?', elicits: 'belief' });
  });

  it('validate exits 0 for valid files and 1 with every problem as FILE:LINE:COL', () => {
    const good = join(ROOT, 'prompts/daily.yaml');
    const bad = join(ROOT, 'test/fixtures/prompts/unknown-keys.yaml');
    expect(reflect(['prompts', 'validate', good]).code).toBe(0);
    const run = reflect(['prompts', 'validate', good, bad]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith(bad))).toEqual([
      `${bad}:2:1: unknown key "descripton" in the prompt set (did you mean "description"?)`,
      `${bad}:4:5: question "one" has no "ask"`,
      `${bad}:5:5: unknown key "aks" in question "one" (did you mean "ask"?)`,
      `${bad}:6:11: type of question "one" must be one of text, long, choice, multi, scale, confirm, not "txt" (did you mean "text"?)`,
    ]);
    expect(run.stderr).toBe('reflect: 4 problems in 1 of 2 files\n');
    const asJson = json(reflect(['prompts', 'validate', bad, '--json']).stdout);
    expect(asJson[0]).toMatchObject({ valid: false, problems: [{ line: 2, col: 1 }, { line: 4, col: 5 }, { line: 5, col: 5 }, { line: 6, col: 11 }] });
    const missing = reflect(['prompts', 'validate', join(ROOT, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/nope\.yaml:1:1: no prompt file at /);
  });

  it('new writes a commented template that validates, and never overwrites', () => {
    const { dir } = tempJournal();
    const env = { XDG_CONFIG_HOME: dir };
    const run = reflect(['prompts', 'new', 'values-compass'], { env });
    expect(run.code).toBe(0);
    const path = run.stdout.trim();
    expect(path).toBe(join(dir, 'reflect', 'prompts', 'values-compass.yaml'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^# yaml-language-server: \$schema=.*schema\/prompt-set\.schema\.json\n/);
    expect(readFileSync(path, 'utf8')).toMatch(/# 'elicits' says what a question listens for[^]*\n    elicits: value\n/);
    expect(reflect(['prompts', 'validate', path]).code).toBe(0);
    expect(reflect(['prompts', 'list'], { env }).stdout).toContain('values-compass');
    const again = reflect(['prompts', 'new', 'values-compass'], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; it was left as it is/);
    expect(reflect(['prompts', 'new', 'Bad Id'], { env }).code).toBe(2);
  });
});
