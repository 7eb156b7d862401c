import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/core/classifier/classify.js';
import { answerContexts, MAX_MOMENTS, pickMoments, type Moment } from '../../src/core/moments.js';
import type { Label, PromptSet } from '../../src/core/prompt-set.js';

const proposal = (label: Label, p: number): Classification => ({
  label,
  confidence: p,
  probabilities: { breakthrough: 0, skill: 0, challenge: 0, external: 0, neutral: 0, [label]: p },
  evidence: [],
  sentence: null,
  heldBack: null,
});
const moment = (id: string, questionId: string, depth: number, label: Label, p: number): Moment => ({ id, questionId, question: `${questionId}?`, depth, text: id, proposed: proposal(label, p) });

describe("the session's moments", () => {
  it('puts the clearest breakthroughs first, then what needs a response, never more than three', () => {
    const picked = pickMoments([
      moment('a', 'pull', 0, 'challenge', 0.9),
      moment('b', 'insight', 0, 'breakthrough', 0.7),
      moment('c', 'belief', 0, 'breakthrough', 0.9),
      moment('d', 'cost', 0, 'external', 0.6),
      moment('e', 'step', 0, 'neutral', 0.99),
      moment('f', 'other', 0, 'skill', 0.95),
    ]);
    expect(picked.map((m) => m.id)).toEqual(['c', 'b', 'a']);
    expect(picked.length).toBeLessThanOrEqual(MAX_MOMENTS);
  });

  it('takes one moment a chain: its strongest, the later answer in a tie', () => {
    const picked = pickMoments([moment('fear', 'fear', 0, 'challenge', 0.8), moment('probe1', 'fear', 1, 'breakthrough', 0.75), moment('probe2', 'fear', 2, 'breakthrough', 0.75)]);
    expect(picked.map((m) => m.id)).toEqual(['probe2']);
  });

  it('puts nothing forward when nothing stands out', () => {
    expect(pickMoments([moment('a', 'pull', 0, 'neutral', 0.9), moment('b', 'x', 0, 'skill', 0.9)])).toEqual([]);
  });
});

describe('what each answer is read with', () => {
  const set = {
    id: 's',
    title: 'S',
    questions: [{ id: 'fear', ask: 'What are you afraid of?', elicits: 'feeling', deeper: [{ ask: 'What matters?', elicits: 'value' }, { ask: 'And so?' }] }],
  } as unknown as PromptSet;
  const answers = [
    { id: '1', questionId: 'fear', question: 'What are you afraid of?', depth: 0, text: 'failing' },
    { id: '2', questionId: 'fear', question: 'What matters?', depth: 1, text: 'being trusted' },
    { id: '3', questionId: 'fear', question: 'And so?', depth: 2, text: 'oh' },
  ];
  const contexts = answerContexts(set, answers);

  it("the question's and each probe's declared intent, and the chain so far", () => {
    expect(contexts.get('1')).toEqual({ question: 'What are you afraid of?', elicits: 'feeling' });
    expect(contexts.get('2')).toEqual({ question: 'What matters?', elicits: 'value', previous: [{ question: 'What are you afraid of?', text: 'failing' }] });
    expect(contexts.get('3')!.elicits).toBeUndefined();
    expect(contexts.get('3')!.previous!.map((p) => p.text)).toEqual(['failing', 'being trusted']);
  });
});
