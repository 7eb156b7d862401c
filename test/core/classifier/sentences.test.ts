import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/classifier/sentences.js';

describe('splitSentences', () => {
  it.each([
    ['plain stops', 'It was fear. I see it now!', ['It was fear.', 'I see it now!']],
    ['line breaks end a sentence', 'first thought\nsecond thought', ['first thought', 'second thought']],
    ['lower case with no capitals still splits', 'its not the ward. i stopped letting anyone in', ['its not the ward.', 'i stopped letting anyone in']],
    ['a decimal is one sentence', 'Ran 3.5k today. Felt fine.', ['Ran 3.5k today.', 'Felt fine.']],
    ['a title is no end', 'Dr. Patel says it is fear. I agree.', ['Dr. Patel says it is fear.', 'I agree.']],
    ['e.g. and i.e. are no end', 'Small things, e.g. dishes. Next.', ['Small things, e.g. dishes.', 'Next.']],
    ['"No." still ends a sentence', 'No. I think it was fear.', ['No.', 'I think it was fear.']],
    ['closing quotes stay with their sentence', '"Stop." Then I went.', ['"Stop."', 'Then I went.']],
    ['Japanese full stops and marks', 'これは本当だ。恐れだった！', ['これは本当だ。', '恐れだった！']],
    ['a web address is one word', 'I read it on gov.uk today', ['I read it on gov.uk today']],
    ['marks with no words are dropped', '... !!\n\n', []],
  ])('%s', (_name, text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it('keeps offsets that point back at each sentence', () => {
    const text = '  Dr. Ng said so.\n  これは本当だ。 and then?';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});
