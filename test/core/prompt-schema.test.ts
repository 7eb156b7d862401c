import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePromptSet } from '../../src/core/prompt-parse.js';
import { toJsonSchema } from '../../src/core/prompt-schema.js';
import { fitsSchema } from '../helpers/json-schema.js';

// Earlier questions of every kind a test can target, so the only thing that decides is the condition's shape.
const withWhen = (when: string) => `title: T
questions:
  - {id: t, ask: T?}
  - {id: s, ask: S?, type: scale}
  - {id: m, ask: M?, type: multi, choices: [x, y]}
  - {id: c, ask: C?, type: confirm}
  - id: z
    ask: Z?
    when: ${when}
`;

describe('a `when` condition: the validator and the published JSON Schema agree', () => {
  it.each([
    ['{question: t, equals: work}', true],
    ['{question: t, equals: 5}', true],
    ['{question: c, equals: true}', true],
    ['{question: t, notEquals: home}', true],
    ['{question: t, in: [work, 5]}', true],
    ['{question: s, atLeast: 3}', true],
    ['{question: s, atMost: 2.5}', true],
    ['{question: m, includes: x}', true],
    ['{question: t, answered: false}', true],
    ['{all: [{question: t, answered: true}, {any: [{question: s, atLeast: 5}]}]}', true],
    ['{question: t, equals: [1, 2]}', false],
    ['{question: t, equals: {x: 1}}', false],
    ['{question: t, equals: }', false],
    ['{question: t, notEquals: [home]}', false],
    ['{question: t, in: [{x: 1}]}', false],
    ['{question: t, in: [[work]]}', false],
    ['{question: t, in: [true]}', false],
    ['{question: t, in: work}', false],
    ['{question: t, in: }', false],
    ['{question: s, atLeast: "3"}', false],
    ['{question: s, atMost: [3]}', false],
    ['{question: m, includes: [x]}', false],
    ['{question: t, answered: yes}', false],
    ['{question: 5, equals: work}', false],
    ['{question: [t], equals: work}', false],
    ['{question: Not-An-Id, equals: work}', false],
    ['{question: t}', false],
    ['{question: t, equals: a, in: [a]}', false],
    ['{question: t, equals: a, extra: 1}', false],
    ['{all: []}', false],
    ['{any: {question: t, answered: true}}', false],
    ['{all: [{question: t, equals: [1]}]}', false],
    ['{all: [{question: t, answered: true}], question: t}', false],
    ['[question, t]', false],
    ['t', false],
  ])('%s is valid: %s', (when, valid) => {
    const source = withWhen(when);
    const problems = parsePromptSet(source, 't').problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
    expect({ validator: problems.length === 0 ? true : problems, schema: fitsSchema(parse(source), toJsonSchema()) }).toEqual({
      validator: valid || expect.arrayContaining([expect.stringMatching(/^9:\d+: /)]),
      schema: valid,
    });
  });

  it.each([
    ['{question: t, equals: [1, 2]}', '9:33: when of question "z": equals needs one value (text, a number, true or false)'],
    ['{question: t, equals: {x: 1}}', '9:33: when of question "z": equals needs one value (text, a number, true or false)'],
    ['{question: t, in: [work, {x: 1}]}', '9:36: when of question "z": in needs a list of values, each text or a number'],
    ['{question: 5, equals: work}', '9:22: when of question "z": "question" needs the id of an earlier question'],
    ['{question: s, atLeast: "3"}', '9:34: when of question "z": atLeast needs a number'],
  ])('says what is wrong with %s, at its line and column', (when, expected) => {
    expect(parsePromptSet(withWhen(when), 't').problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([expected]);
  });
});
