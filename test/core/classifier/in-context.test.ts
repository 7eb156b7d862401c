import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classifier/classify.js';
import type { AnswerContext } from '../../../src/core/classifier/context.js';
import { shiftsFor, type WhatFired } from '../../../src/core/classifier/in-context.js';

const q = (question: string, elicits?: AnswerContext['elicits'], previous?: AnswerContext['previous']): AnswerContext => ({ question, ...(elicits ? { elicits } : {}), ...(previous ? { previous } : {}) });

// The issue's own run of the breakthrough set, read as a coach would.
describe('answers are read with their question', () => {
  it.each([
    ['a value named to "what matters?" is not a skill', 'That I care about being present more than being productive', q('And underneath that, what matters to you?', 'value'), ['neutral']],
    ['a value named, with a contrast, is still no challenge', 'Being respected for real work, not for a title', q('And underneath that, what matters to you?', 'value'), ['neutral', 'breakthrough']],
    ['a limiting belief named to a belief question', 'I should already know everything before I lead anyone', q('What belief about yourself have you been holding onto in all of this?', 'belief'), ['neutral']],
    ['a fear named to a fear question is a challenge', "That I'd fail in front of people who trusted me", q('What are you afraid might happen?', 'feeling'), ['challenge']],
    ['someone else in a fear does not make it their verdict', 'That my brother would stop talking to me, like he did in 2019.', q('What are you afraid would happen if you lived by it fully?'), ['challenge']],
    ['a verdict given to a fear question is still someone else\'s', 'My manager says I am not leadership material, and everyone agrees with her.', q('What are you afraid might happen?', 'feeling'), ['external']],
    ['a step is never a breakthrough by itself', "Tell Dana on Friday that it's the trust I want, not the title", q('What is one concrete step you could take in the next few days?', 'plan'), ['neutral']],
    ['"nothing really" to the insight question', 'nothing really', q('What do you see now that you did not see when you started?', 'insight'), ['neutral']],
    ['a struggle given in answer to a belief question stays a struggle', "dont know about belief. every call i freeze when he talks fast and i say sorry sorry sorry. hate this", q('What belief about yourself have you been holding onto?', 'belief'), ['challenge']],
  ])('%s', (_case, text, context, expected) => {
    expect(expected).toContain(classify(text, { context }).label);
  });

  it("recognises a realisation at the end of a probe chain as the chain's moment", () => {
    const context = q('If that is true, what does it say about what you value?', 'value', [
      { question: 'What are you afraid might happen?', text: "That I'd fail in front of people who trusted me" },
      { question: 'And underneath that, what matters to you?', text: 'Being someone people can count on' },
    ]);
    const result = classify("oh. it was never the job. it's that I've tied being counted on to being worth anything", { context });
    expect(result.label).toBe('breakthrough');
    expect(result.evidence.map((e) => e.rule)).toContain('chain-end');
  });

  it('lowers the bar at the end of a chain for a plainly put answer the model already leans to as a breakthrough, and only then', () => {
    const chain = q('And underneath that, what matters to you?', 'value', [{ question: 'What are you afraid might happen?', text: 'that i lose the shed' }]);
    const what: WhatFired = { insight: false, fear: false, struggle: false, words: 8, text: 'its the gang. its always been the gang', asksFear: false, likeliestBreakthrough: true };
    expect(shiftsFor(chain, what).map((s) => s.rule)).toEqual(['chain-end']);
    expect(shiftsFor(chain, { ...what, likeliestBreakthrough: false })).toEqual([]);
    expect(shiftsFor(q('And underneath that, what matters to you?', 'value'), what)).toEqual([]);
  });

  it.each([
    ['a feeling that is no fear', 'Proud and relieved.', q('How does that feel?', 'feeling')],
    ['an empty answer to a fear question', '...', q('What are you afraid might happen?', 'feeling')],
  ])('names no fear where there is none: %s', (_case, text, context) => {
    expect(classify(text, { context }).evidence.map((e) => e.rule)).not.toContain('fear-named');
  });

  it.each(['No wonder I froze.', 'None of it was mine.'])('reads "%s" as an answer, not as "nothing"', (text) => {
    const context = q('What do you see now that you did not see when you started?', 'insight');
    expect(classify(text, { context }).evidence.map((e) => e.rule)).not.toContain('nothing-seen');
  });

  it('reads an answer with no question and no intent as a plain entry', () => {
    const text = "That I'd fail in front of people who trusted me";
    expect(classify(text, { context: { previous: [] } })).toEqual(classify(text));
  });

  it('reads the same words differently after different questions', () => {
    const text = 'Being reliable';
    expect(classify(text, { context: q('What matters to you?', 'value') }).label).toBe('neutral');
    expect(classify(text, { context: q('What has been hard this week?', 'feeling') }).label).not.toBe('breakthrough');
  });
});
