import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePromptSet } from '../../src/core/prompt-parse.js';
import { toJsonSchema } from '../../src/core/prompt-schema.js';
import { ELICITS, QUESTION_TYPES } from '../../src/core/prompt-set.js';
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
    expect(set!.questions[0]!.elicits).toBeUndefined();
    expect(set!.questions[1]!.elicits).toBe('feeling');
    expect(set!.questions[5]!.deeper).toEqual([
      { ask: 'And underneath that?' },
      { ask: 'What does "{{decision}}" say about what you value?', elicits: 'value' },
    ]);
  });

  it('takes its id from the file name when it has none', () => {
    expect(parsePromptSet('title: T\nquestions:\n  - id: a\n    ask: A?\n', 'from-file').set!.id).toBe('from-file');
  });

  it.each(readdirSync(join(ROOT, 'prompts')))('built-in set %s is valid', (name) => {
    expect(parsePromptSet(readFileSync(join(ROOT, 'prompts', name), 'utf8'), name).problems).toEqual([]);
  });
});

describe('what a question listens for (elicits)', () => {
  const one = (question: string) => parsePromptSet(`title: T\nquestions:\n  - id: a\n    ask: A?\n${question}`, 't');
  const choices = (type: string) => (type === 'choice' || type === 'multi' ? '    choices: [x, y]\n' : '');

  it.each(ELICITS)('accepts %s on a question and on a probe', (value) => {
    const { set, problems } = one(`    elicits: ${value}\n    deeper:\n      - ask: And?\n        elicits: ${value}\n`);
    expect(problems).toEqual([]);
    expect(set!.questions[0]!.elicits).toBe(value);
    expect(set!.questions[0]!.deeper).toEqual([{ ask: 'And?', elicits: value }]);
  });

  it.each(QUESTION_TYPES)('is allowed on a %s question', (type) => {
    expect(one(`    type: ${type}\n${choices(type)}    elicits: feeling\n`).problems).toEqual([]);
  });

  it('reads plain-text probes and probe maps side by side, in order', () => {
    const { set } = one('    deeper:\n      - First?\n      - {ask: Second?, elicits: belief}\n      - ask: Third?\n');
    expect(set!.questions[0]!.deeper).toEqual([{ ask: 'First?' }, { ask: 'Second?', elicits: 'belief' }, { ask: 'Third?' }]);
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
      'elicits.yaml',
      [
        '5:14: elicits of question "pull" must be one of insight, feeling, value, belief, plan, fact, not "facts" (did you mean "fact"?)',
        '12:18: elicits of probe 2 of question "fear" must be one of insight, feeling, value, belief, plan, fact, not "vaule" (did you mean "value"?)',
        '14:9: unknown key "elicit" in probe 3 of question "fear" (did you mean "elicits"?)',
        '15:9: probe 4 of question "fear" has no "ask"',
        '16:9: probe 5 of question "fear": a probe is text (in quotes if it holds ": "), or {ask: ..., elicits: ...}',
        '17:32: a {{reference}} in a deeper probe of question "fear" names "ghost", which is not a question in this set',
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
  it.each([
    ['a probe that is a number', '    deeper: [5]\n', '5:14: probe 1 of question "a": a probe is text (in quotes if it holds ": "), or {ask: ..., elicits: ...}'],
    ['a probe with no value', '    deeper:\n      -\n', '6:8: probe 1 of question "a" has no value'],
    ['a probe whose ask is not text', '    deeper:\n      - ask: [x]\n', '6:14: ask of probe 1 of question "a" must be text'],
    ['a choice that YAML read as a map', '    type: choice\n    choices: [x, "y": z]\n', '6:18: choice of question "a" 2: a choice is text (in quotes if it holds ": "), or {value: ..., label: ...}'],
  ])('reports %s', (_name, question, expected) => {
    const { problems } = parsePromptSet(`title: T\nquestions:\n  - id: a\n    ask: A?\n${question}`, 't');
    expect(problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([expected]);
  });

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

describe('keys named like the properties every object has', () => {
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
  const lines = (source: string) => parsePromptSet(source, 't').problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
  it.each(NAMES)('%s is an unknown key at every level, with its line and column', (name) => {
    const source =
      `title: T\n${name}: 1\nquestions:\n  - id: a\n    ask: A?\n    ${name}: 1\n    type: choice\n    choices:\n      - {value: x, ${name}: 1}\n` +
      `    deeper:\n      - {ask: And?, ${name}: 1}\n  - id: s\n    ask: S?\n    type: scale\n    labels: {${name}: x}\n` +
      `    when: {all: [{question: a, answered: true, ${name}: 1}]}\nactions:\n  ${name}: [x]\n`;
    // Some get a did-you-mean ("valueOf" is close to "value"); what matters is where and that it is the usual message.
    expect(lines(source).map((line) => line.replace(/ \(did you mean "\w+"\?\)$/, ''))).toEqual([
      `2:1: unknown key "${name}" in the prompt set`,
      `6:5: unknown key "${name}" in question "a"`,
      `9:20: unknown key "${name}" in choice of question "a" 1`,
      `11:21: unknown key "${name}" in probe 1 of question "a"`,
      `15:14: labels of question "s": "${name}" must be a whole number`,
      `16:48: unknown condition "${name}" in when of question "s"`,
      `18:3: actions: "${name}" must be one of breakthrough, skill, challenge, external, neutral`,
    ]);
  });

  it('allows "constructor" as a question id and choice values named like properties, in conditions too', () => {
    const { set, problems } = parsePromptSet(
      'title: T\nquestions:\n  - id: constructor\n    ask: Who?\n    type: choice\n    choices: [constructor, __proto__, toString]\n' +
        '  - id: b\n    ask: "You chose {{constructor}}: why?"\n    when: {question: constructor, in: [__proto__, toString]}\n',
      't',
    );
    expect(problems).toEqual([]);
    expect(set!.questions[0]!.choices!.map((c) => c.value)).toEqual(['constructor', '__proto__', 'toString']);
    expect(set!.questions[1]!.when).toEqual({ question: 'constructor', in: ['__proto__', 'toString'] });
  });
});

describe('duplicate keys', () => {
  const lines = (source: string) => parsePromptSet(source, 't').problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
  it.each([
    ['at the top', 'title: T\ntitle: U\nquestions: [{id: a, ask: A?}]\n', ['2:1: YAML syntax: Map keys must be unique']],
    ['in a flow map', 'title: T\nquestions:\n  - {id: a, ask: A?, id: b}\n', ['3:22: YAML syntax: Map keys must be unique']],
    ['in a nested map', 'title: T\nquestions:\n  - id: a\n    ask: A?\n    ask: B?\n', ['5:5: YAML syntax: Map keys must be unique']],
    ['that only YAML sees as equal', 'title: T\n1: a\n1: b\nquestions: [{id: a, ask: A?}]\n', ['3:1: YAML syntax: Map keys must be unique']],
  ])('are reported %s, as before', (_where, source, expected) => {
    expect(lines(source)).toEqual(expected);
  });

  it('are found in linear time: 80,000 keys, one of them twice (this took 53 seconds)', () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `  k${i}: ${i}\n`);
    keys.push('  k17: again\n');
    const problems = lines(`title: T\nquestions: [{id: a, ask: A?}]\nextra:\n${keys.join('')}`);
    expect(problems).toEqual([`80004:3: YAML syntax: Map keys must be unique`]);
    const unknown = lines(`title: T\nquestions: [{id: a, ask: A?}]\n${keys.slice(0, -1).join('').replace(/^ {2}/gm, '')}`);
    expect(unknown).toHaveLength(80_000);
    expect(unknown[17]).toBe('20:1: unknown key "k17" in the prompt set');
  });
});

describe('anchors and aliases', () => {
  const one = (source: string) => parsePromptSet(source, 't');
  it('accepts aliases to texts and lists, and reads them as their values', () => {
    const { set, problems } = one(
      'title: &title Mine\nquestions:\n  - id: a\n    ask: &q What now?\n    deeper: [*q, *title]\n' +
        '  - id: b\n    ask: B?\n    type: choice\n    choices: &options [x, y]\n  - id: c\n    ask: C?\n    type: multi\n    choices: *options\n' +
        '    when: &cond {question: b, equals: x}\n  - id: d\n    ask: D?\n    when: *cond\n',
    );
    expect(problems).toEqual([]);
    expect(set!.questions[0]!.deeper).toEqual([{ ask: 'What now?' }, { ask: 'Mine' }]);
    expect(set!.questions[2]!.choices!.map((c) => c.value)).toEqual(['x', 'y']);
    expect(set!.questions[3]!.when).toEqual({ question: 'b', equals: 'x' });
  });

  it('checks what an alias stands for', () => {
    expect(one('title: T\nquestions:\n  - id: a\n    ask: &q [x]\n    deeper: [*q]\n').problems.map((p) => p.message)).toEqual([
      'ask of question "a" must be text',
      'probe 1 of question "a": a probe is text (in quotes if it holds ": "), or {ask: ..., elicits: ...}',
    ]);
  });

  it('refuses an alias bomb quickly, with one problem', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const { problems } = one(`${levels.join('\n')}\ntitle: T\nquestions:\n  - id: a\n    ask: A?\n    deeper: *l11\n`);
    expect(problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([
      expect.stringMatching(/^\d+:\d+: YAML: the file repeats its aliases \(\*name\) too many times/),
    ]);
  });
});

describe('files that are no prompt set at all get one plain problem', () => {
  const deepFlow = `title: T\nquestions: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
  const deepBlock = `title: T\nquestions:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i + 2)}- \n`).join('')}`;
  const deepWhen = `title: T\nquestions:\n  - {id: a, ask: A?}\n  - id: b\n    ask: B?\n    when: ${'{all: ['.repeat(200)}{question: a, answered: true}${']}'.repeat(200)}\n`;
  it.each([
    ['empty', '', '1:1: the file is empty; a prompt set needs at least a title and questions'],
    ['only a comment', '# nothing yet\n', '1:1: the file is empty; a prompt set needs at least a title and questions'],
    ['a text', 'just some words\n', '1:1: the prompt set must be a map of keys and values'],
    ['a list', '- a\n- b\n', '1:1: the prompt set must be a map of keys and values'],
    ['several documents', 'title: T\nquestions: [{id: a, ask: A?}]\n---\ntitle: U\n', '3:1: YAML syntax: the file holds more than one YAML document (a line of ---); keep only one'],
    ['nested 10,000 levels in flow style', deepFlow, expect.stringMatching(/^2:\d+: YAML: the file nests too deeply/)],
    ['nested 10,000 levels in block style', deepBlock, expect.stringMatching(/^\d+:\d+: YAML: the file nests too deeply/)],
    ['a condition nested 200 levels', deepWhen, expect.stringMatching(/^6:\d+: YAML: the file nests too deeply/)],
  ])('%s', (_name, source, expected) => {
    expect(parsePromptSet(source, 't').problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([expected]);
  });
});
