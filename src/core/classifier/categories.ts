import { textWords } from './text-words.js';

/**
 * Word categories in the spirit of LIWC (our own lists: LIWC's dictionaries are proprietary).
 * How often an entry uses each is a feature: Pennebaker's expressive-writing studies found that
 * people who came to new understanding used more insight and causal words, and more of them over time.
 */
const list = (words: string) => new Set(words.trim().split(/\s+/));

export const CATEGORIES: Record<string, { why: string; words: Set<string> }> = {
  insight: {
    why: 'insight words (realise, understand, see, mean)',
    words: list(`realise realised realize realized realising realizing realisation realization understand understood understanding know knew known
      see saw seen notice noticed aware awareness recognise recognised recognize recognized clear clearer clearly sense meaning means meant admit
      admitted truth true honest honestly figure figured reflect reflected reflecting insight obvious obviously discover discovered suddenly now
      finally perspective learned learnt lesson reason`),
  },
  cause: {
    why: 'causal words (because, why, so, comes from)',
    words: list(`because cause caused causes why reason reasons since so therefore hence effect affect affects makes made result root roots origin
      explains explain explained led leads due`),
  },
  negative: {
    why: 'negative feeling words',
    words: list(`sad angry anger hate hated hurt hurts cry cried crying awful worse worst afraid fear fears scared anxious anxiety worry worried stress
      stressed lonely guilty guilt shame ashamed upset annoyed frustrated frustrating tired exhausted stupid fail failed failing failure lost miss
      missed pain panic panicking hopeless ugh terrible horrible bad sick dread dreading furious miserable gutted devastated disappointed
      embarrassed nervous overwhelmed drained numb grief crap useless pointless hard difficult struggle struggling`),
  },
  positive: {
    why: 'positive feeling words',
    words: list(`happy glad love loved lovely good great nice fun enjoy enjoyed joy proud relief relieved grateful thankful calm peace peaceful
      win won laughed laugh beautiful excited amazing wonderful brilliant best perfect delicious cosy cozy sunny`),
  },
  self: { why: 'first-person words', words: list(`i me my mine myself i'm i've i'd i'll`) },
  others: {
    why: 'other people',
    words: list(`he she they him her them his their hers theirs mum mom dad mother father friend friends people everyone sister brother partner
      boss manager coach therapist husband wife boyfriend girlfriend colleague colleagues teacher doctor son daughter kids children family`),
  },
  tentative: {
    why: 'tentative words (maybe, perhaps, I guess)',
    words: list(`maybe perhaps guess might possibly seems seem probably wonder suppose apparently supposedly unsure unclear somehow kind sort`),
  },
  certainty: {
    why: 'certainty words (always, never, really)',
    words: list(`always never actually really truly definitely completely totally entirely absolutely every nothing everything whole`),
  },
  discrepancy: {
    why: 'should and would words',
    words: list(`should would could need needed must ought want wanted wish hope hoped if`),
  },
  past: {
    why: 'looking back (used to, years, was)',
    words: list(`was were had did used years ago childhood kid child grew growing younger old before since`),
  },
  future: {
    why: 'plans (tomorrow, will, next)',
    words: list(`will tomorrow next plan plans planning soon later going week weekend monday tuesday wednesday thursday friday saturday sunday`),
  },
};

export const CATEGORY_NAMES = Object.keys(CATEGORIES);

/** How many words of each category the text uses (as log(1 + count), so a long entry does not swamp a short one). */
export function categoryCounts(text: string): number[] {
  const { words, afterApostrophe } = textWords(text);
  const counts = CATEGORY_NAMES.map(() => 0);
  for (let w = 0; w < words.length; w++) {
    if (afterApostrophe[w]) continue;
    const categories = CATEGORIES_OF.get(words[w]!);
    if (categories) for (const i of categories) counts[i]!++;
  }
  return counts.map((c) => Math.log1p(c));
}

/** word -> the categories it belongs to, so each word is looked up once. */
const CATEGORIES_OF = new Map<string, number[]>();
CATEGORY_NAMES.forEach((name, i) => {
  for (const word of CATEGORIES[name]!.words) CATEGORIES_OF.set(word, [...(CATEGORIES_OF.get(word) ?? []), i]);
});
