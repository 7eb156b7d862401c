import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ReflectError } from '../../src/core/errors.js';
import { parsePromptSet } from '../../src/core/prompt-parse.js';
import { ROOT } from '../helpers/cli.js';
import * as A from '../../scripts/torture/arbitraries.mjs';
import { onlyReflectErrors } from './only-reflect-errors.js';

// The fast slice of `npm run torture`: a fixed seed, so a failure here is the same every run.
const RUNS = { seed: 20260301, numRuns: 100 };
const builtIn = readFileSync(join(ROOT, 'prompts/daily.yaml'), 'utf8');

describe('the prompt-set loader on random text', () => {
  // A prompt file is reported as problems; no text may make the loader itself throw.
  it.each([
    ['near-valid structures', A.setValue().map((v) => stringify(v))],
    ['any YAML value', A.yamlValue(4).map((v) => stringify(v))],
    ['a built-in set with lines cut, doubled or spliced', A.mangledText(builtIn)],
    ['any text at all', fc.string({ maxLength: 300 })],
  ])('%s: problems, never an exception', (_name, text) => {
    fc.assert(fc.property(text, (source) => onlyReflectErrors(() => parsePromptSet(source, 'fuzz'))), RUNS);
  });

  it('reads every valid set with no problems, and the result reads back the same', () => {
    fc.assert(
      fc.property(A.validSetValue(), (value) => {
        const first = parsePromptSet(stringify(value), 'fuzz');
        expect(first.problems).toEqual([]);
        expect(first.set!.questions.map((q) => q.id)).toEqual(value.questions.map((q: { id: string }) => q.id));
        // What the loader made of it is itself a valid set, read back the same.
        expect(parsePromptSet(stringify(first.set), 'fuzz').set).toEqual(first.set);
      }),
      RUNS,
    );
  });

  it('treats a ReflectError as the only way to refuse', () => {
    expect(() => onlyReflectErrors(() => { throw new TypeError('x'); })).toThrow(TypeError);
    expect(onlyReflectErrors(() => { throw new ReflectError('invalid', 'x'); })).toBe(true);
  });
});
