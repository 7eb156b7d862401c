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
    ['putting-off', 'My manager offered me the lead role and I keep putting off the answer', 'I put the kettle on and the answer came to me'],
    ['putting-off', 'still avoiding the call from the bank', 'I avoided the traffic by leaving early'],
    ['again', 'Slipped. Told Pat. Day 1 again.', 'I will try that again tomorrow'],
    ['setback', 'Second simulator check failed, same scenario', 'I checked the simulator schedule'],
    ['setback', 'CNESST refused. The appeal form is 19 pages.', 'I refuelled the van at noon'],
    ['setback', 'Same as last week. Résumé still not sent.', 'Same time next week for lunch'],
    ['self-correction', 'honestly? for my mom to stop needing me. wait no. for ME to stop needing her to need me', 'wait for me at the gate, no rush'],
    ['self-correction', "i'm the one who needs it huge", 'the one who called was Sam'],
    ['self-correction', "being the best. well. thats what i say. its always been the gang", 'well, I said yes'],
    ['again', 'she shouted at me again, and nobody said anything', 'against the wall'],
    ['how-to', 'tip: write the email before opening the inbox', 'I left a tip for the waiter'],
    ['frustration', 'nothin. whats the point', 'the point of the meeting was the budget'],
    ['frustration', "haven't slept past 4 since tuesday", 'slept well, up at 7'],
    ['open-question', 'i dont even know anymore. work sleep work sleep', 'I know the way now'],
    ['aha', 'oh. it was never the job', 'Oh well'],
    ['never-was', 'Security was never the point', 'It was never going to rain'],
    ['never-was', "Lazy was Dad's word. It was never mine.", 'It was never easy'],
    ['been-doing', 'ive been grievin a man whos alive', 'I have been in Leeds since May'],
    ['didnt-know', "Being honest matters more to me than being liked. Didn't know that.", "I didn't know that the shop was shut"],
    ['really-is', 'I see now that the anger I feel at my sister is really grief about our mother', "It's really cold today"],
    ['really-is', 'perfectionism is just fear in a nice outfit', 'it was just a long day'],
    ['once-believed', 'Always told myself I was thick with numbers', 'I told my sister about the trip'],
    ['once-believed', 'Forty years I said I am no cook', 'Forty people came to the party'],
    ['once-believed', 'been tellin people im not a mornin person', 'been to the shops'],
    ['maybe-self', 'maybe its that i dont want to be seen trying', "maybe she's right"],
    ['maybe-self', "Maybe I'm not bad at relationships", "Maybe I'll go tomorrow"],
    ['maybe-self', 'I think I choose partners who need fixing because being needed feels safer', 'I think it will rain'],
    ['actually-self', "what I'm actually scared of is being ordinary", 'I actually enjoyed the film'],
    ['actually-self', 'the mucking up is the same every day. its me thats different', "it's me again"],
    ['no-wonder', 'no wonder im knackered', 'I wonder if the shop is open'],
    ['no-wonder', 'thats why nobody stays', 'that was the plan'],
    ['only-when', "I'm only quiet when I've decided nobody wants to hear it", 'I only had an hour today'],
    ['only-when', 'I am shy only in English', 'Only two people came'],
    ['then-now', 'used to be one bottle holding everything up, now its work', 'I used to live in Leeds'],
    ['then-now', 'now I see why I never finish anything', 'now I need to go to the shop'],
    ['same-as', 'The panic before the flight is the same panic as Sunday lunch', 'Same as always'],
    ['same-as', "that is word to word what Amma used to say to Appa", 'I wrote a word on the board'],
    ['never-knew', 'never knew that was an option', 'I never go to the gym'],
    ['never-knew', "I had no idea I was still carrying it", 'I had no idea how to fix the boiler'],
    ['rather-than', "id rather be exhausted than find out if im smart enough", "I'd rather have tea"],
    ['displaced', "I'm grieving Alan and taking it out on the sopranos", 'I took the bins out on Monday'],
    ['displaced', 'im frightened and i dont know how to say it so it comes out as the bins', 'the film came out in May'],
  ])('%s: "%s"', (rule, shows, looksLike) => {
    expect(fired(shows)).toContain(rule);
    expect(fired(looksLike)).not.toContain(rule);
  });
});
