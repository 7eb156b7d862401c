import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePromptSet } from '../../src/core/prompt-parse.js';
import { toJsonSchema } from '../../src/core/prompt-schema.js';
import { ROOT } from '../helpers/cli.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/prompts', name), 'utf8');
const problemsOf = (name: string) => parsePromptSet(fixture(name), 'fixture').problems.map((p) => `${p.line}:${p.col}: ${p.message}`);

describe('a valid prompt file', () => {
  it('reads every feature of the format, with defaults filled in', () => {
    const { set, problems } = parsePromptSet(fixture('valid-full.yaml'), 'fallback-id');
    expect(problems).toEqual([]);
    expect(set!.id).toBe('values-compass');
    expect(set!.version).toBe('3');
    expect(set!.questions.map((q) => q.type)).toEqual(['text', 'scale', 'choice', 'multi', 'confirm', 'long']);
    expect(set!.questions[0]!.required).toBe(true);
    expect(set!.questions[4]!.required).toBe(false);
    expect(set!.questions[2]!.choices).toEqual([
      { value: 'work', label: 'work' },
      { value: 'family', label: 'Family and home' },
    ]);
    expect(set!.questions[1]!.labels).toEqual({ 1: 'light', 10: 'crushing' });
    expect(set!.questions[5]!.deeper).toEqual(['And underneath that?']);
  });

  it('takes its id from the file name when it has none', () => {
    expect(parsePromptSet('title: T\nquestions:\n  - id: a\n    ask: A?\n', 'from-file').set!.id).toBe('from-file');
  });

  it.each(readdirSync(join(ROOT, 'prompts')))('built-in set %s is valid', (name) => {
    expect(parsePromptSet(readFileSync(join(ROOT, 'prompts', name), 'utf8'), name).problems).toEqual([]);
  });
});

describe('an invalid prompt file reports every problem at its line and column', () => {
  it.each([
    ['empty.yaml', ['1:1: the file is empty; a prompt set needs at least a title and questions']],
    ['no-questions.yaml', ['2:12: questions needs at least 1 item']],
    ['syntax-error.yaml', ['6:1: YAML syntax: Missing closing "quote']],
    [
      'unknown-keys.yaml',
      [
        '2:1: unknown key "descripton" in the prompt set (did you mean "description"?)',
        '4:5: question "one" has no "ask"',
        '5:5: unknown key "aks" in question "one" (did you mean "ask"?)',
        '6:11: type of question "one" must be one of text, long, choice, multi, scale, confirm, not "txt" (did you mean "text"?)',
      ],
    ],
    [
      'wrong-types.yaml',
      [
        '1:8: title must be text',
        '2:10: version: a version is a number or text',
        '3:7: tags must be a list',
        '5:9: id of question "One" must be lower-case letters, digits, - and _, starting with a letter, not "One"',
        '6:10: ask of question "One" must be text',
        '7:15: required of question "One" must be true or false',
        '8:5: question 2 must be a map of keys and values',
      ],
    ],
    [
      'references.yaml',
      [
        '4:26: a {{reference}} in question "first" names "second", a later question; it can only use answers given before',
        '6:14: a {{reference}} in question "second" names "ghost", which is not a question in this set',
        '7:22: the condition of question "second" names "third", a later question; it can only use answers given before',
        '10:22: the condition of question "third" names "third", this same question; it can only use answers given before',
        '11:9: duplicate question id "first" (first used on line 3)',
        '14:22: a {{reference}} in the breakthrough actions names "nobody", which is not a question in this set',
        '15:3: actions: "breakthru" must be one of breakthrough, skill, challenge, external, neutral (did you mean "breakthrough"?)',
      ],
    ],
    [
      'shapes.yaml',
      [
        '5:11: question "pick" is a choice question but has no choices',
        '9:10: the scale of question "scale" runs from 10 to 5; min must be below max',
        '13:5: choices only apply to choice and multi questions; question "texty" is text',
        '16:37: the condition of question "cond": atLeast only works on a scale question, and "pick" is choice',
        '23:39: the condition of question "cond2": "multi" has no choice "green"',
        '26:11: when of question "cond3" needs exactly one test (equals, notEquals, in, atLeast, atMost, includes, answered), it has 2',
      ],
    ],
  ])('%s', (name, expected) => {
    expect(problemsOf(name)).toEqual(expected);
  });
});

describe('shapes the rules must survive', () => {
  it('reports choices that are not a list, instead of failing', () => {
    const { problems } = parsePromptSet('title: T\nquestions:\n  - id: a\n    ask: A?\n    type: choice\n    choices: 5\n', 't');
    expect(problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([
      '5:11: question "a" is a choice question but has no choices',
      '6:14: choices of question "a" must be a list',
    ]);
  });
});

describe('the published JSON Schema', () => {
  it('is the one generated from the schema definition (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schema/prompt-set.schema.json'), 'utf8'));
    expect(committed).toEqual(toJsonSchema());
  });
});
