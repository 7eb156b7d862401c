import { isoDay } from './dates.js';
import type { Loop } from './patterns.js';
import { BREAK, pluralFold, wordReader } from './theme-words.js';

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
/** A term whose challenge entries lie this much inside a theme's is part of it. */
const CONTAINED = 0.8;
/** A term beyond the first is named only when it is in this share of the loop's entries. */
const NAMED_SHARE = 0.5;
/** Two words are a phrase when at least this share of the rarer one's uses are in the pair, not where they merely meet. */
const PHRASE = 0.5;
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

/** The local Monday of a date's week as a day number: equal for dates in one week, apart by 7 a week. */
function mondayNumber(d: Date): number {
  // The local calendar day, counted in UTC where every day is 24 hours long.
  const day = new Date(0);
  day.setUTCFullYear(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round(day.getTime() / 86_400_000) - ((d.getDay() + 6) % 7);
}

interface Candidate {
  term: number;
  /** Indexes (into the date-sorted entries) of the challenges that mention it. */
  entries: number[];
  /** The index of the latest breakthrough that mentions it, or -1. */
  closedAt: number;
  telling: number;
}

/**
 * Terms are numbers: a word's id (wordReader), or for a two-word phrase an id past the words,
 * so counting a year of challenges is array work, with no string built per pair.
 */
class Terms {
  readonly phrases = new Map<number, number>();
  readonly pairs: [number, number][] = [];
  constructor(readonly words: number) {}
  phrase(a: number, b: number, add: boolean): number | undefined {
    const key = a * this.words + b;
    let term = this.phrases.get(key);
    if (term === undefined && add) {
      term = this.words + this.pairs.push([a, b]) - 1;
      this.phrases.set(key, term);
    }
    return term;
  }
}

export function findLoops(all: readonly ThemeEntry[]): Loop[] {
  const entries = [...all].sort((a, b) => a.date.getTime() - b.date.getTime());
  const reader = wordReader();
  const isChallenge = entries.map((e) => e.label === 'challenge');
  // Case is read from the challenges: that is where the terms shown come from.
  const sequences = entries.map((e, i) => reader.read(e.text, isChallenge[i]));
  const plain = pluralFold({ has: (w) => reader.id(w) !== undefined });
  const fold = Int32Array.from({ length: reader.size }, (_, id) => reader.id(plain(reader.word(id)))!);
  // Weeks as numbers (days from 1970 to their Monday), so a term's weeks are counted along its date-ordered entries.
  const week = entries.map((e) => mondayNumber(e.date));
  const weeksIn = (list: readonly number[]) => list.reduce((n, e, k) => (k === 0 || week[e] !== week[list[k - 1]!] ? n + 1 : n), 0);

  for (const sequence of sequences) for (let k = 0; k < sequence.length; k++) if (sequence[k] !== BREAK) sequence[k] = fold[sequence[k]!]!;

  const terms = new Terms(reader.size);
  let room = reader.size;
  entries.forEach((_, i) => (room += isChallenge[i] ? sequences[i]!.length : 0));
  const inChallenges: number[][] = [];
  const seenIn = new Int32Array(room).fill(-1);
  // Every occurrence, for telling a phrase from two words that merely meet.
  const said = new Int32Array(room);
  const note = (t: number, i: number) => {
    said[t]!++;
    if (seenIn[t] === i) return;
    seenIn[t] = i;
    (inChallenges[t] ??= []).push(i);
  };
  entries.forEach((_, i) => {
    if (!isChallenge[i]) return;
    const sequence = sequences[i]!;
    for (let k = 0; k < sequence.length; k++) {
      const word = sequence[k]!;
      if (word === BREAK) continue;
      note(word, i);
      const previous = k > 0 ? sequence[k - 1]! : BREAK;
      if (previous !== BREAK && previous !== word) note(terms.phrase(previous, word, true)!, i);
    }
  });
  const challengeCount = isChallenge.filter(Boolean).length;
  const isPhrase = (t: number) => {
    const [a, b] = terms.pairs[t - terms.words]!;
    return said[t]! >= PHRASE * Math.min(said[a]!, said[b]!);
  };
  const recurring = new Uint8Array(room);
  // Only a word that begins a recurring phrase is looked up as one elsewhere.
  const startsPhrase = new Uint8Array(reader.size);
  let anyRecurring = false;
  inChallenges.forEach((list, t) => {
    if (list.length < LOOP_WEEKS || weeksIn(list) < LOOP_WEEKS || (t >= terms.words && !isPhrase(t))) return;
    recurring[t] = 1;
    anyRecurring = true;
    if (t >= terms.words) startsPhrase[terms.pairs[t - terms.words]![0]] = 1;
  });
  if (!anyRecurring) return [];

  // Only recurring terms are counted elsewhere; a breakthrough that mentions one closes it.
  const elsewhere = new Int32Array(room);
  const closedAt = new Int32Array(room).fill(-1);
  let backgroundCount = 0;
  // A breakthrough closes what it names but is no background: naming the theme there must not
  // make the theme look common (the store reads breakthroughs only since the first challenge).
  const seen = (t: number, i: number, closes: boolean) => {
    if (!recurring[t] || seenIn[t] === i) return;
    seenIn[t] = i;
    if (closes) closedAt[t] = i;
    else elsewhere[t]!++;
  };
  entries.forEach((e, i) => {
    if (isChallenge[i]) return;
    const closes = e.label === 'breakthrough';
    if (!closes) backgroundCount++;
    const sequence = sequences[i]!;
    for (let k = 0; k < sequence.length; k++) {
      const word = sequence[k]!;
      if (word === BREAK) continue;
      seen(word, i, closes);
      const previous = k > 0 ? sequence[k - 1]! : BREAK;
      if (previous !== BREAK && startsPhrase[previous] && previous !== word) {
        const pair = terms.phrase(previous, word, false);
        if (pair !== undefined) seen(pair, i, closes);
      }
    }
  });

  const candidates: Candidate[] = [];
  for (let t = 0; t < room; t++) {
    if (!recurring[t]) continue;
    // How characteristic of challenges the term is reads from all of them, closed or not.
    const lift = cautiousLift(inChallenges[t]!.length, challengeCount, elsewhere[t]!, backgroundCount);
    if (lift >= MIN_LIFT) candidates.push({ term: t, entries: inChallenges[t]!, closedAt: closedAt[t]!, telling: inChallenges[t]!.length * Math.log2(lift) });
  }
  candidates.sort((a, b) => b.telling - a.telling || a.term - b.term);

  const text = (t: number) => (t < terms.words ? [t] : terms.pairs[t - terms.words]!).map((id) => reader.shown(id)).join(' ');
  const loops: Loop[] = [];
  // Themes are found over all the challenges, then closed as one: a breakthrough that names any
  // of a theme's terms ("budget review") closes it, also for the words it shares entries with.
  for (const members of cluster(candidates.slice(0, MAX_CANDIDATES))) {
    const closed = Math.max(...members.map((m) => m.closedAt));
    const open = members.map((m) => ({ ...m, entries: m.entries.filter((i) => i > closed) })).filter((m) => m.entries.length > 0);
    const chosen = [...new Set(open.flatMap((m) => m.entries))].sort((a, b) => a - b);
    if (chosen.length >= LOOP_WEEKS && weeksIn(chosen) >= LOOP_WEEKS) loops.push(toLoop(open, chosen, entries, terms, text));
  }
  loops.sort((a, b) => b.weeks - a.weeks || b.last.getTime() - a.last.getTime());
  return loops.slice(0, MAX_LOOPS);
}

/** Greedy, most telling first: a term joins the first theme whose entries it mostly shares. */
function cluster(candidates: readonly Candidate[]): Candidate[][] {
  const themes: { members: Candidate[]; entries: Set<number> }[] = [];
  for (const c of candidates) {
    const theme = themes.find((t) => sameTheme(t.entries, c.entries));
    if (theme) {
      theme.members.push(c);
      for (const i of c.entries) theme.entries.add(i);
    } else themes.push({ members: [c], entries: new Set(c.entries) });
  }
  return themes.map((t) => t.members);
}

function toLoop(members: Candidate[], open: readonly number[], entries: readonly ThemeEntry[], terms: Terms, text: (t: number) => string): Loop {
  // The terms most of the loop's entries share come first; a phrase says more than its words, so
  // it goes before them and stands for them where it covers nearly all their entries.
  const isPhrase = (m: Candidate) => m.term >= terms.words;
  const ordered = [...members].sort((a, b) => b.entries.length - a.entries.length || Number(isPhrase(b)) - Number(isPhrase(a)));
  const covered = new Map<number, number>();
  for (const m of ordered.filter(isPhrase)) for (const w of terms.pairs[m.term - terms.words]!) covered.set(w, Math.max(covered.get(w) ?? 0, m.entries.length));
  const named = ordered
    .filter((m) => isPhrase(m) || (covered.get(m.term) ?? 0) < CONTAINED * m.entries.length)
    .filter((m, k) => k === 0 || m.entries.length >= NAMED_SHARE * open.length);
  const chosen = open.map((i) => entries[i]!);
  return {
    terms: named.slice(0, MAX_TERMS).map((m) => text(m.term)),
    entries: chosen.map((e) => e.id),
    weeks: new Set(chosen.map((e) => mondayNumber(e.date))).size,
    first: chosen[0]!.date,
    last: chosen[chosen.length - 1]!.date,
  };
}

/**
 * How many times likelier the term is in a challenge than elsewhere, each rate taken one standard
 * deviation towards the other: among thousands of words and pairs some are commoner in
 * challenges by chance, and a handful of entries must not read as a pattern. With no background
 * at all nothing can stand out (the rate elsewhere reads as 1).
 */
function cautiousLift(inChallenges: number, challenges: number, elsewhere: number, others: number): number {
  const low = (inChallenges - Math.sqrt(inChallenges)) / challenges;
  const high = (elsewhere + 1 + Math.sqrt(elsewhere + 1)) / (others + 1);
  return low / Math.min(1, high);
}

/**
 * One theme when the entries overlap heavily (Jaccard), or when nearly all of the smaller set lies
 * in the larger: "spreadsheet" written only in budget-review entries is part of that theme.
 */
function sameTheme(a: ReadonlySet<number>, b: readonly number[]): boolean {
  let shared = 0;
  for (const i of b) if (a.has(i)) shared++;
  return shared / (a.size + b.length - shared) >= SAME_THEME || shared / Math.min(a.size, b.length) >= CONTAINED;
}
