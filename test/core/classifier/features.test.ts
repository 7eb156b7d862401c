import { describe, expect, it } from 'vitest';
import { ruleHits } from '../../../src/core/classifier/classify.js';

const fired = (text: string) => new Set(ruleHits(text).hits.map((h) => h.rule));

// How a realisation is put, whatever it is about: each rule on a sentence that shows it, and on one
// that only looks like it.
describe('the rules of how a realisation is put', () => {
  it.each([
    ['not-but', 'its lonely not lazy', "I'm not sure what to do"],
    ['not-but', "im not being useful, im buying a seat at the table", "didn't go to the gym today"],
    ['been-doing', 'I have been picking jobs the way a visa officer would', 'I have been to Leeds twice'],
    ['aha', 'oh. it was never the job', 'Oh well'],
    ['never-was', 'Security was never the point', 'It was never going to rain'],
    ['never-was', "Lazy was Dad's word. It was never mine.", 'It was never easy'],
    ['been-doing', 'ive been grievin a man whos alive', 'I have been in Leeds since May'],
    ['didnt-know', "Being honest matters more to me than being liked. Didn't know that.", "I didn't know that the shop was shut"],
  ])('%s: "%s"', (rule, shows, looksLike) => {
    expect(fired(shows)).toContain(rule);
    expect(fired(looksLike)).not.toContain(rule);
  });
});
