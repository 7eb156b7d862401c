import { describe, expect, it } from 'vitest';
import { runWrite } from '../../src/cli/commands/write.js';
import type { Choice, Prompter } from '../../src/core/prompter.js';
import { tempJournal } from '../helpers/cli.js';
import { testDeps } from '../helpers/deps.js';

const BREAKTHROUGH = "It isn't about the job offer, it's my fear of repeating past mistakes. " +
  'For years I told myself that the next job would fix it, and it never did, because the thing I kept running from was the fear itself.';

/** `reflect write` on a terminal `columns` wide, skipping the review: what was shown, and the choices offered. */
async function review(columns: number) {
  const printed: string[] = [];
  const offered: string[][] = [];
  const skip = async <T>({ choices }: { choices: readonly Choice<T>[] }) => {
    offered.push(choices.map((c) => c.label));
    return choices.at(-1)!.value;
  };
  const prompter = { choose: skip } as unknown as Prompter;
  const { deps, opened } = testDeps(tempJournal().db, { print: (t) => void printed.push(t), prompter, isTTY: true });
  deps.stdout.columns = columns;
  await runWrite({ text: [BREAKTHROUGH], tag: [] }, deps);
  for (const db of opened) db.close();
  return { out: printed.join(''), offered };
}

describe('the review after writing', () => {
  it('offers corrections that read as sentences, with the right article', async () => {
    const { offered } = await review(100);
    expect(offered[0]).toEqual([
      'Yes',
      'No — it’s a skill',
      'No — it’s a challenge',
      'No — it’s someone else’s conclusion (external)',
      'No — it’s neutral',
      'Skip',
    ]);
  });

  it.each([50, 80])('wraps the quote between words at %i columns, each line within the width', async (columns) => {
    const { out } = await review(columns);
    const quote = out.split('\n').filter((l) => /breakthrough\s+"|^ {4}\S/.test(l));
    expect(quote.length).toBeGreaterThan(1);
    for (const line of quote) expect(line.length).toBeLessThanOrEqual(columns);
    // Rejoined, the lines are the sentence again: no word was cut in two.
    expect(quote.map((l) => l.trim()).join(' ')).toContain('For years I told myself that the next job would fix it');
  });
});
