import { describe, expect, it } from 'vitest';
import { elicitsOf, inferElicits } from '../../../src/core/classifier/context.js';

describe('what a question listens for, read from its words when the set does not say', () => {
  it.each([
    ['What has been pulling at your attention this week?', 'fact'],
    ['When you think about it, what are you afraid might happen?', 'feeling'],
    ['How heavy does it feel right now?', 'feeling'],
    ['And underneath that, what matters to you?', 'value'],
    ['What belief about yourself have you been holding onto?', 'belief'],
    ['What do you see now that you did not see when you started?', 'insight'],
    ['What is one concrete step you could take in the next few days?', 'plan'],
  ])('"%s" → %s', (question, elicits) => {
    expect(inferElicits(question)).toBe(elicits);
  });

  it('a declared intent wins over the words; a plain entry has none', () => {
    expect(elicitsOf({ question: 'What matters to you?', elicits: 'insight' })).toBe('insight');
    expect(elicitsOf(null)).toBeNull();
    expect(elicitsOf({})).toBeNull();
  });
});
