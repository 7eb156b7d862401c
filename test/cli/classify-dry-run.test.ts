import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { dumpJournal, reflect, tempJournal } from '../helpers/cli.js';

const json = (text: string) => JSON.parse(text);
const REFRAME = "It isn't about the job offer, it's my fear of repeating past mistakes.";

/** Two entries whose stored proposals came from an older model ('skill'); the second carries the writer's own label. */
function journal(): string {
  const { db } = tempJournal();
  reflect(['--db', db, 'write', '--no-review', REFRAME]);
  reflect(['--db', db, 'write', '--no-review', 'Went to the market, then cooked dinner with Sam.']);
  const conn = new Database(db);
  conn.prepare(`UPDATE classifications SET model_label = 'skill'`).run();
  conn.prepare(`UPDATE classifications SET user_label = 'challenge', confirmed_at = '2026-01-01T00:00:00.000Z' WHERE entry_seq = 2`).run();
  conn.close();
  return db;
}

describe('classify --entries --dry-run', () => {
  it('says what would change, by label, and saves nothing', () => {
    const db = journal();
    const before = dumpJournal(db);
    const run = reflect(['--db', db, 'classify', '--entries', '--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const changes = run.stdout.trim().split('\n').map(json);
    expect(changes.map((c: { before: string; after: string }) => `${c.before}>${c.after}`).sort()).toEqual(['skill>breakthrough', 'skill>neutral']);
    expect(run.stderr).toBe(
      'Dry run: of 2 entries, 2 would get a new or different proposed label (1 breakthrough, 1 neutral); nothing was saved. 1 of them carries your own label, which stays.\n',
    );
    expect(dumpJournal(db)).toEqual(before);
  });

  it('the real run then changes what the dry run said, and never the writer’s own label', () => {
    const db = journal();
    const dry = reflect(['--db', db, 'classify', '--entries', '--dry-run', '--json']).stdout;
    const real = reflect(['--db', db, 'classify', '--entries', '--json']);
    expect(real.stdout).toBe(dry);
    const labels = json(reflect(['--db', db, 'list', '--json']).stdout).map((e: { label: string; labelSource: string }) => `${e.label} ${e.labelSource}`);
    expect(labels).toEqual(['challenge writer', 'breakthrough model']);
    expect(reflect(['--db', db, 'classify', '--entries', '--dry-run']).stderr).toBe('Dry run: of 2 entries, 0 would get a new or different proposed label; nothing was saved.\n');
  });

  it('refuses --dry-run without --entries: text given to classify is never saved', () => {
    const run = reflect(['classify', '--dry-run', 'some text']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('reflect: --dry-run is for --entries: text given to classify is never saved anyway\n');
  });
});
