import { describe, expect, it } from 'vitest';
import { elicitsFor, setFromSnapshot, type Question } from '../../src/core/prompt-set.js';

const FEAR: Question = {
  id: 'fear',
  ask: 'What are you afraid of?',
  type: 'text',
  required: true,
  elicits: 'feeling',
  deeper: [{ ask: 'And underneath that?', elicits: 'value' }, { ask: 'Where did that come from?' }],
};

describe('elicitsFor: what an answer listens for', () => {
  it.each([
    ['the answer itself', FEAR, null, 'feeling'],
    ['a probe with its own', FEAR, 0, 'value'],
    ['a probe without one (it does not inherit the question’s)', FEAR, 1, undefined],
    ['a probe the question does not have', FEAR, 2, undefined],
    ['a question that declares nothing', { ...FEAR, elicits: undefined, deeper: undefined }, null, undefined],
    ['a probe of a question without probes', { ...FEAR, deeper: undefined }, 0, undefined],
  ] as const)('%s', (_name, question, probe, expected) => {
    expect(elicitsFor(question, probe)).toBe(expected);
  });
});

describe('setFromSnapshot: a session’s stored set, read back', () => {
  it('reads a snapshot taken now as it was stored', () => {
    const set = { id: 's', title: 'S', questions: [FEAR] };
    expect(setFromSnapshot(JSON.stringify(set))).toEqual(set);
  });

  it('reads the plain-text probes of an older snapshot as probes with no elicits', () => {
    const old = '{"id":"s","title":"S","questions":[{"id":"a","ask":"A?","type":"text","required":true,"deeper":["Why?","And?"]},{"id":"b","ask":"B?","type":"text","required":true}]}';
    const set = setFromSnapshot(old);
    expect(set.questions[0]!.deeper).toEqual([{ ask: 'Why?' }, { ask: 'And?' }]);
    expect(set.questions[1]!.deeper).toBeUndefined();
  });
});
