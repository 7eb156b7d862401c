// Part 3a: the loaders and the date parser called directly (from dist/) with random input.
// Bad input may only ever raise a ReflectError; a refused import must leave the journal as it was.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import * as A from './arbitraries.mjs';
import { zip } from './files.mjs';
import { Tally, dumpJournal, tempDir } from './lib.mjs';

const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);
const { ReflectError } = await dist('core/errors.js');
const { parsePromptSet } = await dist('core/prompt-parse.js');
const { checkScriptedAnswers } = await dist('core/scripted-answers.js');
const { readReflectJson } = await dist('import/reflect-json.js');
const { readJrnl, readDayOne } = await dist('import/other-journals.js');
const { parseWhen } = await dist('core/when.js');
const { openJournal } = await dist('store/journal.js');
const { importRecords } = await dist('store/import-write.js');

const NOW = new Date('2026-03-15T12:00:00Z');
const dir = tempDir('reflect-torture-fuzz-');
const file = (name, content) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Describes what a call threw, or null when it returned or raised a ReflectError. */
/** Like fault, for a call that may return a promise (readDayOne and parseWhen are async). */
async function faultAsync(call) {
  try {
    await call();
    return null;
  } catch (error) {
    return fault(() => {
      throw error;
    });
  }
}

function fault(call) {
  try {
    call();
    return null;
  } catch (error) {
    if (error instanceof ReflectError) return null;
    return `${error?.constructor?.name ?? typeof error}: ${String(error?.message ?? error).split('\n')[0].slice(0, 140)}`;
  }
}

const reflectDoc = fc.oneof(
  fc.array(fc.oneof(A.entryRecord(), A.brokenRecord()), { maxLength: 4 }).map((entries) => `{"format":"reflect-journal","version":1,\n"sessions":[],\n"entries":[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n],\n"actions":[]\n}\n`),
  A.yamlValue(3).map((v) => JSON.stringify({ format: 'reflect-journal', version: 1, entries: v, sessions: [], actions: [] })),
  fc.tuple(A.entryRecord(), A.yamlValue(3)).map(([e, set]) => JSON.stringify({ format: 'reflect-journal', version: 1, sessions: [{ id: e.id, setId: 's', setTitle: 'S', setVersion: null, setHash: 'h', set: { questions: [set] }, startedAt: e.date, finishedAt: null, status: 'open' }], entries: [], actions: [] })),
  // Nested deeper than JSON.stringify can go: built as text.
  fc.integer({ min: 2_000, max: 20_000 }).map((n) => `{"format":"reflect-journal","version":1,"sessions":[{"id":"00000000-0000-4000-8000-000000000000","setId":"s","setTitle":"S","setVersion":null,"setHash":"h","set":{"questions":[${'['.repeat(n)}${']'.repeat(n)}]},"startedAt":"2026-01-01T00:00:00.000Z","finishedAt":null,"status":"open"}],"entries":[],"actions":[]}`),
  fc.string({ maxLength: 200 }),
);
const jrnlDoc = fc.oneof(
  fc.array(fc.record({ title: A.nastyText(), body: A.nastyText(), date: A.dateText(), time: A.nastyText(), tags: A.yamlValue(2), starred: A.yamlValue(1) }, { requiredKeys: [] }), { maxLength: 4 }).map((entries) => JSON.stringify({ tags: {}, entries })),
  A.yamlValue(3).map((v) => JSON.stringify(v)),
);
const dayOneEntries = fc.array(fc.record({ uuid: fc.oneof(fc.uuid().map((u) => u.replace(/-/g, '')), A.nastyText()), creationDate: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), A.dateText()), text: A.nastyText(), tags: A.yamlValue(2), starred: A.yamlValue(1) }, { requiredKeys: [] }), { maxLength: 4 });
const dayOneDoc = fc.oneof(dayOneEntries.map((entries) => JSON.stringify({ entries })), A.yamlValue(3).map((v) => JSON.stringify(v)));
const dayOneZip = fc.tuple(dayOneEntries, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat()).map(([entries, flips, cut]) => {
  const bytes = zip({ 'Journal.json': JSON.stringify({ entries }) });
  for (const [at, value] of flips) bytes[at % bytes.length] = value;
  return flips.length % 3 === 2 ? bytes.subarray(0, cut % bytes.length) : bytes;
});

/** Reads a file with an importer and writes it into a scratch journal, which a refusal must not change. */
function importer(read, name) {
  let db = null;
  let cases = 0;
  return async (content) => {
    if (cases++ % 50 === 0) {
      db?.close();
      rmSync(join(dir, 'fuzz.db'), { force: true });
      db = openJournal(join(dir, 'fuzz.db'), 'write');
    }
    const path = file(name, content);
    const before = dumpJournal(join(dir, 'fuzz.db'));
    let refusal = false;
    const thrown = await faultAsync(async () => {
      try {
        importRecords(db, await read(path));
      } catch (error) {
        refusal = error instanceof ReflectError;
        throw error;
      }
    });
    if (thrown) return thrown;
    // A refusal must roll everything back; a success may add rows.
    if (refusal && dumpJournal(join(dir, 'fuzz.db')) !== before) return 'journal changed on refusal';
    return null;
  };
}

const builtIn = (await import('node:fs')).readFileSync(new URL('../../prompts/breakthrough.yaml', import.meta.url), 'utf8');

/** Each property: a name, the inputs, and a check returning a fault description or null. */
export const PROPERTIES = [
  ['prompt set: near-valid structures', A.setValue().map((v) => stringify(v)), (text) => fault(() => parsePromptSet(text, 'x'))],
  ['prompt set: any YAML value', A.yamlValue(4).map((v) => stringify(v)), (text) => fault(() => parsePromptSet(text, 'x'))],
  ['prompt set: mangled built-in', A.mangledText(builtIn), (text) => fault(() => parsePromptSet(text, 'x'))],
  ['prompt set: deep nesting', A.deepText(), (text) => fault(() => parsePromptSet(text, 'x'))],
  ['prompt set: valid sets parse', A.validSetValue().map((v) => stringify(v)), (text) => {
    const { problems } = parsePromptSet(text, 'x');
    return problems.length ? `valid set refused: ${problems[0].message}` : null;
  }],
  ['answers file', fc.tuple(A.validSetValue(), A.yamlValue(3)), ([set, answers]) => {
    const parsed = parsePromptSet(stringify(set), 'x').set;
    return parsed && fault(() => checkScriptedAnswers(parsed, answers));
  }],
  ['answers file: hostile question ids', fc.tuple(fc.constantFrom(...A.HOSTILE_KEYS.filter((k) => /^[a-z]/.test(k))), A.yamlValue(2)), ([id, answers]) => {
    const parsed = parsePromptSet(`title: T\nquestions:\n  - id: ${id.toLowerCase()}\n    ask: A?\n    required: false\n`, 'x').set;
    if (!parsed) return null;
    const given = typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? { ...answers } : {};
    delete given[id.toLowerCase()];
    const result = (() => { try { return checkScriptedAnswers(parsed, given); } catch (e) { return e; } })();
    if (result instanceof Error) return fault(() => { throw result; });
    const wrong = result.problems.find((p) => p.startsWith(`"${id.toLowerCase()}" must`));
    return wrong ? `an unanswered question "${id.toLowerCase()}" reads Object.prototype: ${wrong}` : null;
  }],
  ['import reflect JSON', reflectDoc, importer(readReflectJson, 'in.json')],
  ['import jrnl', jrnlDoc, importer(readJrnl, 'jrnl.json')],
  ['import Day One JSON', dayOneDoc, importer(readDayOne, 'dayone.json')],
  ['import Day One zip', dayOneZip, importer(readDayOne, 'dayone.zip')],
  ['date parser', A.dateText(), async (text) => {
    let when;
    const thrown = await faultAsync(async () => (when = await parseWhen(text, NOW)) && (await parseWhen(text, NOW, { prefer: 'future' })));
    if (thrown || !when) return thrown;
    const y = when.date.getFullYear();
    return Number.isNaN(when.date.getTime()) || y < 1 || y > 9999 ? `parsed to an impossible date ${when.date}` : null;
  }],
];

/** Runs every property for its share of `seconds`, counting cases; never stops at the first failure. */
export async function fuzzInProcess(seconds, seed) {
  const tallies = [];
  for (const [name, arbitrary, check] of PROPERTIES) {
    const tally = new Tally(`fuzz: ${name}`);
    const deadline = Date.now() + (seconds * 1000) / PROPERTIES.length;
    let round = 0;
    while (Date.now() < deadline) {
      for (const input of fc.sample(arbitrary, { numRuns: 20, seed: seed + round++ })) {
        const started = Date.now();
        const problem = await check(input);
        const slow = Date.now() - started > 10_000 ? ['hang'] : [];
        tally.record([...(problem ? [problem] : []), ...slow], show(input));
        if (Date.now() >= deadline) break;
      }
    }
    tallies.push(tally);
  }
  rmSync(dir, { recursive: true, force: true });
  return tallies;
}

const show = (input) => (Buffer.isBuffer(input) ? `<zip ${input.length} bytes: ${input.toString('base64').slice(0, 200)}>` : fc.stringify(input).slice(0, 400));
