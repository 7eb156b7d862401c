import { describe, expect, it } from 'vitest';
import { read, signalHits } from '../../../src/core/classifier/signals/index.js';
import type { AnswerContext } from '../../../src/core/classifier/context.js';

const fired = (text: string, context: AnswerContext | null = null) => new Set(signalHits(read(text, context)).map((h) => h.signal));

// Each signal, on a sentence that shows it and one that only looks like it.
describe('each signal fires on how a thing is said, not on what it is about', () => {
  it.each([
    ['sees-self', 'I see now that the anger I feel at my sister is really grief about our mother', 'I see the bus coming'],
    ['sees-self', 'it hit me that i only call when i need something', 'figured out how to fix the tap'],
    ['reframe', "It isn't about the job offer, it's my fear of repeating the past.", "I'm not sure what to cook tonight."],
    ['reframe', 'Being respected for real work, not for a title', "I didn't go to the gym."],
    ['reframe', 'Not ambitious. Scared.', "Didn't sleep. Went to bed at two and woke at five and lay there."],
    ['really-about', 'it was never about the money', 'the film was about a dog'],
    ['really-is', 'the anger is really grief', 'the soup is hot'],
    ['then-now', 'I always thought I was just not a runner, but here I am', 'I ran 5k this morning'],
    ['been-doing', "I've been apologising for taking up space", "I've been to Leeds twice"],
    ['self-pattern', 'every time I get close to someone I find a reason to leave', 'we met every Tuesday'],
    ['cause-in-self', "that's why I never ask for help", 'the train was late because of the snow'],
    ['underneath', 'deep down I want them to be proud of me', 'the keys were under the mat'],
    ['aha', 'oh. it was never the job, it was my dad', 'Oh well'],
    ['owns-view', "She's right. I counted, and I cancelled four times this month.", 'I wrote the list'],
    ['how-to', 'learned how to bleed the radiators', 'the radiators are cold'],
    ['improvement', 'getting faster at the morning routine, 20 minutes now', 'the morning was grey'],
    ['measured', 'down to 12 minutes from 30', 'I have two sisters'],
    ['tip-if', 'if I lay my clothes out the night before I actually go', 'if it rains we stay in'],
    ['hard-feeling', 'so fed up with all of it', "I'm not stressed about it"],
    ['stuck', 'keep putting off the answer and nothing works', 'the answer came on Monday'],
    ['again', 'late again. third time this week', 'the meeting is at three'],
    ['open-question', 'why do I always do this?', 'I always take the bus'],
    ['fear-ahead', "That I'd fail in front of people who trusted me", 'people trusted me with the keys'],
    ['try-harder', 'I just need to try harder and get my act together', 'I tried the new café'],
    ['no-insight', "didn't realise anything new today", 'I realised I love the quiet'],
    ['reported-view', "Jake says I'm a pushover with the kids.", 'Jake says the match is on Sunday.'],
    ['reported-view', 'my coach told me I avoid conflict', 'my coach told us about the venue'],
    ['source-says', 'apparently I come across as cold', 'I came across an old photo'],
    ['hedged', 'maybe she is right, I guess', 'she is right about the date'],
    ['plan', 'Call the landlord on Friday', 'The landlord called'],
    ['gratitude', 'grateful for the quiet morning', 'the morning was quiet'],
    ['null-answer', 'nothing really', 'nothing was ever enough for him, and I took that in'],
    ['said-strongly', 'WHY does this keep happening!!', 'why does this keep happening'],
  ])('%s: "%s"', (signal, shows, looksLike) => {
    expect(fired(shows)).toContain(signal);
    expect(fired(looksLike)).not.toContain(signal);
  });
});

describe('words people type in a hurry read as the words they stand for', () => {
  it('reads "im not lazy its fear" as a reframe', () => {
    expect(fired('im not lazy its fear')).toContain('reframe');
  });
  it('reads "idk" as not knowing', () => {
    expect(fired('idk', { question: 'What do you see now that you did not see?' })).toContain('nothing-seen');
  });
});

describe('what the question asked for shifts the reading', () => {
  const value: AnswerContext = { question: 'And underneath that, what matters to you?', elicits: 'value' };
  const fear: AnswerContext = { question: 'What are you afraid might happen?', elicits: 'feeling' };

  it('a value named because the question asked for it', () => {
    expect(fired('Being respected for real work', value)).toContain('named-as-asked');
  });
  it('a fear named is a fear, unless it sees something', () => {
    expect(fired("That I'd fail in front of people who trusted me", fear)).toContain('fear-named');
    expect(fired("That they'd see I'm not as sure as I act. I've been performing confidence for years.", fear)).not.toContain('fear-named');
  });
  it('a realisation at the end of a chain is the chain\'s moment', () => {
    const chain: AnswerContext = {
      question: 'If that is true, what does it say about what you value?',
      elicits: 'value',
      previous: [
        { question: 'What are you afraid might happen?', text: "that I'd fail at the job" },
        { question: 'What matters to you?', text: 'being someone people can count on' },
      ],
    };
    const signals = fired("oh. it was never the job, it's that people count on me", chain);
    expect(signals).toContain('chain-end');
    expect(signals).toContain('chain-echo');
  });
  it('someone else\'s deep words are theirs: no insight signal in a reported sentence', () => {
    const signals = fired('My therapist says deep down I am afraid of being left.');
    expect(signals).toContain('reported-view');
    expect(signals).not.toContain('underneath');
  });
});
