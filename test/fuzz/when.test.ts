import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/core/when.js';
import * as A from '../../scripts/torture/arbitraries.mjs';
import { ReflectError } from '../../src/core/errors.js';

const RUNS = { seed: 20260303, numRuns: 300 };
const NOW = new Date('2026-03-15T12:00:00Z');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('the date parser on random text', () => {
  it('reads a date a journal can hold, or refuses with a ReflectError', async () => {
    await fc.assert(
      fc.asyncProperty(A.dateText(), fc.constantFrom('past', 'future') as fc.Arbitrary<'past' | 'future'>, async (text, prefer) => {
        try {
          const { date } = await parseWhen(text, NOW, { prefer });
          expect(Number.isNaN(date.getTime())).toBe(false);
          expect(date.getFullYear()).toBeGreaterThanOrEqual(1);
          expect(date.getFullYear()).toBeLessThanOrEqual(9999);
        } catch (error) {
          if (!(error instanceof ReflectError)) throw error;
        }
      }),
      RUNS,
    );
  });

  it('reads back any "YYYY-MM-DD HH:MM" it could have written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.date({ min: new Date('1000-01-01T00:00:00'), max: new Date('9999-12-31T00:00:00'), noInvalidDate: true }), async (d) => {
        const text = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
        const when = await parseWhen(text, NOW);
        expect(when.hasTime).toBe(true);
        expect(when.date.getTime()).toBe(new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()).getTime());
      }),
      RUNS,
    );
  });
});
