import { describe, expect, it } from 'vitest';
import type { ActionRecord, EntryRecord, SessionRecord } from '../../src/export/format.js';
import { chooseShared } from '../../src/export/share.js';

const SESSION: SessionRecord = {
  id: 's1',
  setId: 'daily',
  setTitle: 'Daily',
  setVersion: '1',
  setHash: 'h',
  set: {
    id: 'daily',
    questions: [
      { id: 'moment', ask: 'What mattered today?' },
      { id: 'care', ask: 'What does {{moment}} say about what you care about?', deeper: ['And how much room does it get?'] },
      { id: 'intention', ask: 'One intention?' },
    ],
  },
  startedAt: '2026-12-01T20:00:00.000Z',
  finishedAt: '2026-12-01T20:10:00.000Z',
  status: 'finished',
};

function answer(id: string, questionId: string, question: string, text: string, depth = 0, session = 's1'): EntryRecord {
  return {
    id,
    date: '2026-12-01T20:01:00.000Z',
    createdAt: '2026-12-01T20:01:00.000Z',
    updatedAt: null,
    text,
    tags: [],
    session: { id: session, questionId, question, position: 0, depth, answer: text },
    classification: null,
  };
}

const step = (id: string, entryId: string | null, text: string, sessionId: string | null = null): ActionRecord => ({
  id,
  entryId,
  sessionId,
  label: 'breakthrough',
  text,
  dueAt: null,
  status: 'open',
  createdAt: '2026-12-01T20:11:00.000Z',
  updatedAt: null,
  history: [],
});

const MOMENT = answer('e1', 'moment', 'What mattered today?', 'The call with my father');
const CARE = answer('e2', 'care', 'What does The call with my father say about what you care about?', 'Being heard');
const DEEPER = answer('e3', 'care', 'And how much room does it get?', 'Very little', 1);
const INTENTION = answer('e4', 'intention', 'One intention?', 'Call him back');
const ALL = {
  sessions: [SESSION],
  entries: [MOMENT, CARE, DEEPER, INTENTION],
  actions: [step('a1', 'e1', 'Write about The call with my father'), step('a2', 'e4', 'Call him on Sunday'), step('a3', null, 'Read this again', 's1')],
};
const without = (...ids: string[]) => (e: EntryRecord) => !ids.includes(e.id);

describe('chooseShared', () => {
  it('keeps everything when everything is chosen', () => {
    const share = chooseShared(ALL, () => true);
    expect(share).toEqual({ ...ALL, left: { entries: 0, actions: 0 } });
  });

  it('leaves a left-out answer absent: no record of it, and no step of it', () => {
    const share = chooseShared(ALL, without('e4'));
    expect(share.entries.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(share.actions.map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(JSON.stringify(share)).not.toContain('Call him back');
    expect(share.left).toEqual({ entries: 1, actions: 1 });
  });

  it('a question that quotes a left-out answer goes back to the set’s own words; a step that quotes it stays behind', () => {
    const share = chooseShared(ALL, without('e1'));
    expect(share.entries.find((e) => e.id === 'e2')!.session!.question).toBe('What does {{moment}} say about what you care about?');
    expect(share.actions.map((a) => a.id)).toEqual(['a2', 'a3']);
    expect(JSON.stringify(share.entries)).not.toContain('The call with my father');
    expect(JSON.stringify(share.actions)).not.toContain('The call with my father');
  });

  it('a follow-up goes only with its question', () => {
    expect(chooseShared(ALL, without('e2')).entries.map((e) => e.id)).toEqual(['e1', 'e4']);
    // Chosen without its question (a filter that matched the follow-up alone), it goes.
    expect(chooseShared({ ...ALL, entries: [DEEPER] }, () => true).entries.map((e) => e.id)).toEqual(['e3']);
  });

  it('a session none of whose answers go is not in the share, nor its steps', () => {
    const share = chooseShared(ALL, () => false);
    expect(share).toMatchObject({ sessions: [], entries: [], actions: [], left: { entries: 4, actions: 3 } });
  });

  it('an answer of one or two letters does not hide every step that happens to contain them', () => {
    const short = { ...ALL, entries: [answer('x', 'moment', 'Q?', 'no'), INTENTION], actions: [step('a2', 'e4', 'Say no to the Sunday call')] };
    expect(chooseShared(short, without('x')).actions.map((a) => a.id)).toEqual(['a2']);
  });
});
