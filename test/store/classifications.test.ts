import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { confirmLabel, writerLabelled } from '../../src/store/classifications.js';
import { addEntry } from '../../src/store/entries.js';
import { openJournal, type Db } from '../../src/store/journal.js';
import { tempJournal } from '../helpers/cli.js';

let db: Db | undefined;
afterEach(() => db?.close());

describe('writerLabelled', () => {
  it("gives the writer's labels only, the latest confirmed first, at most the limit", () => {
    db = openJournal(join(tempJournal().dir, 'j.db'), 'write');
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));
    for (let i = 0; i < 5; i++) {
      const e = addEntry(db, { text: `entry ${i}`, date: at(i) });
      // Confirmed in the reverse order of writing: the order is by confirming, not by date.
      confirmLabel(db, e.id, i % 2 ? 'skill' : 'challenge', at(50 - i));
    }
    addEntry(db, { text: 'never labelled', date: at(9) });
    expect(writerLabelled(db).map((l) => l.text)).toEqual(['entry 0', 'entry 1', 'entry 2', 'entry 3', 'entry 4']);
    expect(writerLabelled(db, 2)).toEqual([
      { text: 'entry 0', label: 'challenge' },
      { text: 'entry 1', label: 'skill' },
    ]);
  });
});
