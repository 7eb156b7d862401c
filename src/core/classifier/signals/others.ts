import { FORM_WORDS } from '../form.js';
import { cueSignal, FIRST_PERSON, hitOf, isWord, matches, wordCount, type Hit, type Signal } from './reading.js';

/**
 * Someone else's conclusion, and the plain parts of a journal: plans, events, thanks, "nothing
 * really". Someone else is a pronoun, a person by their role, or a name; what they concluded is
 * about the writer.
 */

const OTHERS = new Set([
  'he', 'she', 'they', 'mom', 'mum', 'mam', 'mother', 'dad', 'father', 'parents', 'wife', 'husband', 'partner', 'boyfriend', 'girlfriend', 'ex',
  'boss', 'manager', 'coach', 'therapist', 'counsellor', 'counselor', 'doctor', 'gp', 'teacher', 'friend', 'friends', 'sister', 'brother',
  'colleague', 'colleagues', 'mentor', 'supervisor', 'everyone', 'everybody', 'people', 'someone', 'somebody', 'family', 'son', 'daughter',
  'aunt', 'uncle', 'nan', 'gran', 'grandma', 'grandad', 'grandpa', 'pastor', 'priest', 'imam', 'rabbi', 'mate', 'mates', 'team', 'lead',
  'sponsor', 'group', 'facilitator', 'wifey', 'hubby', 'kids', 'bestie', 'flatmate', 'roommate', 'neighbour', 'neighbor', 'client',
]);

function isOther(r: { text: string; tokens: readonly { word: string; start: number; end: number }[]; sentences: readonly { from: number }[] }, i: number, sentenceStart: number): boolean {
  const t = r.tokens[i]!;
  if (OTHERS.has(t.word)) return true;
  // A name: a capitalised word that is not "I" and, at the start of a sentence, not a common word ("It says").
  if (!/^\p{Lu}\p{Ll}+$/u.test(r.text.slice(t.start, t.end)) || FIRST_PERSON.has(t.word)) return false;
  return i !== sentenceStart || !FORM_WORDS.has(t.word);
}

const reportedView: Signal = {
  id: 'reported-view',
  leans: 'external',
  why: "someone else's conclusion about you",
  fire: (r) => {
    const hits: Hit[] = [];
    for (const m of matches(r, 'reportVerb')) {
      const s = r.sentences[m.sentence]!;
      let who = -1;
      for (let i = m.from - 1; i >= Math.max(s.from, m.from - 6); i--) if (isOther(r, i, s.from)) who = i;
      if (who < 0) continue;
      const aboutMe = r.tokens.slice(m.to, Math.min(s.to, m.to + 12)).some((t) => FIRST_PERSON.has(t.word) || t.word === "you're" || t.word === 'you');
      const namesMe = r.tokens.slice(m.from, m.to).some((t) => t.word === 'me') && m.to < s.to;
      if (aboutMe || namesMe) hits.push(hitOf('reported-view', { from: who, to: Math.min(s.to, m.to + 8), sentence: m.sentence }));
    }
    return hits;
  },
};

const IMPERATIVES = new Set([
  'call', 'email', 'text', 'ask', 'tell', 'book', 'write', 'send', 'talk', 'start', 'stop', 'go', 'make', 'take', 'buy', 'try', 'sign', 'apply',
  'pay', 'clean', 'finish', 'check', 'plan', 'schedule', 'set', 'put', 'read', 'say', 'message', 'ring', 'visit', 'meet', 'block', 'cancel',
  'find', 'join', 'look', 'phone', 'print', 'sort', 'spend', 'walk', 'leave', 'get', 'have', 'bring', 'give', 'pick', 'list', 'decide', 'sit',
]);

const plan: Signal = {
  id: 'plan',
  leans: 'neutral',
  why: 'a plan or a step ("tomorrow", "I\'ll…", "call…")',
  fire: (r) => [
    ...matches(r, 'plan').map((m) => hitOf('plan', m)),
    ...r.sentences.flatMap((s, k) => (IMPERATIVES.has(r.tokens[s.from]!.word) ? [hitOf('plan', { from: s.from, to: Math.min(s.to, s.from + 6), sentence: k })] : [])),
  ],
};

/** A whole answer that says there is nothing to say. */
const nullAnswer: Signal = {
  id: 'null-answer',
  leans: 'neutral',
  why: 'nothing to speak of ("nothing really", "not sure")',
  fire: (r) => {
    if (wordCount(r) > 6) return [];
    const m = matches(r, 'nullAnswer')[0];
    return m ? [hitOf('null-answer', m)] : [];
  },
};

const short: Signal = {
  id: 'short',
  leans: 'neutral',
  why: 'a few words',
  fire: (r) => {
    const words = r.tokens.filter((t) => isWord(t.word));
    return words.length > 0 && words.length <= 5 ? [hitOf('short', { from: 0, to: r.tokens.length, sentence: 0 })] : [];
  },
};

export const OTHER_SIGNALS: readonly Signal[] = [
  reportedView,
  cueSignal('source-says', 'external', 'a conclusion from a test, a book or hearsay ("apparently", "according to")', 'source'),
  cueSignal('hedged', 'external', 'unsure whether it is true ("maybe", "I guess")', 'hedge'),
  plan,
  cueSignal('events', 'neutral', 'describes what happened', 'events'),
  cueSignal('gratitude', 'neutral', 'gratitude', 'gratitude'),
  nullAnswer,
  short,
];
