import { describe, expect, it } from 'vitest';
import { parsePromptSet } from '../../src/core/prompt-parse.js';
import { checkScriptedAnswers } from '../../src/core/scripted-answers.js';
import type { PromptSet } from '../../src/core/prompt-set.js';

const SET = parsePromptSet(
  `
title: T
questions:
  - id: pull
    ask: What?
  - id: weight
    ask: How heavy?
    type: scale
  - id: fear
    ask: Fear?
    when: {question: weight, atLeast: 6}
  - id: area
    ask: Where?
    type: multi
    choices: [work, home]
  - id: ok
    ask: Ready?
    type: confirm
`,
  't',
).set as PromptSet;

describe('an answers file', () => {
  it('is read into typed answers, following the conditions', () => {
    const { answers, problems } = checkScriptedAnswers(SET, {
      pull: 'The move',
      weight: '3',
      area: 'Work',
      ok: 'yes',
      fear: { answer: 'ignored: weight is low', deeper: [] },
    });
    expect(problems).toEqual([]);
    expect(answers.get('weight')!.answer).toBe(3);
    expect(answers.get('area')!.answer).toEqual(['work']);
    expect(answers.get('ok')!.answer).toBe(true);
    expect(answers.has('fear')).toBe(false);
  });

  it('names every missing or wrong answer at once', () => {
    const { problems } = checkScriptedAnswers(SET, { weight: 11, area: ['garden'], ok: 'perhaps', extra: 'x', pull: { answer: 'a', deeper: 'b' } });
    expect(problems).toEqual([
      '"extra" is not a question in the set "t"',
      '"pull": deeper must be a list of answers',
      '"weight" must be a whole number from 1 to 10',
      '"area" must be a list of work, home',
      '"ok" must be yes or no',
    ]);
  });

  it('asks for the required answer a condition brings in', () => {
    expect(checkScriptedAnswers(SET, { pull: 'p', weight: 8, area: 'home', ok: true }).problems).toEqual(['"fear" needs an answer']);
  });

  it.each([['a list'], [null], ['text']])('refuses a file that is not a map (%j)', (raw) => {
    expect(checkScriptedAnswers(SET, raw === 'a list' ? [1, 2] : raw).problems[0]).toMatch(/must map question ids to answers/);
  });
});

describe('question ids named like object properties', () => {
  const CTOR = parsePromptSet(
    'title: T\nquestions:\n  - {id: constructor, ask: Who?, required: false}\n  - {id: valueof, ask: What?, type: choice, choices: [tostring, x], required: false}\n  - {id: b, ask: B?}\n',
    'c',
  ).set as PromptSet;

  it.each([
    ['an optional "constructor" left out', { b: 'x' }, [], null],
    ['"constructor" answered', { constructor: 'Ada', b: 'x' }, [], 'Ada'],
    ['"constructor" as {answer}', { constructor: { answer: 'Ada' }, b: 'x' }, [], 'Ada'],
    ['a wrapped answer with only property-named keys', { constructor: { toString: 'x', constructor: 'y' }, b: 'x' }, [], null],
  ] as const)('%s', (_name, raw, expected, answer) => {
    const { answers, problems } = checkScriptedAnswers(CTOR, raw);
    expect(problems).toEqual(expected);
    expect(answers.get('constructor')!.answer).toBe(answer);
    expect(answers.get('constructor')!.deeper).toEqual([]);
  });

  it('names a key like __proto__ or toString as no question of the set', () => {
    const raw = JSON.parse('{"__proto__": "x", "toString": "y", "b": "z"}');
    expect(checkScriptedAnswers(CTOR, raw).problems).toEqual(['"__proto__" is not a question in the set "c"', '"toString" is not a question in the set "c"']);
  });
});
