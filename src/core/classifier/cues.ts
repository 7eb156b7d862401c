import type { Tokens } from './tokens.js';

/**
 * Cue phrases: the small, closed sets of words people use to express seeing, contrasting,
 * struggling, hedging or reporting, whatever the entry is about. No topic words (no hobbies, jobs
 * or tools): the classifier must read a breakthrough about a spreadsheet and a skill about grief
 * alike. Words as the tokenizer gives them (lower case, straight apostrophes); `*` is any one word.
 * Grounded in the language of insight in expressive writing (Pennebaker's insight and causal
 * words) and in Innovative Moments coding (reconceptualisation: then-and-now, contrast, the self
 * seen from outside).
 */
const CUE_PHRASES = {
  // Seeing something: the verb of a realisation.
  insightVerb: `realise | realised | realising | realisation | understand | understood | see now | i see | i can see | saw that | see that |
    it hit me | hit me | dawned on me | it dawned | occurred to me | noticed | notice | figured out | worked out that | clicked | it clicks |
    makes sense now | made sense | penny dropped | get it now | i get it | know now | now i know | learned that | discovered | recognise |
    recognised | admit | admitted | i think i | it's clear | clear to me | seeing | sank in | landed | woke me up`,
  // A contrast word after a negation: "not X but Y", "it isn't X, it's Y".
  contrast: `but | it's | it is | it was | rather | instead | actually | really | just | only | more | it's more | what it is | that's`,
  negation: `not | never | no | isn't | wasn't | aren't | weren't | don't | doesn't | didn't | can't | won't | no longer | nothing | nobody | hardly`,
  aboutFrame: `never about | not about | isn't about | wasn't about | not really about | never really about | really about | actually about |
    all about | not because | more about | less about | about me | about myself`,
  reallyIs: `is really | was really | 's really | is actually | was actually | are really | were really | is secretly | was always | has always been |
    was just | is just | it's really | it's actually | it was really | it was actually | it's always been | it was always`,
  thenNow: `used to think | used to believe | used to tell myself | always thought | always believed | always assumed | always told myself |
    i thought i was | i thought it was | thought i was | for years | for so long | my whole life | all along | this whole time | all this time |
    all these years | the whole time | turns out | it turns out | never saw | never noticed | didn't see | couldn't see | i was wrong about |
    now i see | now i know | not anymore | no longer | i had it backwards | had it backwards | the opposite`,
  beenDoing: `i've been | i have been | i been | i'd been | i had been | i was always | i've always been | i'm always`,
  pattern: `every time i | whenever i | each time i | every single time | i always | i keep | keep doing | always end up | the same thing |
    again and again | same pattern | pattern | that's what i do | what i always do | i do this | i do that | i tend to | every relationship`,
  causeWord: `because | that's why | which is why | this is why | comes from | came from | stems from | goes back to | learned it from |
    got it from | since i was | from my | so that i | so i don't | so i never | so nobody | to avoid | protects me | protecting myself |
    my way of | a way to`,
  underneath: `underneath | deep down | beneath | the real reason | the real thing | the real fear | the real problem | the real issue |
    the real question | what i really | what i actually | at the core | the root | the heart of it | if i'm honest | if i'm being honest |
    honestly | the truth is | truth is | to be honest | the thing is | what's really | what it really`,
  aha: `oh | huh | wow | whoa | hmm | oh god | oh shit | holy shit | damn | fuck | oh man | jeez | it clicked | penny dropped | that's it |
    there it is | of course | funny | weird`,
  owns: `is right | 's right | was right | were right | 're right | had a point | has a point | not wrong | wasn't wrong | isn't wrong |
    i checked | i counted | i looked back | looked back | i went back | went back | went through | i looked at | i paid attention |
    caught myself | i watched myself | she's right | he's right | they're right | it's true | he was right | she was right | fair point`,
  resolve: `i'm done | done with | from now on | no more | i don't have to | i don't need to | i get to | i can choose | i want to stop |
    time to stop | i'm going to stop | i'm allowed | i can let | i refuse | not anymore`,
  selfWorth: `worth | worthy | enough | deserve | deserved | allowed | burden | approval | permission | proud | identity | who i am | kind of person |
    someone who | the person who | love | loved | lovable | needed | wanted | belong | failure | fraud | good enough | not enough | value |
    values | matter | matters | safe | control | rules | rule | fear | afraid | scared | shame | guilt | grief | lonely | trust`,

  // Skill: doing something better.
  howTo: `how to | learned to | learned how | figured out how | worked out how | got the hang | the trick | the key is | the secret is |
    showed me how | taught me | teach me | i can now | now i can | can finally | finally got | finally managed | managed to | learned the |
    practice | practise | practised | practiced | practicing | practising | technique | method | routine | system | tip | hack | step by step`,
  improvement: `better | worse at | half the time | twice as | less than | more than before | now i | i can | can do | got through | paid off | finally get | get how | figured out | found out that | learned that | started using | set up | switched to | tried the | the rule | rule | shortcut | cleaner | calmer | it worked | nailed | sorted | on top of | down to | went from | no longer have to | better at | getting better | got better | faster | quicker | easier | improved | improving | improvement | more efficient |
    efficient | for the first time | first time | personal best | my best | less time | more time | on time | progress | level up |
    works better | worked better | much better | way better | smoother | less stressful | streak | in a row | consistent | consistently`,
  works: `works | worked | working | helps | helped | saves | saved | fixed | solved | does the trick | did the trick | made a difference |
    makes a difference | game changer | life saver | lifesaver`,
  tipIf: `if i | when i | once i | as long as i | the night before | the day before | before i | first thing`,

  // Challenge: struggle and worry.
  negativeFeeling: `stupid | husk | mess up | messed up | screwed up | screw up | doesn't help | didn't help | running out | not one person | empty | worst | alone | pathetic | idiot | failure | useless | hard | difficult | rough | shit day | bad day | so tired | wrecked | knackered | frustrated | frustrating | frustration | stuck | annoyed | annoying | angry | furious | pissed | fed up | sick of | tired of |
    exhausted | overwhelmed | overwhelming | struggling | struggle | struggled | stressed | stress | stressful | anxious | anxiety | worried |
    worry | worrying | dread | dreading | hopeless | useless | pointless | miserable | gutted | devastated | lonely | awful | terrible |
    horrible | hate | hated | sad | depressed | numb | drained | burnt out | burned out | crying | cried | tears | panic | panicking |
    scared | afraid | terrified | hurt | hurts | upset | ashamed | embarrassed | nervous | sick | lost | broken | ugh | argh | shit | crap |
    fucking | fuck | fucked | bloody | damn | rubbish | disaster | nightmare | can't cope | can't sleep | no sleep | heavy | crushing`,
  stuck: `i can't | can't | don't know what | don't know how | don't know where | don't know if | where that leaves me | no way | doesn't work | it doesn't work | won't work | no point | keep messing | always mess | stuck | can't seem | cannot seem | keep failing | nothing works | nothing helps | nothing changes | no idea how | i give up | give up |
    don't know what to do | don't know how | going in circles | round in circles | same as always | same old | getting nowhere | no progress |
    can't get | can't make | can't stop | can't focus | can't do | couldn't do | couldn't get | failed again | keep putting off | putting it off |
    keep avoiding | avoiding it | procrastinating | behind on | falling behind | what's the point`,
  again: `again | still | another | once more | third time | fourth time | every day | every night | every week | for weeks | for months |
    weeks now | months now | days now | same thing | yet again`,
  openQuestion: `why do i | why am i | why can't i | why does | why did i | why is it | what's wrong with me | what is wrong with me | how do i |
    how am i | what do i do | what am i doing | i don't know why | i don't know what | i don't know how | i don't know if | i don't know whether`,
  fearAhead: `what if | afraid that | afraid of | afraid i | scared that | scared of | scared i | terrified of | terrified that | worried that |
    worried about | worried i | that i'd | that i'll | that i will | that i would | that i might | that i'll be | that they'd | that they'll |
    that they will | that he'd | that she'd | that people | i'd fail | i'll fail | i might fail | i'll lose | i'd lose | end up like | end up alone |
    they'll think | they'd think | people will think | found out | exposed | let them down | let everyone down | look stupid | look like a`,
  tryHarder: `try harder | trying harder | push through | push harder | just need to | i just need | i should just | have to just | i need to be more |
    get my act together | man up | suck it up | do better | be better | be more disciplined | work harder | more discipline | grind`,
  noInsight: `nothing new | nothing clicked | nothing changed | no insight | no realisation | no breakthrough | no epiphany | same as ever |
    went through the motions | nothing came | nothing really | not really | not much | nothing yet | no idea | not sure yet`,

  // External: someone else's view.
  reportVerb: `seem | reckons i | says i'm | said i'm | told her | think i | thinks i'm | thought i | wants me to | asked if i | says it's | called it | keeps calling | said | says | say | told me | tells me | thinks | think | believes | reckons | reckon | pointed out | points out | suggested | suggests |
    insists | claims | called me | calls me | described me | describes me | keeps saying | mentioned | labelled me | labeled me | diagnosed |
    sees me as | thinks of me as | is convinced | was convinced | accused me | accuses me | wrote | noted | observed | commented | shows | showed |
    said that | says that | thinks that | thinks i | told me that | swears | warned me | keeps telling me | kept telling me`,
  source: `according to | apparently | supposedly | the test | the quiz | the results | my results | the report | the book | the article | the assessment |
    the feedback | my feedback | the review | my review | the podcast | the video | my horoscope | my chart | the doctor | the diagnosis`,
  hedge: `maybe | perhaps | i guess | i suppose | possibly | might be | could be | who knows | not sure if | not sure whether | not sure about |
    i don't know if | whatever | if you say so | fair enough | probably | kind of | sort of | i dunno | i wonder`,

  // Neutral: plans, events, thanks, nothing.
  plan: `will | i'll | going to | gonna | tomorrow | tonight | next week | this week | this weekend | next month | on monday | on tuesday |
    on wednesday | on thursday | on friday | on saturday | on sunday | by monday | by tuesday | by wednesday | by thursday | by friday |
    by the weekend | by the end of | before the end | first thing | plan to | planning to | i want to try | i'm going to | let's`,
  events: `went | went to | had | got | came | took | met | watched | drove | walked | cooked | bought | visited | picked up | dropped off |
    today | yesterday | this morning | this afternoon | this evening | last night | tonight | at the | for dinner | for lunch | then we | we went |
    we had | arrived | booked | finished | started | called`,
  gratitude: `grateful | thankful | gratitude | thanks for | thank god | blessed | appreciate | appreciated | lucky to | glad`,
  nullAnswer: `nothing | nothing really | not really | not sure | don't know | i don't know | no | nope | n a | pass | none | nothing yet | not yet |
    no idea | can't think | nothing comes | nothing much | not much | same | same as before | skip`,
} as const;

export type Cue = keyof typeof CUE_PHRASES;
export const CUE_NAMES = Object.keys(CUE_PHRASES) as Cue[];

/** A cue found in an entry: which one, and the tokens it covers. */
export interface CueMatch {
  cue: Cue;
  from: number;
  to: number;
  sentence: number;
}

interface Phrase {
  cue: Cue;
  words: string[];
}

/** Phrases by their first word, so each token is looked up once. */
const BY_FIRST = new Map<string, Phrase[]>();
for (const cue of CUE_NAMES) {
  for (const phrase of CUE_PHRASES[cue].split('|')) {
    const words = phrase.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const list = BY_FIRST.get(words[0]!) ?? [];
    list.push({ cue, words });
    BY_FIRST.set(words[0]!, list);
  }
}

/** Every word any cue uses: the vocabulary of how people say things, as opposed to what about. */
export const CUE_WORDS: ReadonlySet<string> = new Set([...BY_FIRST.values()].flat().flatMap((p) => p.words).filter((w) => w !== '*'));

/** All cue phrases in the entry, in order; a phrase never runs across a sentence. */
export function findCues(t: Tokens): CueMatch[] {
  const found: CueMatch[] = [];
  const { tokens } = t;
  for (let i = 0; i < tokens.length; i++) {
    const phrases = BY_FIRST.get(tokens[i]!.word);
    if (!phrases) continue;
    for (const { cue, words } of phrases) {
      let ok = i + words.length <= tokens.length;
      for (let k = 1; ok && k < words.length; k++) {
        const token = tokens[i + k]!;
        ok = token.sentence === tokens[i]!.sentence && (words[k] === '*' || token.word === words[k]);
      }
      if (ok) found.push({ cue, from: i, to: i + words.length, sentence: tokens[i]!.sentence });
    }
  }
  return found;
}

/** Matches grouped by cue, for signals that ask "is there a contrast in this sentence?". */
export function byCue(matches: readonly CueMatch[]): Map<Cue, CueMatch[]> {
  const grouped = new Map<Cue, CueMatch[]>();
  for (const m of matches) {
    const list = grouped.get(m.cue);
    if (list) list.push(m);
    else grouped.set(m.cue, [m]);
  }
  return grouped;
}
