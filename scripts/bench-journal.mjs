// A realistic journal for the benchmark: 50-200 words an entry, a few tags, dates spread over five years.
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
  })();
  db.exec(`INSERT INTO entries_fts(entries_fts) VALUES ('optimize')`);
  db.close();
  return { word: 'trust', tag: 'growth' };
}
