// A realistic journal for the benchmark: 50-200 words an entry, a few tags, dates spread over five years,
// labels as the classifier gives them (some confirmed by the writer) and a few thousand steps.
import { openJournal } from '../dist/store/journal.js';
import { addEntry } from '../dist/store/entries.js';

const WORDS = (
  'today work family morning evening walk talk felt tired happy anxious calm decided noticed realised ' +
  'trust fear value belief pattern habit meeting project deadline friend partner mother father child ' +
  'sleep exercise coffee rain garden book music write plan week month year home office team manager ' +
  'conversation question answer step change stuck moving forward honest afraid proud grateful lonely ' +
  'money health doctor run swim cook dinner lunch breakfast city train car weekend holiday idea ' +
  'the a and of to in that it was for on with as I my me about but not what when so because really'
).split(' ');
const TAGS = ['work', 'family', 'health', 'growth', 'money', 'friends', 'creativity', 'rest', 'fear', 'values'];
const FIVE_YEARS_MS = 5 * 365 * 24 * 3600 * 1000;

/** A deterministic pseudo-random generator, so every bench run measures the same journal. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function entryText(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const length = 50 + Math.floor(random() * 151);
  const words = [];
  for (let w = 0; w < length; w++) words.push(pick(WORDS));
  const sentences = [];
  for (let w = 0; w < words.length; w += 12) sentences.push(`${words.slice(w, w + 12).join(' ')}.`);
  return sentences.join(' ');
}

/** The same kind of text as entries, one per line, for `reflect classify -`. */
export function generateLines(count) {
  const random = rng(7);
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(entryText(random));
  return `${lines.join('\n')}\n`;
}

export function generateJournal(path, count) {
  const random = rng(42);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const db = openJournal(path, 'write');
  const end = Date.now();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const text = entryText(random);
      const tags = [pick(TAGS)];
      if (random() < 0.4) tags.push(pick(TAGS));
      addEntry(db, { text, date: new Date(end - random() * FIVE_YEARS_MS), tags });
    }
    labelAndCommit(db, rng(43), end);
  })();
  db.exec(`INSERT INTO entries_fts(entries_fts) VALUES ('optimize')`);
  db.close();
  return { word: 'trust', tag: 'growth' };
}

/** The model's label by share of entries: mostly neutral, breakthroughs rare, as a year of writing reads. */
const LABEL_SHARES = [['neutral', 0.65], ['challenge', 0.12], ['skill', 0.1], ['external', 0.08], ['breakthrough', 0.05]];

function pickLabel(random) {
  let r = random();
  for (const [label, share] of LABEL_SHARES) if ((r -= share) < 0) return label;
  return 'neutral';
}

/**
 * Labels every entry (about 10% confirmed by the writer) and commits a step for one entry in 30,
 * done, dropped or open, some with a due date: in bulk, in the caller's transaction. A generator
 * of its own, so the entries themselves stay as they were before labels were added.
 */
function labelAndCommit(db, random, end) {
  const seqs = db.prepare('SELECT seq, id, occurred_at FROM entries ORDER BY seq').raw().all();
  const classify = db.prepare(
    `INSERT INTO classifications (entry_seq, model_label, model_confidence, model_version, classified_at, user_label, confirmed_at)
     VALUES (?, ?, ?, 'bench', ?, ?, ?)`,
  );
  const action = db.prepare(`INSERT INTO actions (id, entry_id, label, text, due_at, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const event = db.prepare('INSERT INTO action_events (action_id, at, kind, due_at) VALUES (?, ?, ?, ?)');
  const at = new Date(end).toISOString();
  const DAY = 86_400_000;
  for (const [seq, id, occurredAt] of seqs) {
    const label = pickLabel(random);
    const confirmed = random() < 0.1;
    // A confirmed label is now and then not the one proposed: the writer knows better.
    const user = confirmed ? (random() < 0.2 ? pickLabel(random) : label) : null;
    classify.run(seq, label, 0.5 + random() / 2, at, user, confirmed ? at : null);
    if (random() >= 1 / 30) continue;
    const created = Date.parse(occurredAt);
    const due = random() < 0.6 ? new Date(created + Math.ceil(random() * 14) * DAY) : null;
    due?.setHours(12, 0, 0, 0);
    const r = random();
    const status = r < 0.55 ? 'done' : r < 0.7 ? 'dropped' : 'open';
    const doneAt = status === 'open' ? null : new Date(created + random() * 21 * DAY).toISOString();
    // An id as reflect writes them (a v4 UUID), so the exported journal imports again.
    const actionId = `00000000-0000-4000-8000-${seq.toString(16).padStart(12, '0')}`;
    action.run(actionId, id, user ?? label, 'take the next step', due?.toISOString() ?? null, status, occurredAt, doneAt);
    event.run(actionId, occurredAt, 'committed', due?.toISOString() ?? null);
    if (doneAt) event.run(actionId, doneAt, status, null);
  }
}
