import { describe, expect, it } from 'vitest';
import { fill } from '../../src/core/template.js';

const PULL = 'Whether to say yes to leading the new platform team.';

describe('fill: an earlier answer quoted into a sentence', () => {
  it.each([
    ['mid-sentence, at the end: its capital lowered, one full stop', 'Tell one person you trust what you saw about {{a}}.', PULL,
      'Tell one person you trust what you saw about whether to say yes to leading the new platform team.'],
    ['in quote marks the template closes: its full stop goes, its capital stays', 'You said: "{{a}}". Instead of asking why, how could this become easier?', 'The quarterly report.',
      'You said: "The quarterly report". Instead of asking why, how could this become easier?'],
    ['in quote marks before a comma', 'When you think about "{{a}}", what are you afraid might happen?', PULL,
      'When you think about "Whether to say yes to leading the new platform team", what are you afraid might happen?'],
    ['a question mark is kept, and the template\'s full stop after it goes', 'You asked: "{{a}}". Then what?', 'Should I stay?',
      'You asked: "Should I stay?" Then what?'],
    ['a question mark is kept, and the template\'s comma after it goes', 'When you think about "{{a}}", what are you afraid of?', 'Should I stay?',
      'When you think about "Should I stay?" what are you afraid of?'],
    ['the template goes on: trailing punctuation goes', 'how could you make {{a}} easier to begin?', 'Call Sam.',
      'how could you make call Sam easier to begin?'],
    ['a name keeps its capital', 'Tell one person what you saw about {{a}}.', 'Sam and the budget.',
      'Tell one person what you saw about Sam and the budget.'],
    ['"I" keeps its capital', 'Notice what shifted about {{a}}, and do it today.', "I'm scared of failing.",
      "Notice what shifted about I'm scared of failing, and do it today."],
    ['after a colon, the answer starts its own sentence and ends the template as it ends', 'Keep your step in view: {{a}}', 'Call Sam on Monday.',
      'Keep your step in view: Call Sam on Monday.'],
    ['an unanswered ref', 'About {{a}}, what matters?', '', 'About …, what matters?'],
    ['a long answer: its first sentence', 'About {{a}}, what matters?', 'The move to Berlin next spring. It has been on my mind for months, every day.',
      'About the move to Berlin next spring, what matters?'],
  ])('%s', (_name, template, answer, expected) => {
    expect(fill(template, (id) => (id === 'a' ? answer : undefined))).toBe(expected);
  });

  it('never doubles punctuation, whatever the answer ends with', () => {
    for (const end of ['.', '!', '?', '…', '...', ';', ',', '']) {
      const filled = fill('Tell someone what you saw about {{a}}.', () => `the new platform team${end}`);
      expect(filled).not.toMatch(/[.!?…][.]$|[,;]\.$/);
    }
  });
});
