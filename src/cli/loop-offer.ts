import { weekOf } from '../core/loops.js';
import type { Loop } from '../core/patterns.js';
import type { PromptSet } from '../core/prompt-set.js';
import type { SetFile } from '../prompts/library.js';
import type { Db } from '../store/journal.js';
import { getMeta, setMeta } from '../store/sessions.js';
import type { Deps } from './context.js';

/** The set a loop is offered to: its first question asks what feels stuck. */
export const UNSTUCK_SET = 'unstuck';
/** Loops put off with "Not now": each of their terms (lowercase) and the Monday of the week they were last seen in. */
const PUT_OFF = 'loops_put_off';
/** Enough to remember every loop offered for years; the oldest are forgotten first. */
const REMEMBERED = 50;

export interface AcceptedLoop {
  file: SetFile & { set: PromptSet };
  /** Pre-filled answers by question id: the theme, in the writer's words, as the first answer. */
  initial: Record<string, string>;
}

/**
 * At the start of a guided session (a terminal, no set named, nothing resumed): an open loop the
 * writer has not put off is said in two lines, and the unstuck set offered on it. "Not now" holds
 * until the loop comes up in a later week. Returns the set to run, or null for the usual picker.
 */
export async function offerLoop(db: Db, prompts: string | undefined, deps: Deps): Promise<AcceptedLoop | null> {
  const { readLoops } = await import('../store/loops.js');
  const putOff = readPutOff(db);
  const loop = readLoops(db, {}, deps.now()).find((l) => !isPutOff(l, putOff));
  if (!loop) return null;
  const { loopSentence, shortQuote } = await import('../ui/loop-view.js');
  const { getEntry } = await import('../store/entries.js');
  const latest = getEntry(db, loop.entries[loop.entries.length - 1]!);
  const { style } = deps.stdout;
  deps.stdout.write(`\n${style.bold(loopSentence(loop))}\n${latest ? `  ${style.dim(`Latest: ${shortQuote(latest.text)}`)}\n` : ''}`);
  const prompter = await deps.prompter();
  const choice = await prompter.choose({
    message: 'Work on it now?',
    choices: [
      { value: 'unstuck', label: 'Run the unstuck set on it' },
      { value: 'later', label: 'Not now' },
    ],
    initial: 'unstuck',
  });
  if (choice === 'later') {
    const week = weekOf(loop.last);
    for (const term of loop.terms) putOff.set(term.toLowerCase(), week);
    setMeta(db, PUT_OFF, JSON.stringify([...putOff].slice(-REMEMBERED)));
    return null;
  }
  const { loadLibrary, promptSources } = await import('../prompts/library.js');
  const file = loadLibrary(promptSources(prompts, deps.env)).find((f) => f.id === UNSTUCK_SET);
  if (!file?.set) {
    deps.stdout.write(`The ${UNSTUCK_SET} set ${file ? "can't be read (see `reflect prompts validate`)" : 'is not in your prompt library'}; choose a set instead.\n`);
    return null;
  }
  const first = file.set.questions[0];
  const theme = loop.terms[0]!;
  return { file: file as SetFile & { set: PromptSet }, initial: first?.type === 'text' ? { [first.id]: theme } : {} };
}

function readPutOff(db: Db): Map<string, string> {
  try {
    const stored: unknown = JSON.parse(getMeta(db, PUT_OFF) ?? '[]');
    // Written by this module only, but a hand-edited or older journal must never stop a session.
    return new Map(Array.isArray(stored) ? stored.filter((p): p is [string, string] => Array.isArray(p) && p.every((v) => typeof v === 'string')) : []);
  } catch {
    return new Map();
  }
}

/** Put off, and not seen since in a later week. A loop that merges with another keeps any term's promise. */
function isPutOff(loop: Loop, putOff: Map<string, string>): boolean {
  const week = weekOf(loop.last);
  return loop.terms.some((t) => {
    const until = putOff.get(t.toLowerCase());
    return until !== undefined && week <= until;
  });
}
