import type { Label } from '../prompt-set.js';

/**
 * The rules the classifier reads a sentence with. Each is a pattern over the sentence and a plain
 * description shown to the writer as evidence. Word lists are our own, grounded in what is known
 * about the language of insight: LIWC's insight and causal categories (Pennebaker's
 * expressive-writing findings), reframes and past-versus-present contrasts, the self next to
 * values, fears, beliefs and patterns (re-conceptualisation in Innovative Moments coding).
 */
export interface Rule {
  id: string;
  /** The label the rule speaks for; the learned weights decide how much. */
  leans: Label;
  why: string;
  /** The rule fires when any of its patterns matches. */
  pattern: RegExp | RegExp[];
}

const w = (words: string) => words.trim().split(/\s*\|\s*/).join('|');

const SELF = String.raw`\b(?:i|i'm|i've|i'd|i'll|me|my|myself|mine)\b`;
const INSIGHT_VERB = w(`reali[sz]e[ds]? | realising | realizing | realisation | realization | understand | understood | understanding | recogni[sz]e[ds]? |
  see now | saw that | i see it | i can see | it hit me | hit me | dawned on me | it dawned | occurred to me | noticed | notice | i figured out | figured out that |
  learn(?:ed|t) that | know now | now i know | i get it now | makes sense now | clicked | insight | epiphany | aha | penny dropped | woke me up`);
const DEEP = w(`value[sd]? | values | matter(?:s|ed)? to me | what matters | fear | fears | afraid | scared | terrified | belief | believe[ds]? | worth | worthy |
  enough | identity | who i am | who i want to be | pattern | shame | ashamed | approval | love[ds]? | lovable | trust | need(?:ed)? to be | safe | safety |
  protect(?:ing|ed)? | control | perfect | perfectionism | failure | fail(?:ing)? | abandon(?:ed)? | rejected | rejection | deserve | guilt | guilty |
  proving | prove | permission | burden | belong | accepted | seen | invisible | needed | lonely | alone | inadequate | fraud | imposter | impostor`);
export const RULES: readonly Rule[] = [
  // Breakthrough: reframes, before-and-after understanding, the self next to what runs deep.
  {
    id: 'reframe',
    leans: 'breakthrough',
    why: 'reframe ("not X but Y", "it was never about X")',
    pattern: [
      /\b(?:it|this|that)(?:'s| is| was|n't| isn't| wasn't| was never| is not| was not| has never been)(?: really| actually| even| obviously)? (?:never |not |n't )?(?:about|the)\b.{0,80}\b(?:it's|it is|it was|but|rather)\b/i,
      /\bnever (?:really )?(?:been |was )?about\b|\bnot because\b.{0,60}\bbut because|\bwasn't really\b|\bisn't really\b|\bit's not that\b.{0,60}\bit's that/i,
      /\bwhat i (?:thought|called|saw|took|labelled|named) (?:was |as |for )?.{0,60}\b(?:is|was|it's) (?:actually|really|just)/i,
      /\b(?:treating|treated|seeing|saw|mistaking|mistook|calling|called) .{1,60} (?:as|for|by) .{1,40}(?: when|\.|,|$)/i,
      /\b(?:is|was|it's|are|were) (?:actually|really|secretly|just) (?:about |a |an |my |me |grief|fear|guilt|shame|anger|loneliness|envy|jealousy)/i,
      /\b(?:this whole time|all along|the whole time)\b/i,
      /\bwasn't (?:weakness|laziness|failure|selfish|about)|\bisn't (?:laziness|weakness|about)|\bnot (?:lazy|weak|ambitious|generous|kind|brave|tired)\b[^.]{0,10}\./i,
      /\ba different (?:thing|problem|skill|question)\b/i,
      /\b(?:it's|it is|it was|it was always|that's|what i (?:want|need|care about|miss) is)\b.{2,60},\s*not (?:the |a |an |my |about |just )?\w+/i,
    ],
  },
  {
    id: 'past-present',
    leans: 'breakthrough',
    why: 'then-and-now understanding ("I always thought... but", "for years I")',
    pattern: /\b(?:i (?:always|used to|had always|'d always|have always|'ve always|just) (?:thought|think|believed|believe|assumed|assume|told myself|figured|said|called it|put it down to)|i thought i was|for (?:years|so long|my whole life|decades|a long time),? i|all (?:this|that|these) (?:time|years)|i(?:'ve| have) been (?:telling myself|treating|pretending|acting as if|waiting for|trying to prove|chasing|hiding|running from|protecting|calling|using|confusing|mistaking|blaming|apologi[sz]ing|performing|punishing|carrying|living)|turns out|it turns out|the truth is|truth is|i was wrong about (?:myself|me|why)|has always been my)\b/i,
  },
  {
    id: 'realise-self',
    leans: 'breakthrough',
    why: 'a realisation about yourself ("I see now that I...")',
    pattern: new RegExp(String.raw`\b(?:${INSIGHT_VERB})\b.{0,40}?(?:\bthat i\b|\bi'm\b|\bi am\b|\bi've\b|\bi was\b|\bi have\b|\bi need\b|\bi want\b|\bmy\b|\bmyself\b|\bi\b)`, 'i'),
  },
  {
    id: 'self-deep',
    leans: 'breakthrough',
    why: 'yourself next to values, fears, beliefs or worth',
    pattern: new RegExp(String.raw`${SELF}.{0,50}\b(?:${DEEP})\b|\b(?:${DEEP})\b.{0,30}${SELF}`, 'i'),
  },
  {
    id: 'pattern',
    leans: 'breakthrough',
    why: 'a pattern in yourself ("every time I...")',
    pattern: /\b(?:every (?:single )?time (?:i|someone|anyone|he|she|they)|everything i(?:'ve)? ever|whenever i|each time i|again and again|the same (?:pattern|thing) (?:again|every)|keep (?:choosing|picking|ending up|repeating|blaming)|i keep (?:picking|choosing|ending up|doing this|falling|running|pushing|pulling)|i always end up|that's why i|which is why i|this is why i|that's how (?:little|much|often) i|i heard my own voice|learn(?:ed|t) (?:it|that) from (?:me|my|mum|mom|dad))\b/i,
  },
  {
    id: 'underneath',
    leans: 'breakthrough',
    why: 'looking underneath ("deep down", "what I really need")',
    pattern: /\b(?:underneath|deep down|beneath (?:it|that|all)|at the root|the real reason|the reason i|what i (?:really|actually) (?:want|need|fear|care about|value|wanted|needed)|at (?:its|the) core|the real (?:fear|problem|issue|thing)|it's strange to admit|i have to admit|hard to admit|if i'm honest|if i'm being honest|honestly,? i think i)\b/i,
  },
  {
    id: 'self-function',
    leans: 'breakthrough',
    why: 'what a habit of yours protects you from ("my way of never having to...")',
    pattern: /\b(?:my way of|a way (?:of|to) (?:avoid|never|not)|so (?:that )?(?:i(?:'m| am)? )?(?:never|don't|do not|wouldn't|won't) (?:have to|be|feel|need)|so i'm never|to avoid (?:feeling|being|having|looking)|getting to the exit first|before (?:they|anyone|someone|he|she) (?:can|could)|protect(?:ing)? myself|keeps me safe|just safe|because close is|i'm (?:tired|scared|afraid) of (?:performing|being|not being|letting))\b/i,
  },
  {
    id: 'cause-self',
    leans: 'breakthrough',
    why: 'a cause found in yourself ("because I learnt...")',
    pattern: new RegExp(String.raw`\b(?:because|comes from|came from|stems from|rooted in|goes back to|learn(?:ed|t) (?:early|as a kid|as a child|growing up)|since i was (?:a kid|little|young))\b.{0,40}${SELF}`, 'i'),
  },
  {
    id: 'owning',
    leans: 'breakthrough',
    why: 'owning a conclusion with your own evidence ("she\'s right: I...")',
    pattern: /\b(?:(?:she|he|they|you|mum|mom|dad)(?:'s| is| was| were|'re) (?:right|not wrong)|i (?:agree|have to admit|can't deny|counted|checked|looked back|searched|went through|tracked|paid attention|started paying attention|watched myself|caught myself)|i(?:'ve| have) been paying attention|looking (?:back )?at (?:it|my|the last|last)|it's true|i can see it now|(?:she|he|they) had a point|i went back (?:through|over)|then i (?:searched|counted|checked|looked|noticed|caught))\b/i,
  },
  {
    id: 'resolve',
    leans: 'breakthrough',
    why: 'an urge to act on what you saw ("I\'m done with that")',
    pattern: /\b(?:i'm done (?:with|being|pretending)|from now on|no more (?:pretending|hiding)|i want to stop|i'm going to stop|time to stop|i don't have to|i can (?:learn|choose|stop|let)|i get to choose)\b/i,
  },

  // How a realisation is put, whatever it is about: a restatement after a negation, what one has
  // been doing all along, a sudden "oh.", something that "was never" what it seemed.
  {
    id: 'not-but',
    leans: 'breakthrough',
    why: 'a restatement ("not lazy, lonely", "I\'m not X, I\'m Y")',
    pattern: [
      /\b(?:not|never|isn't|isnt|wasn't|wasnt|aren't|ain't|aint)\b(?! (?:sure|really|much|know|yet|at all|to mention)\b)[^.!?]{1,60}?\b(?:it's|its|it is|it was|i'm|im|i am|i was|that's|thats|just|only|but|rather|instead|really|actually)\b/i,
      /\b(?:it's|its|it is|it was|i'm|im|i am|that's|thats) [a-z']+(?: [a-z']+){0,3},? not (?:the |a |an |my |about |being )?[a-z']+/i,
    ],
  },
  {
    id: 'been-doing',
    leans: 'breakthrough',
    why: 'naming what you have been doing all along ("I\'ve been apologising for…")',
    // "been runnin", "been thinkin'": the g is often dropped.
    pattern: /\b(?:i've|ive|i have|i'd|i had|i) been [a-z]{3,}in(?:g|')?(?![a-z])/i,
  },
  {
    id: 'aha',
    leans: 'breakthrough',
    why: 'a moment of seeing ("oh.", "huh.")',
    // A sentence of its own ("oh."), or followed by a comma ("huh, so it was"); not "oh well".
    pattern: /^(?:oh+|huh|wow|whoa|hm+|ha)(?:[.!]+$|[,!]+\s*\S)/i,
  },
  {
    id: 'didnt-know',
    leans: 'breakthrough',
    why: 'something you did not know until now ("Didn\'t know that.")',
    pattern: /\b(?:didn't|did not|never|hadn't) (?:know|realise|realize|see|notice|clock)(?:d)? (?:that|it|this)(?: before| until now| till now)?\s*[.!]*$/i,
  },
  {
    id: 'never-was',
    leans: 'breakthrough',
    why: 'what it never was ("security was never the point")',
    pattern: /\b(?:was|is|were|are|has)(?: actually)? never (?:been )?(?:about|the|really|my|mine|me|a|an)\b/i,
  },

  // General forms a realisation takes in any life, and in plain, hedged or non-native writing
  // (apostrophes optional: "im", "thats", "dont"). Each begins with a word, never a wildcard.
  {
    id: 'really-is',
    leans: 'breakthrough',
    why: 'what something really is ("the anger is really grief")',
    pattern: /\b(?:is|was|are|were|it's|its|that's|thats)(?: all)? (?:really|actually|secretly|just|only) (?:about|because|grief|fear|guilt|shame|anger|envy|jealousy|loneliness|love|pride|panic|sadness|hurt|me|my|mine|i|being|proof|a way|a fear|what|how|the same|scared|afraid|terrified|frightened|lonely)\b/i,
  },
  {
    id: 'once-believed',
    leans: 'breakthrough',
    why: 'what you always told yourself ("always told myself I was...", "forty years I said")',
    pattern: [
      /\b(?:always|often) (?:said|say|told|tell|thought|think|believed|believe|called it|reckoned|figured|assumed)(?: people| myself| everyone| everybody)? (?:that |to myself )?(?:i|i'm|im|i was|i am|my|it was|it's|its|we)\b/i,
      /\bused to (?:think|say|believe|tell (?:myself|people|everyone)|call (?:it|myself))\b/i,
      /\b(?:years|decades|ten|twenty|thirty|forty|fifty|\d+) (?:years )?i (?:said|thought|told|believed|called|been (?:saying|telling|thinking|tellin|thinkin|sayin))\b/i,
      /\bbeen (?:tellin|telling|sayin|saying) (?:myself|people|everyone|everybody)\b/i,
    ],
  },
  {
    id: 'maybe-self',
    leans: 'breakthrough',
    why: 'a tentative realisation about yourself ("maybe it\'s that I...")',
    pattern: [
      /\b(?:maybe|perhaps)(?:,| it's| its| it is| it was| the reason is| that's why| thats why| because)? (?:that )?(?:i(?!'ll|'d)|i'm|im|i am|i was|i've|ive|my)\b(?! (?:will|should|could|might|would|need to (?:call|buy|book|go)|am going|'m going|wrong|was wrong|am wrong|go|try)\b)/i,
      /\bi think (?:it's |its |the reason is |that's why |thats why |maybe )?(?:that )?(?:i|i'm|im|i've|ive) (?:only|just|keep|always|never|choose|chose|pick|use|used|need|want|am|was|been|do it|did it|care|hide|avoid|push|run)\b/i,
    ],
  },
  {
    id: 'actually-self',
    leans: 'breakthrough',
    why: 'what you are actually doing or feeling ("what I\'m actually scared of")',
    pattern: /\b(?:what (?:i'm|im|i am|i was|i've been|ive been) (?:actually|really) |(?:it's|its|it is|it was) me (?:that|thats|that's|who)\b|the (?:problem|issue|common factor|common thread) (?:is|was) me\b)/i,
  },
  {
    id: 'no-wonder',
    leans: 'breakthrough',
    why: 'an explanation found ("no wonder I...", "that\'s why")',
    pattern: /\b(?:no wonder|(?:that|this|which) explains\b|explains why|(?:that's|thats|that is|this is|so that's|so thats) why (?:i|i'm|im|we|my|nobody|no one|everyone|he|she|they)\b|(?:it|that|this|everything) makes sense now|now (?:it|that|everything) makes sense)/i,
  },
  {
    id: 'only-when',
    leans: 'breakthrough',
    why: 'when it really happens ("I\'m only quiet when...", "shy only in English")',
    pattern: [
      /\b(?:i|i'm|im|i am|i was|i feel|i get)(?: [a-z']+){0,3} only (?:when|because|if|in front of|around|with|in|for|ever)\b/i,
      /\b(?:i|i'm|im|i am) only [a-z']+(?: [a-z']+){0,3} (?:when|because|if|around|in front of)\b/i,
      /\bonly (?:ever )?(?:when|because) (?:i|i'm|im|someone|somebody|people|nobody|no one)\b/i,
    ],
  },
  {
    id: 'then-now',
    leans: 'breakthrough',
    why: 'then against now ("used to be..., now...", "now I see why")',
    pattern: [
      /\bused to\b[^.!?]{0,80}\b(?:now|these days|anymore|any more|no longer)\b/i,
      /\bnow i (?:see|know|understand|get it|realise|realize|can see)\b/i,
      /\bback then\b[^.!?]{0,80}\bnow\b/i,
    ],
  },
  {
    id: 'same-as',
    leans: 'breakthrough',
    why: 'a likeness seen ("the same panic as...", "word for word what Mum said")',
    pattern: /\b(?:the same (?!as\b|thing again\b|again\b)[a-z]+ (?:as|that)\b|(?:exactly|just) like (?:my|mum|mom|dad|he|she|they|him|her)\b|exactly what (?:my|mum|mom|dad|he|she|they) (?:used to|said|did|does)|word (?:to|for) word\b)/i,
  },
  {
    id: 'never-knew',
    leans: 'breakthrough',
    why: 'something about yourself you never knew ("never knew that was an option")',
    pattern: /\b(?:never (?:knew|realised|realized|noticed|clocked) (?:that|it|how|i|i'd|i was|what|this)\b|(?:didn't|didnt|did not) know (?:i|i'd|i was|i could|how much i|who i)\b|had no idea (?:i|i'd|i was|how much i|that i)\b)/i,
  },
  {
    id: 'rather-than',
    leans: 'breakthrough',
    why: 'what you would rather bear, and what that says ("I\'d rather be exhausted than find out")',
    pattern: /\b(?:i'd|id|i would) rather (?:be|feel|look|stay|keep|do|have|lose|fail|work|say)\b[^.!?]{0,60}\bthan\b/i,
  },
  {
    id: 'displaced',
    leans: 'breakthrough',
    why: 'a feeling that comes out somewhere else ("taking it out on...", "it comes out as...")',
    pattern: /\b(?:taking it out on|take it out on|took it out on|takin it out on|comes out as|came out as|it comes out|it came out)\b/i,
  },
  {
    id: 'self-correction',
    leans: 'breakthrough',
    why: 'a first answer, then a truer one ("wait no", "that\'s what I say", "I\'m the one who")',
    pattern: [
      /\b(?:wait,? no|no,? wait|actually,? no|or rather|scratch that)\b/i,
      // "...that's what I say." / "that's what I tell people, anyway": the answer given, not the true one.
      /\b(?:that's|thats|that is) what i (?:always )?(?:say|tell)(?: (?:people|everyone|everybody|myself|them))?(?=[.!,;]|\s*$|\s+(?:but|anyway)\b)/i,
      /\b(?:i'm|im|i am|i was|it's me|its me|it was me) the one (?:who|that|whos|who's)\b/i,
    ],
  },

  // Skill: technique, tools, habits, productivity, even when told with insight words.
  {
    id: 'how-to',
    leans: 'skill',
    why: 'learning how to do something',
    pattern: /\b(?:how to|how (?:it|this|that|they|the \w+) works?|learn(?:ed|t|ing)? (?:to|how|the|basic)|figured out (?:how|why my|the)|worked out (?:that if|how)|got the hang of|the trick is|tip(?=:)|trick|hack|showed me (?:how|her way|his way|the)|taught me (?:how|to)|had me (?:breathe|try|do)|the (?:instructor|coach|teacher|director|physio) (?:had|showed|spent)|properly (?:and|for)|basics)\b/i,
  },
  {
    id: 'productivity',
    leans: 'skill',
    why: 'productivity or progress on a habit',
    pattern: /\b(?:productive|productivity|efficien(?:t|cy)|saves? (?:me )?(?:time|an hour|\d+|so much|minutes|hours|about)|saved (?:about )?£?\d|time management|get more done|focus(?:ed)? (?:better|for)|streak|days? in a row|games? in a row|\d+ days? straight|personal best|\bpb\b|faster|improv(?:ed|ing|ement)|getting better at|better at|level(?:led)? up|progress|practi[cs](?:e|ed|ing)|habit|works (?:so much )?(?:better|well) for me|works for me|for the first time|i can now|can finally|managed to|first (?:proper|full|ever)|half the time|twice as (?:often|fast|much)|instead of (?:twenty|ten|an hour|\d+|typing|scrolling|after)|takes (?:two|five|ten|\d+) minutes|what fixed|the difference is|made (?:a|all the) difference|stupidly simple|game[- ]changer|went well|\bwin\b|nailed|switching to|switched to|moved my \w+ (?:sessions? )?to|started (?:outlining|using|writing|putting|laying|meal)|meal-?prep(?:ped)?|the only thing that (?:stops|helps|works))\b/i,
  },
  {
    id: 'tip',
    leans: 'skill',
    why: 'a practical "if I do X, Y goes better"',
    pattern: /\b(?:if i (?:start|lay|put|do|write|batch|plan|leave|keep|turn|set|move|prep|go|eat|sleep|walk|stretch)\b.{0,60}\b(?:better|more|less|easier|faster|twice|actually)|when i (?:\w+ ){0,4}(?:before|instead of|first)\b.{0,40}\b(?:better|more|less|easier)|(?:night|day) before\b.{0,40}\b(?:i go|i actually|better|twice))\b/i,
  },

  // Challenge: frustration, struggle, stuckness, without a new understanding.
  {
    id: 'frustration',
    leans: 'challenge',
    why: 'frustration or struggle',
    pattern: /\b(?:frustrat(?:ed|ing|ion)|stuck|annoy(?:ed|ing)|angry|furious|fed up|sick of|tired of|exhausted|overwhelm(?:ed|ing)|struggl(?:e|ed|ing)|can't (?:seem to|stop|get|make|focus|sleep|do|face|remember|cope|breathe)|nothing (?:works|helps|changes|is going in)|none of it works|hate (?:this|it|myself|that|how)|ugh|drained|burn(?:ed|t)? out|stress(?:ed|ful)?|anxious|worried|worry|dread(?:ing)?|pointless|what'?s the point|no point (?:in|trying|anymore)|haven'?t slept|hopeless|useless|i give up|so hard|keep (?:failing|procrastinating|messing|screwing)|mess(?:ed)? (?:it )?up|always mess|screw(?:ed)? up|losing (?:it|my mind|hope|patience)|at the end of my rope|fighting|argu(?:e|ed|ment)|awful|terrible|horrible|the worst|nightmare|panic(?:king|ked)?|miserable|gutted|devastated|lonely|stupid|cried|crying|in tears|a husk|won't switch off|no sleep|running out of|stalled|want to quit|doesn't help|feel (?:sick|stupid|like a failure|useless|awful|terrible)|classic me|getting worse|not one person|don't know how (?:we're|i'm|to)|rejection|rejected|meltdown)\b/i,
  },
  {
    id: 'putting-off',
    leans: 'challenge',
    why: 'putting something off ("I keep putting off the answer")',
    pattern: /\b(?:keep|kept|been|am|i'm|im|still) (?:putting (?:it |this |that |the [a-z]+ )?off|avoiding|dodging|ignoring|delaying|procrastinating)\b|\bputting (?:it |this |that )?off\b/i,
  },
  {
    id: 'again',
    leans: 'challenge',
    why: 'the same trouble again',
    pattern: /\b(?:again(?=[.!,]|\s*$|\s+(?:this|today|and)\b)|still (?:hasn't|haven't|won't|can't|isn't|no)|(?:third|fourth|fifth|sixth) (?:time|month|week|night|rejection|day)|for (?:weeks|months) now|weeks now|another (?:night|day|week) of)\b/i,
  },
  {
    id: 'setback',
    leans: 'challenge',
    why: 'something went wrong or was refused ("failed the check", "turned down", "still no reply")',
    pattern: /\b(?:failed|fail(?=[.!,]|\s*$)|refused|rejected|denied|turned (?:me |it |us )?down|fell through|cancell?ed|broke down|broken|crashed|no reply|no answer|(?:didn't|didnt|did not) get (?:it|the|in|him|her|them|back)|not good enough|written up|wrote me up|behind on|overdue|(?:can't|cant|cannot) afford|no money|no pay|out of work|same result|same as last (?:week|month|time|year))\b/i,
  },
  {
    id: 'open-question',
    leans: 'challenge',
    why: 'a question left open ("why do I always...?")',
    pattern: /\b(?:why (?:do|can't|am|does|did|is|won't|should|would) (?:i|me|this|it|everyone|nobody)|what is wrong with me|what's wrong with me|i (?:genuinely |honestly |just )?(?:don't|dont|do not) know (?:why|what|how|if|whether)|i (?:don't|dont|do not) (?:even )?know (?:anymore|any more|no more)|no idea (?:why|what|how))\b|\?\s*$/i,
  },
  {
    id: 'try-harder',
    leans: 'challenge',
    why: 'resolving to push harder, with no new understanding',
    pattern: /\b(?:(?:i )?(?:just |guess i |probably )?(?:need|have|got) to (?:try|work|push|be) (?:harder|more|better)|try harder|push through|suck it up|be more (?:disciplined|patient|positive)|man up|get my act together|tomorrow will be better|i'll just (?:grind|try|push|work)|i know i should|i should (?:probably )?(?:stop|talk|just)|knowing it doesn't)\b/i,
  },
  {
    id: 'fear-ahead',
    leans: 'challenge',
    why: 'a fear of what might happen, not yet understood',
    pattern: [
      /\bwhat if\b|\b(?:end(?:ing)? up|turn(?:ing)? out) like\b|\b(?:scared|afraid|terrified|frightened|worried|anxious) (?:that|about|i'll|i'd|i might|i won't|they'll|they'd|it'll|it's going|of (?:failing|losing|being|looking|letting|messing|making|ending|getting))/i,
      /(?:^|\bthat |\bif )i(?:'d| would|'ll| will| might| could)? (?:fail|lose|mess|screw|let|look|disappoint|end up|freeze|blank|never|be (?:found|seen|exposed|laughed|rejected|left|alone|a failure|a fraud|judged|fired|too))/i,
      /\bif (?:it's|it is|they say|the (?:scan|test|results?|answer|decision) (?:is|says|comes)) (?:a no|no|bad|back|positive)|\bi'm (?:never|not) going to be (?:enough|what|good|clever|able)/i,
    ],
  },
  {
    id: 'no-insight',
    leans: 'challenge',
    why: 'says there was no new understanding',
    pattern: /\b(?:(?:didn't|did not|don't|haven't|never) (?:really )?(?:realise|realize|learn|understand|figure out|notice|see) (?:anything|much|a thing)|no (?:big |real |new |great )?(?:insight|realisation|realization|breakthrough|epiphany|revelation)s?|nothing new|nothing (?:clicked|changed)|same as (?:always|yesterday|ever)|went through the motions)\b/i,
  },

  // External: someone else's conclusion about the writer.
  {
    id: 'attribution',
    leans: 'external',
    why: "someone else's conclusion about you",
    pattern: [
      /\b(?:coach|therapist|counsel+or|manager|boss|lead|mum|mom|mother|dad|father|parents?|partner|wife|husband|boyfriend|girlfriend|ex|friends?|sister|brother|aunt|uncle|grandma|grandad|teacher|tutor|doctor|gp|colleague|co-?worker|mentor|pastor|priest|leader|recruiter|book|podcast|article|horoscope|quiz|test|reading|results?|scores?|report|review|feedback|she|he|they|people|everyone|someone|everybody)\b[^.!?]{0,40}?\b(?:said|says|say|used to say|told (?:me|mum|mom|dad|her|him)|tells me|thinks|believes|reckons|pointed out|suggested|suggests|insists|claims|called me|calls me|described me|describes me|keeps saying|mentioned|wrote|labell?ed me|diagnosed|sees me as|thinks of me as|is convinced|was convinced|announced|repeated|explained|decided|observed|noted|commented|shows?|showed)\b[^.!?]{0,60}?\b(?:i|i'm|i've|me|my|mine|that i|that my)\b/i,
      /\b[A-Z][a-z]+\b[^.!?]{0,25}?\b(?:said|says|told me|tells me|thinks|believes|reckons|pointed out|suggested|insists|claims|called me|calls me|described me|keeps saying|mentioned|sees me as)\b[^.!?]{0,40}?\b(?:I|I'm|I've|me|my|that I|that my)\b/,
      /\b(?:according to (?:the|my|her|his) \w+|apparently,? i(?:'m| am| come across| seem| have)|(?:which|that) is me,? according to)\b/i,
    ],
  },
  {
    id: 'unsure',
    leans: 'external',
    why: 'unsure whether it is true ("maybe she\'s right, I don\'t know")',
    pattern: /\b(?:maybe (?:she|he|they|it)(?:'s| is|'re| are)? right|maybe\. or maybe|i(?: really)? don't know if (?:she|he|they|it)|not sure (?:if|whether|about)|apparently|supposedly|i guess (?:so|that's|she|he)|who knows|i suppose (?:so|she|he|they)|might be true|could be true|fair enough|which explains nothing|i'll try to (?:smile|be|listen)|i wrote it down|i nodded|rolled my eyes and|took it on board)\b/i,
  },

  // Neutral: events, plans, gratitude, descriptions.
  {
    id: 'event',
    leans: 'neutral',
    why: 'describes events or plans',
    pattern: /\b(?:went to|went for|had (?:breakfast|coffee|a meeting|a call|the)|met (?:up )?with|visited|cooked|watched|tomorrow|tonight|this weekend|next week|appointment|booked|picked up|dropped off|bought|to-?do|need to (?:call|email|buy|book|pay|finish|send|pick)|remember to|walked|drove|arrived|dinner|lunch|notes from|plans? for|chat with|on the phone|we talked|day \d|anniversary)\b/i,
  },
  {
    id: 'gratitude',
    leans: 'neutral',
    why: 'a gratitude list',
    pattern: /\b(?:grateful|thankful|gratitude|thanks? for|blessed|appreciate|i love that)\b/i,
  },
];

/** Negation right before an insight word turns it around: "I didn't realise anything". */
export const NEGATED_INSIGHT = /\b(?:didn't|did not|don't|do not|haven't|have not|never|not|no|can't|cannot|couldn't)\s+(?:\w+\s+){0,2}?(?:realis|realiz|understand|understood|see|learn|notice|figure)/i;

/** The rules that say the writer sees something new, and those that say they are still struggling. */
export const INSIGHT_RULES: ReadonlySet<string> = new Set(['self-correction', 'reframe', 'past-present', 'realise-self', 'self-deep', 'pattern', 'underneath', 'self-function', 'cause-self', 'owning', 'reframe-across', 'not-but', 'been-doing', 'aha', 'never-was', 'didnt-know', 'really-is', 'once-believed', 'maybe-self', 'actually-self', 'no-wonder', 'only-when', 'then-now', 'same-as', 'never-knew', 'rather-than', 'displaced']);
export const STRUGGLE_RULES: ReadonlySet<string> = new Set(['setback', 'frustration', 'putting-off', 'again', 'open-question', 'try-harder', 'no-insight', 'fear-ahead']);
