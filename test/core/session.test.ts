import { describe, expect, it } from 'vitest';
import { parsePromptSet } from '../../src/core/prompt-parse.js';
import { promptedAnswers } from '../../src/core/prompted-answers.js';
import { runSession, type GivenAnswer } from '../../src/core/session.js';
import { setFromSnapshot, type PromptSet } from '../../src/core/prompt-set.js';
import { scriptedPrompter } from '../helpers/scripted-prompter.js';

const SET = parsePromptSet(
  `
title: Test set
questions:
  - id: pull
    ask: What pulls at you?
  - id: weight
    ask: How heavy?
    type: scale
    labels: {10: crushing}
  - id: fear
    ask: 'About "{{pull}}": what do you fear?'
    when: {question: weight, atLeast: 6}
    elicits: feeling
    deeper:
      - ask: Underneath "{{pull}}", what matters?
        elicits: value
      - And what does that say about you?
  - id: area
    ask: Where?
    type: choice
    choices: [{value: work, label: At work}, home]
  - id: note
    ask: Anything else?
    required: false
`,
  'test',
).set as PromptSet;

async function run(script: unknown[], prior: GivenAnswer[] = []) {
  const { prompter, asked, left } = scriptedPrompter(script);
  const saved: GivenAnswer[] = [];
  const answers = await runSession(SET, promptedAnswers(prompter), (a) => void saved.push(a), prior);
  return { answers, saved, asked, left: left() };
}

describe('a guided session', () => {
  it('asks in order, fills {{refs}}, asks deeper probes in turn, and saves each answer', async () => {
    const { saved, asked, left } = await run(['Taking the lead role', 8, 'Failing people', 'Being reliable', '', 'work', '']);
    expect(left).toBe(0);
    expect(asked).toEqual([
      '[1/5] What pulls at you?',
      '[2/5] How heavy?',
      '[3/5] About "Taking the lead role": what do you fear?',
      '  ↳ Underneath "Taking the lead role", what matters?',
      '  ↳ And what does that say about you?',
      '[4/5] Where?',
      '[5/5] Anything else?',
    ]);
    expect(saved.map((a) => [a.questionId, a.depth, a.text])).toEqual([
      ['pull', 0, 'Taking the lead role'],
      ['weight', 0, '8 of 10'],
      ['fear', 0, 'Failing people'],
      ['fear', 1, 'Being reliable'],
      ['area', 0, 'At work'],
    ]);
    expect(saved[3]!.question).toBe('Underneath "Taking the lead role", what matters?');
    expect(saved[4]!.value).toBe('work');
  });

  it('skips a question whose condition does not hold', async () => {
    const { asked, saved } = await run(['Small thing', 3, 'home', 'nothing']);
    expect(asked.some((m) => m.includes('fear'))).toBe(false);
    expect(saved.map((a) => a.questionId)).toEqual(['pull', 'weight', 'area', 'note']);
  });

  it('an empty optional answer is not saved', async () => {
    const { saved } = await run(['x', 1, 'home', '']);
    expect(saved.map((a) => a.questionId)).not.toContain('note');
  });

  it('stops at Ctrl-C, keeping what was answered', async () => {
    const { prompter } = scriptedPrompter(['First answer', 'CTRL-C']);
    const saved: GivenAnswer[] = [];
    await expect(runSession(SET, promptedAnswers(prompter), (a) => void saved.push(a))).rejects.toMatchObject({ kind: 'interrupted' });
    expect(saved.map((a) => a.text)).toEqual(['First answer']);
  });

  it('resumes after the answers already given, using them in refs and conditions', async () => {
    const prior: GivenAnswer[] = [
      { questionId: 'pull', question: 'What pulls at you?', position: 0, depth: 0, value: 'The move', text: 'The move' },
      { questionId: 'weight', question: 'How heavy?', position: 1, depth: 0, value: 9, text: '9 of 10' },
    ];
    const { asked, saved, answers } = await run(['Losing friends', '', 'home', ''], prior);
    expect(asked[0]).toBe('[3/5] About "The move": what do you fear?');
    expect(saved.map((a) => a.questionId)).toEqual(['fear', 'area']);
    expect(answers).toHaveLength(4);
  });

  it('resumes from a stored snapshot, old (plain-text probes) or new (probe maps), asking the same probes', async () => {
    const prior: GivenAnswer[] = [
      { questionId: 'pull', question: 'What pulls at you?', position: 0, depth: 0, value: 'The move', text: 'The move' },
      { questionId: 'weight', question: 'How heavy?', position: 1, depth: 0, value: 9, text: '9 of 10' },
    ];
    const plain = JSON.stringify({ ...SET, questions: SET.questions.map((q) => ({ ...q, deeper: q.deeper?.map((p) => p.ask) })) });
    for (const snapshot of [JSON.stringify(SET), plain]) {
      const { prompter, asked } = scriptedPrompter(['Losing friends', 'Belonging', 'That I need people', 'home', '']);
      const saved: GivenAnswer[] = [];
      await runSession(setFromSnapshot(snapshot), promptedAnswers(prompter), (a) => void saved.push(a), prior);
      expect(asked.slice(0, 3)).toEqual([
        '[3/5] About "The move": what do you fear?',
        '  ↳ Underneath "The move", what matters?',
        '  ↳ And what does that say about you?',
      ]);
      expect(saved.map((a) => [a.questionId, a.depth])).toEqual([['fear', 0], ['fear', 1], ['fear', 2], ['area', 0]]);
    }
  });
  describe('resuming a question left in its probes', () => {
    const upToFear: GivenAnswer[] = [
      { questionId: 'pull', question: 'What pulls at you?', position: 0, depth: 0, value: 'The move', text: 'The move' },
      { questionId: 'weight', question: 'How heavy?', position: 1, depth: 0, value: 9, text: '9 of 10' },
      { questionId: 'fear', question: 'About "The move": what do you fear?', position: 2, depth: 0, value: 'Losing friends', text: 'Losing friends' },
    ];
    const firstProbe: GivenAnswer = { questionId: 'fear', question: 'Underneath "The move", what matters?', position: 2, depth: 1, value: 'Belonging', text: 'Belonging' };
    it.each([
      ['after the answer', upToFear, ['  ↳ Underneath "The move", what matters?', '  ↳ And what does that say about you?'], ['Belonging', 'That I need people'], [1, 2]],
      ['after the first probe', [...upToFear, firstProbe], ['  ↳ And what does that say about you?'], ['That I need people'], [2]],
    ])('%s: asks the probes still to come, and none already answered', async (_name, prior, probes, replies, depths) => {
      const { asked, saved, left } = await run([...replies, 'home', ''], prior);
      expect(left).toBe(0);
      expect(asked).toEqual([...probes, '[4/5] Where?', '[5/5] Anything else?']);
      expect(saved.map((a) => [a.questionId, a.depth])).toEqual([...depths.map((d) => ['fear', d]), ['area', 0]]);
    });

    it('does not go back into the probes of a question answered before the last one', async () => {
      const prior = [...upToFear.slice(0, 2), { ...upToFear[2]!, questionId: 'area', question: 'Where?', position: 3, value: 'home', text: 'home' }];
      const withFear = [upToFear[0]!, upToFear[1]!, upToFear[2]!, prior[2]!];
      const { asked } = await run([''], withFear);
      expect(asked).toEqual(['[5/5] Anything else?']);
    });
  });
});
