import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parsePromptSet } from '../../src/core/prompt-parse.js';
import { checkScriptedAnswers } from '../../src/core/scripted-answers.js';
import { exportJson } from '../../src/export/json.js';
import { readDayOne, readJrnl } from '../../src/import/other-journals.js';
import { readReflectJson } from '../../src/import/reflect-json.js';
import * as A from '../../scripts/torture/arbitraries.mjs';
import { zip } from '../helpers/zip.js';
import { onlyReflectErrors } from './only-reflect-errors.js';
import { ReflectError } from '../../src/core/errors.js';

const RUNS = { seed: 20260302, numRuns: 100 };
const dir = mkdtempSync(join(tmpdir(), 'reflect-fuzz-'));
let files = 0;
const file = (content: string | Buffer, ext = 'json') => {
  const path = join(dir, `${++files}.${ext}`);
  writeFileSync(path, content);
  return path;
};
const readAll = (records: Iterable<unknown>) => [...records];

async function onlyReflectErrorsAsync(run: () => Promise<unknown>): Promise<true> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof ReflectError)) throw error;
  }
  return true;
}

describe('the answers loader on random answers', () => {
  it('reports problems for any answers file, never an exception', () => {
    fc.assert(
      fc.property(A.validSetValue(), A.yamlValue(3), (value, answers) => {
        const set = parsePromptSet(stringify(value), 'fuzz').set!;
        return onlyReflectErrors(() => checkScriptedAnswers(set, answers));
      }),
      RUNS,
    );
  });
});

describe('the importers on random files', () => {
  const reflectFile = fc.oneof(
    fc.array(fc.oneof(A.entryRecord(), A.brokenRecord()), { maxLength: 4 }).map((entries) =>
      [...exportJson({ sessions: [], entries: entries as never[], actions: [] })].join(''),
    ),
    A.yamlValue(3).map((v) => JSON.stringify({ format: 'reflect-journal', version: 1, entries: v })),
    fc.string({ maxLength: 200 }),
  );
  const dayOneEntries = A.yamlValue(3).map((v) => JSON.stringify({ entries: Array.isArray(v) ? v : [v] }));

  it.each([
    ['reflect JSON', reflectFile, (text: string) => readAll(readReflectJson(file(text)))],
    ['jrnl', A.yamlValue(3).map((v) => JSON.stringify({ entries: Array.isArray(v) ? v : [v] })), (text: string) => readAll(readJrnl(file(text)))],
  ] as const)('%s: refuses with a ReflectError, never an exception', (_name, input, read) => {
    fc.assert(fc.property(input, (text) => onlyReflectErrors(() => read(text))), RUNS);
  });

  // Day One is read before the import's transaction (a zip asynchronously, with yauzl).
  it.each([
    ['Day One JSON', (text: string) => file(text)],
    ['Day One zip', (text: string) => file(zip({ 'Journal.json': text }), 'zip')],
  ] as const)('%s: refuses with a ReflectError, never an exception', async (_name, make) => {
    await fc.assert(fc.asyncProperty(dayOneEntries, async (text) => onlyReflectErrorsAsync(async () => readAll(await readDayOne(make(text))))), RUNS);
  });

  it.each([
    ['a session set', (deep: string) => `{"format":"reflect-journal","version":1,"sessions":[{"id":"s","set":{"questions":${deep}}}],"entries":[]}`],
    ['an entry', (deep: string) => `{"format":"reflect-journal","version":1,"entries":[{"id":"e","text":${deep}}]}`],
  ])('refuses nesting too deep to walk in %s with one plain reason', (_name, wrap) => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 20_000 }), (depth) => {
        const path = file(wrap(`${'['.repeat(depth)}${']'.repeat(depth)}`));
        expect(() => readAll(readReflectJson(path))).toThrow(/nest/);
      }),
      { ...RUNS, numRuns: 10 },
    );
  });

  it('reads back exactly the entries a reflect export holds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(A.entryRecord(), { selector: (e) => e.id, maxLength: 5 }), (entries) => {
        const text = [...exportJson({ sessions: [], entries, actions: [] })].join('');
        expect(readAll(readReflectJson(file(text)))).toEqual(entries.map((record) => ({ kind: 'entry', record })));
      }),
      RUNS,
    );
  });

  it('refuses a damaged Day One zip with a ReflectError', async () => {
    const archive = zip({ 'Journal.json': JSON.stringify({ entries: [{ uuid: 'a'.repeat(32), creationDate: '2026-01-01T09:00:00Z', text: 'hi' }] }) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), fc.boolean(), async (flips, cut) => {
        const bytes = Buffer.from(archive);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        return onlyReflectErrorsAsync(async () => readAll(await readDayOne(file(cut ? bytes.subarray(0, flips[0]![0] % bytes.length) : bytes, 'zip'))));
      }),
      RUNS,
    );
  });
});
