import { describe, expect, it } from 'vitest';
import { holds } from '../../src/core/conditions.js';
import type { AnswerValue, Condition } from '../../src/core/prompt-set.js';

const answers = new Map<string, AnswerValue>([
  ['weight', 7],
  ['area', 'work'],
  ['kinds', ['afraid', 'unclear']],
  ['ready', false],
  ['empty', ''],
  ['skipped', null],
]);

describe('when conditions', () => {
  it.each<[Condition, boolean]>([
    [{ question: 'weight', atLeast: 7 }, true],
    [{ question: 'weight', atLeast: 8 }, false],
    [{ question: 'weight', atMost: 7 }, true],
    [{ question: 'area', equals: 'Work' }, true],
    [{ question: 'area', notEquals: 'work' }, false],
    [{ question: 'area', in: ['home', 'work'] }, true],
    [{ question: 'kinds', includes: 'afraid' }, true],
    [{ question: 'kinds', includes: 'waiting' }, false],
    [{ question: 'ready', equals: false }, true],
    [{ question: 'empty', answered: false }, true],
    [{ question: 'skipped', answered: true }, false],
    [{ question: 'skipped', notEquals: 'x' }, false],
    [{ question: 'never-asked', atLeast: 1 }, false],
    [{ all: [{ question: 'weight', atLeast: 6 }, { question: 'area', equals: 'work' }] }, true],
    [{ all: [{ question: 'weight', atLeast: 6 }, { question: 'area', equals: 'home' }] }, false],
    [{ any: [{ question: 'area', equals: 'home' }, { question: 'ready', equals: false }] }, true],
  ])('%j is %s', (condition, expected) => {
    expect(holds(condition, answers)).toBe(expected);
  });
});
