import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/core/classifier/classify.js';
import { reasonLines } from '../../src/ui/evidence.js';

const at = (rule: string, why: string, span: string): Evidence => ({ rule, why, span, start: 0, end: span.length, weight: 1 });

describe('the reasons a writer reads', () => {
  it('shows each rule with its words, and the word model’s words together on one line', () => {
    const lines = reasonLines([
      at('reframe', 'reframe', 'never about'),
      at('words', 'words that often go with this label: "was never"', 'was never'),
      at('words', 'words that often go with this label: "never"', 'never'),
      at('words', 'words that often go with this label: "money"', 'money'),
    ]);
    // "never" is inside "was never", so it adds nothing.
    expect(lines).toEqual(['reframe — "never about"', 'words often seen with this label: "was never", "money"']);
  });

  it('leaves out "the entry ends on…" when it points at words already shown, and keeps it otherwise', () => {
    const same = reasonLines([at('reframe', 'reframe', 'never about'), at('ends-in-insight', 'the entry ends on a new understanding', 'never about')]);
    expect(same).toEqual(['reframe — "never about"']);
    const other = reasonLines([at('frustration', 'frustration', 'stuck'), at('ends-in-insight', 'the entry ends on a new understanding', 'it hit me')]);
    expect(other).toHaveLength(2);
  });

  it('cuts long spans and keeps to the number of rules asked for', () => {
    const long = 'x'.repeat(100);
    const lines = reasonLines([at('a', 'one', long), at('b', 'two', 'b'), at('c', 'three', 'c')], 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.length).toBeLessThan(80);
    expect(lines[0]).toContain('…');
  });
});
