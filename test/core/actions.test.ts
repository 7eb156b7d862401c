import { describe, expect, it } from 'vitest';
import { BUILT_IN_ACTIONS, suggestActions } from '../../src/core/actions.js';
import { BUILT_IN_DIR, loadLibrary } from '../../src/prompts/library.js';

// Suggestions and questions are read in a terminal menu, not rendered as Markdown.
const MARKUP = /[`*_]{1,2}\w[^`*_]*[`*_]{1,2}/;

describe('built-in words a person reads in a session', () => {
  it('no suggestion shows Markdown marks (backticks, stars)', () => {
    for (const text of Object.values(BUILT_IN_ACTIONS).flat()) expect(text).not.toMatch(MARKUP);
  });

  it('no built-in set shows Markdown marks in a question, hint, probe or action', () => {
    const sets = loadLibrary([{ origin: 'built-in', path: BUILT_IN_DIR }]).map((f) => f.set!);
    expect(sets.length).toBeGreaterThan(3);
    for (const set of sets) {
      const texts = [set.intro ?? '', set.outro ?? '', ...set.questions.flatMap((q) => [q.ask, q.hint ?? '', ...(q.deeper ?? []).map((d) => d.ask)])];
      texts.push(...Object.values(set.actions ?? {}).flat().filter((a): a is string => typeof a === 'string'));
      for (const text of texts) expect(text, `${set.id}: ${text}`).not.toMatch(MARKUP);
    }
  });

  it.each([
    ['a phrase', 'Whether to say yes to leading the new platform team.', 'Tell one person you trust what you saw about “Whether to say yes to leading the new platform team”.'],
    // Unquoted, a whole sentence lowered into the action read "what you saw about my manager offered me…".
    ['a whole sentence', 'My manager offered me the lead role and I keep putting off the answer.', 'Tell one person you trust what you saw about “My manager offered me the lead role and I keep putting off the answer”.'],
  ])("a set's action quotes %s as the writer wrote it, its full stop after the quote", (_name, answer, expected) => {
    const set = loadLibrary([{ origin: 'built-in', path: BUILT_IN_DIR }]).find((f) => f.id === 'breakthrough')!.set!;
    const texts = suggestActions('breakthrough', set, (id) => (id === 'pull' ? answer : undefined)).map((s) => s.text);
    expect(texts).toContain(expected);
  });

  it('every built-in question and action reads as one sentence with any answer quoted in it', async () => {
    const { fill } = await import('../../src/core/template.js');
    const sets = loadLibrary([{ origin: 'built-in', path: BUILT_IN_DIR }]).map((f) => f.set!);
    for (const answer of ['The quarterly report.', 'Should I stay?', 'Whether to say yes to leading the new platform team']) {
      for (const set of sets) {
        const texts = [...set.questions.flatMap((q) => [q.ask, ...(q.deeper ?? []).map((d) => d.ask)]), ...Object.values(set.actions ?? {}).flat()];
        for (const text of texts.filter((t): t is string => typeof t === 'string' && t.includes('{{'))) {
          const filled = fill(text, () => answer);
          expect(filled, `${set.id}: ${text}`).not.toMatch(/[.?!]["”)]?[.,]|\.\.|,[.,]/);
        }
      }
    }
  });
});
