import { isoDay } from './dates.js';
import type { Loop } from './patterns.js';
import { contentTokens, pluralFold, type Token } from './theme-words.js';

/**
 * Loops: the themes a writer's challenges keep coming back to. A theme is a word or a two-word
 * phrase of the writer's own, far more common in their challenges than in the rest of their
 * writing (so "work" or "today", used everywhere, are not themes), met in challenges in at
 * least three different weeks after the latest breakthrough that mentions it.
 */
export interface ThemeEntry {
  id: string;
  date: Date;
  text: string;
  /** The label that counts; everything but 'challenge' is the background a theme must stand out from. */
  label: string | null;
}

export const LOOP_WEEKS = 3;
/** How many times likelier in a challenge than elsewhere a term must be. */
const MIN_LIFT = 2;
/** Terms whose challenge entries overlap this much (Jaccard) are one theme. */
const SAME_THEME = 0.6;
const MAX_LOOPS = 5;
const MAX_TERMS = 3;
/** The most telling terms are clustered; the rest could only make weaker loops. */
const MAX_CANDIDATES = 300;

/** The local Monday of the week a date falls in, 'YYYY-MM-DD'. */
export function weekOf(d: Date): string {
  const monday = new Date(d.getTime());
  monday.setHours(12, 0, 0, 0); // midday: a clock change cannot move it to another day
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return isoDay(monday);
}

/** The terms of one entry: each word, and each pair of adjacent words as a phrase. */
function termsOf(tokens: readonly Token[], fold: (w: string) => string): Set<string> {
  const terms = new Set<string>();
  let previous: string | null = null;
  for (const t of tokens) {
    const word = fold(t.word);
    terms.add(word);
    if (previous !== null && t.joined && previous !== word) terms.add(`${previous} ${word}`);
    previous = word;
  }
  return terms;
}

interface Candidate {
  term: string;
  /** Indexes (into the date-sorted entries) of the challenges after the latest breakthrough on it. */
  entries: number[];
  telling: number;
}

export function findLoops(all: readonly ThemeEntry[]): Loop[] {
  const entries = [...all].sort((a, b) => a.date.getTime() - b.date.getTime());
  const tokens = entries.map((e) => contentTokens(e.text));
  const vocabulary = new Set<string>();
  for (const list of tokens) for (const t of list) vocabulary.add(t.word);
  const fold = pluralFold(vocabulary);
  const weeks = entries.map((e) => weekOf(e.date));
  const isChallenge = entries.map((e) => e.label === 'challenge');

  // Challenges first: only their terms can be themes, so the background counts only those.
  const inChallenges = new Map<string, number[]>();
  const shown = new Map<string, Map<string, number>>();
  entries.forEach((_, i) => {
    if (!isChallenge[i]) return;
    for (const term of termsOf(tokens[i]!, fold)) {
      const list = inChallenges.get(term);
      if (list) list.push(i);
      else inChallenges.set(term, [i]);
    }
    // Case is read from the word as written; a folded plural does not vote for its singular's form.
    for (const t of tokens[i]!) if (t.shown !== null && fold(t.word) === t.word) vote(shown, t.word, t.shown);
  });
  const challengeCount = isChallenge.filter(Boolean).length;
  for (const [term, list] of inChallenges) if (list.length < LOOP_WEEKS || distinct(list, weeks) < LOOP_WEEKS) inChallenges.delete(term);
  if (inChallenges.size === 0) return [];

  const elsewhere = new Map<string, number>();
  const closedAt = new Map<string, number>();
  let backgroundCount = 0;
  entries.forEach((e, i) => {
    if (isChallenge[i]) return;
    backgroundCount++;
    for (const term of termsOf(tokens[i]!, fold)) {
      if (!inChallenges.has(term)) continue;
      elsewhere.set(term, (elsewhere.get(term) ?? 0) + 1);
      if (e.label === 'breakthrough') closedAt.set(term, i);
    }
  });

  const candidates: Candidate[] = [];
  for (const [term, list] of inChallenges) {
    const closed = closedAt.get(term) ?? -1;
    const open = list.filter((i) => i > closed);
    if (distinct(open, weeks) < LOOP_WEEKS) continue;
    // With no background at all nothing can stand out: every rate elsewhere reads as 1.
    const lift = open.length / challengeCount / (((elsewhere.get(term) ?? 0) + 1) / (backgroundCount + 1));
    if (lift < MIN_LIFT) continue;
    candidates.push({ term, entries: open, telling: open.length * Math.log2(lift) });
  }
  candidates.sort((a, b) => b.telling - a.telling || a.term.localeCompare(b.term));

  const loops = cluster(candidates.slice(0, MAX_CANDIDATES)).map((members) => toLoop(members, entries, shown));
  loops.sort((a, b) => b.weeks - a.weeks || b.last.getTime() - a.last.getTime());
  return loops.slice(0, MAX_LOOPS);
}

/** Greedy, most telling first: a term joins the first theme whose entries it mostly shares. */
function cluster(candidates: readonly Candidate[]): Candidate[][] {
  const themes: { members: Candidate[]; entries: Set<number> }[] = [];
  for (const c of candidates) {
    const theme = themes.find((t) => jaccard(t.entries, c.entries) >= SAME_THEME);
    if (theme) {
      theme.members.push(c);
      for (const i of c.entries) theme.entries.add(i);
    } else themes.push({ members: [c], entries: new Set(c.entries) });
  }
  return themes.map((t) => t.members);
}

function toLoop(members: Candidate[], entries: readonly ThemeEntry[], shown: Map<string, Map<string, number>>): Loop {
  // A phrase says more than its words: it goes first, and its own words are left out.
  const phrases = members.filter((m) => m.term.includes(' '));
  const inPhrase = new Set(phrases.flatMap((p) => p.term.split(' ')));
  const terms = [...phrases, ...members.filter((m) => !m.term.includes(' ') && !inPhrase.has(m.term))]
    .slice(0, MAX_TERMS)
    .map((m) => m.term.split(' ').map((w) => surface(w, shown)).join(' '));
  const chosen = [...new Set(members.flatMap((m) => m.entries))].sort((a, b) => a - b).map((i) => entries[i]!);
  return {
    terms,
    entries: chosen.map((e) => e.id),
    weeks: new Set(chosen.map((e) => weekOf(e.date))).size,
    first: chosen[0]!.date,
    last: chosen[chosen.length - 1]!.date,
  };
}

/** The form the writer used most in mid-sentence ("Sam" stays a name); lowercase when never seen there. */
function surface(word: string, shown: Map<string, Map<string, number>>): string {
  let best = word;
  let most = 0;
  for (const [form, count] of shown.get(word) ?? []) if (count > most || (count === most && form === word)) [best, most] = [form, count];
  return best;
}

function vote(votes: Map<string, Map<string, number>>, word: string, form: string) {
  let forms = votes.get(word);
  if (!forms) votes.set(word, (forms = new Map()));
  forms.set(form, (forms.get(form) ?? 0) + 1);
}

function distinct(indexes: readonly number[], weeks: readonly string[]): number {
  return new Set(indexes.map((i) => weeks[i])).size;
}

function jaccard(a: ReadonlySet<number>, b: readonly number[]): number {
  let shared = 0;
  for (const i of b) if (a.has(i)) shared++;
  return shared / (a.size + b.length - shared);
}
