import { CUE_WORDS } from './cues.js';
import type { Tokens } from './tokens.js';

/**
 * The form of an entry: its words with every content word blanked out. "It was never about the
 * money" and "it was never about the garden" have one form, "it was never about the _". A word
 * model over forms learns how people put things (pronouns, tense, negation, modality, hedges,
 * contrast) and cannot learn what they write about, so it carries over to writers and topics
 * the corpus never saw.
 */
const FUNCTION_WORDS = `i me my mine myself you your yours yourself we us our he him his she her hers they them their it it's its this that these
  those there here a an the and but or nor so because if when whenever while then than as of to in on at by for with about from into over
  under after before until since up down out off away back just only really actually very too also even still again always never ever not
  no yes yeah nah okay don't doesn't didn't isn't wasn't aren't weren't can't won't couldn't wouldn't shouldn't haven't hasn't cannot i'm
  i've i'd i'll you're they're that's what's there's is am are was were be been being have has had do does did done can could will would
  shall should may might must need needs needed want wants wanted get gets got go goes going went make makes made think thinks thought
  know knows knew feel feels felt see sees saw seen say says said tell tells told keep keeps kept try tried trying let like well what who
  whom whose why how which where whole all every each some any more most less much many few nothing something everything anything someone
  everyone nobody anyone one other another same own now today yesterday tomorrow tonight ago already yet maybe perhaps probably guess
  suppose mean means meant thing things way kind sort bit lot lots enough such`;

export const FORM_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS.split(/\s+/).filter(Boolean), ...CUE_WORDS]);

/** Punctuation kept as words the word model can count. */
const MARKS: Record<string, string> = { '?': 'qmark', '!': 'bang', ',': 'comma', ';': 'comma', ':': 'colon', '—': 'dash', '.': 'stop' };

const BLANK = 'qq';

/** A content word keeps only its grammatical shape: tense, -ly, a number. */
function shapeOf(word: string): string {
  if (/^\d/.test(word)) return 'qqnum';
  if (word.endsWith('ing')) return 'qqing';
  if (word.endsWith('ed')) return 'qqed';
  if (word.endsWith('ly')) return 'qqly';
  return BLANK;
}

/** The entry's form as a string of words, ready for the word model. */
export function formText(t: Tokens): string {
  const out: string[] = [];
  for (const { word } of t.tokens) {
    const mark = MARKS[word];
    const form = mark ?? (FORM_WORDS.has(word) ? word.replace(/[^a-z']/g, '') || BLANK : shapeOf(word));
    // A run of content words is one blank: "the _", not "the _ _ _".
    if (form === BLANK && out[out.length - 1] === BLANK) continue;
    out.push(form);
  }
  return out.join(' ');
}
