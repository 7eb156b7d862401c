import type { ActionRecord, EntryRecord, SessionRecord } from './format.js';
import type { JournalParts } from './json.js';

/** What a writer chose to hand a coach: the records, and what was kept back. */
export interface Share extends JournalParts {
  sessions: SessionRecord[];
  entries: EntryRecord[];
  actions: ActionRecord[];
  /** Entries left out, and steps left out because they belong to one or quote one. */
  left: { entries: number; actions: number };
}

/**
 * The chosen part of a journal, with nothing of what was left out. Left-out answers are absent,
 * not masked. A later question or a committed step can quote an earlier answer ({{moment}} in the
 * set); where it quotes one that was left out, the question goes back to the set's own words and
 * the step stays behind. Follow-ups go with their question: leaving out `care` leaves out its
 * "deeper" answers too.
 */
export function chooseShared(all: { sessions: SessionRecord[]; entries: EntryRecord[]; actions: ActionRecord[] }, keep: (entry: EntryRecord) => boolean): Share {
  const question = (e: EntryRecord) => `${e.session?.id} ${e.session?.questionId}`;
  const first = all.entries.filter((e) => e.session?.depth === 0);
  const asked = new Set(first.map(question));
  const keptQuestions = new Set(first.filter(keep).map(question));
  // A follow-up answer goes only where its question's answer goes: alone it would say what the other was.
  const followsLeftOut = (e: EntryRecord) => Boolean(e.session && e.session.depth > 0 && asked.has(question(e)) && !keptQuestions.has(question(e)));
  const kept = all.entries.filter((e) => keep(e) && !followsLeftOut(e));
  const keptIds = new Set(kept.map((e) => e.id));
  const secrets = all.entries.filter((e) => !keptIds.has(e.id)).map((e) => e.text.trim()).filter((text) => text.length >= 3);
  const quotesSecret = (text: string) => secrets.some((secret) => text.includes(secret));
  const sessions = all.sessions.filter((s) => kept.some((e) => e.session?.id === s.id));
  const bySession = new Map(sessions.map((s) => [s.id, s]));
  const entries = kept.map((entry) => (entry.session && quotesSecret(entry.session.question) ? withSetWording(entry, bySession.get(entry.session.id)) : entry));
  const sessionIds = new Set(sessions.map((s) => s.id));
  const actions = all.actions.filter(
    (a) => (a.entryId ? keptIds.has(a.entryId) : a.sessionId !== null && sessionIds.has(a.sessionId)) && !quotesSecret(a.text),
  );
  return { sessions, entries, actions, left: { entries: all.entries.length - kept.length, actions: all.actions.length - actions.length } };
}

/** The question as the set words it, before earlier answers were filled in; '' when the set has no such question. */
function withSetWording(entry: EntryRecord, session: SessionRecord | undefined): EntryRecord {
  const asked = entry.session!;
  const questions = ((session?.set as { questions?: unknown[] } | undefined)?.questions ?? []) as { id?: unknown; ask?: unknown; deeper?: unknown[] }[];
  const question = questions.find((q) => q.id === asked.questionId);
  const probe = asked.depth > 0 ? question?.deeper?.[asked.depth - 1] : undefined;
  const words = asked.depth > 0 ? (typeof probe === 'string' ? probe : (probe as { ask?: unknown } | undefined)?.ask) : question?.ask;
  return { ...entry, session: { ...asked, question: typeof words === 'string' ? words : '' } };
}
