// Random inputs for the loaders, shared by `npm run torture` and the fast slice in test/fuzz/.
// Plain JavaScript (no vitest, no TypeScript) so the torture script can run it as it is.
import fc from 'fast-check';

/** Keys that break code which indexes a plain object with text the user wrote. */
export const HOSTILE_KEYS = ['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
const SET_KEYS = ['id', 'title', 'description', 'version', 'tags', 'intro', 'outro', 'questions', 'actions'];
const QUESTION_KEYS = ['id', 'ask', 'hint', 'type', 'required', 'choices', 'min', 'max', 'labels', 'when', 'deeper', 'elicits'];
const WORDS = ['text', 'long', 'choice', 'multi', 'scale', 'confirm', 'feeling', 'fact', 'equals', 'atLeast', 'in', 'answered', 'breakthrough', 'a', 'b'];
/** A word of `first` then up to `max` of `rest` (stringMatching is slow to generate). */
const word = (first, rest, max) => fc.tuple(fc.constantFrom(...first), fc.string({ unit: fc.constantFrom(...rest), maxLength: max })).map(([a, b]) => a + b);
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const CONTROL = [...Array(32).keys()].map((c) => String.fromCharCode(c)).concat(['\u007f', '\u0085', '\u2028', '\u2029', '\u200b', '\u202e', '\ufeff', '\ud800', '\u001b[31m']);

/** Text with the characters terminals, YAML and JSON treat specially mixed in. */
export const nastyText = () =>
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.array(fc.oneof(fc.constantFrom(...CONTROL), fc.constantFrom(...WORDS), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join('')),
    fc.constantFrom(...HOSTILE_KEYS, '', ' ', '{{a}}', '{{constructor}}', '- x', 'a: b', '#', '---', '~', 'null', 'NaN'),
  );

/** Whether a key is one a plain object already has (constructor, toString, __proto__, ...). */
export const inherited = (k) => k in {};

// `hostile: false` leaves out inherited keys (constructor, __proto__, ...), for a property that is
// about something else; by default they are in, as in the fast slice in `npm test`.
const key = (known, hostile) =>
  hostile
    ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }, { weight: 1, arbitrary: nastyText() })
    : fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: nastyText().filter((k) => !inherited(k)) });
const scalar = () => fc.oneof(nastyText(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(...WORDS), fc.constantFrom(2 ** 53 + 1, -0, 1e308, 0.1));

/** Any YAML-able value, a few levels deep, with hostile keys among the ordinary ones. */
export const yamlValue = (depth = 3, { hostile = true } = {}) =>
  fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: depth }, scalar(), tie('list'), tie('map')),
    list: fc.array(tie('value'), { maxLength: 4 }),
    map: fc.dictionary(key([...SET_KEYS, ...QUESTION_KEYS, ...WORDS], hostile), tie('value'), { maxKeys: 4 }),
  })).value;

const question = (hostile) =>
  fc.dictionary(key(QUESTION_KEYS, hostile), fc.oneof({ weight: 3, arbitrary: scalar() }, { weight: 1, arbitrary: yamlValue(2, { hostile }) }), { maxKeys: 7 });

/** A prompt set that looks nearly right: the real keys, odd values, hostile keys now and then. */
export const setValue = ({ hostile = true } = {}) =>
  fc.record(
    {
      id: fc.oneof(fc.constantFrom('t', 'my-set'), nastyText()),
      title: nastyText(),
      questions: fc.array(fc.oneof({ weight: 4, arbitrary: question(hostile) }, { weight: 1, arbitrary: yamlValue(2, { hostile }) }), { maxLength: 4 }),
      actions: fc.dictionary(key(['breakthrough', 'skill', 'neutral'], hostile), yamlValue(2, { hostile }), { maxKeys: 3 }),
      extra: fc.dictionary(fc.constantFrom(...(hostile ? HOSTILE_KEYS : []), ...SET_KEYS), yamlValue(2, { hostile }), { maxKeys: 2 }),
    },
    { requiredKeys: ['title'] },
  ).map(({ extra, ...set }) => ({ ...extra, ...set }));

/** A valid set: every question of every type, so good input must parse with no problems. */
export const validSetValue = () =>
  fc
    .uniqueArray(word(LOWER, `${LOWER}0123456789_-`, 8).filter((id) => !HOSTILE_KEYS.includes(id)), { minLength: 1, maxLength: 5 })
    .chain((ids) =>
      fc.record({
        id: word(`${LOWER}0123456789`, `${LOWER}0123456789-`, 10),
        title: fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() !== ''),
        questions: fc.tuple(...ids.map((id) => validQuestion(id))),
      }),
    );

const validQuestion = (id) =>
  fc.oneof(
    fc.record({ id: fc.constant(id), ask: fc.string({ minLength: 1, maxLength: 40 }), type: fc.constantFrom('text', 'long'), required: fc.boolean() }),
    fc.record({ id: fc.constant(id), ask: fc.string({ minLength: 1, maxLength: 40 }), type: fc.constantFrom('choice', 'multi'), choices: fc.uniqueArray(word(LOWER, LOWER, 5), { minLength: 1, maxLength: 4 }) }),
    fc.record({ id: fc.constant(id), ask: fc.string({ minLength: 1, maxLength: 40 }), type: fc.constant('scale'), min: fc.integer({ min: -5, max: 1 }), max: fc.integer({ min: 2, max: 10 }) }),
    fc.record({ id: fc.constant(id), ask: fc.string({ minLength: 1, maxLength: 40 }), type: fc.constant('confirm') }),
  );

/** Raw bytes of YAML-ish text: a real set with lines cut, doubled, or spliced with junk. */
export const mangledText = (base) =>
  fc
    .array(fc.tuple(fc.nat(), fc.constantFrom('cut', 'dup', 'insert', 'indent'), nastyText()), { minLength: 1, maxLength: 4 })
    .map((edits) => {
      const lines = base.split('\n');
      for (const [at, how, junk] of edits) {
        const i = at % Math.max(lines.length, 1);
        if (how === 'cut') lines.splice(i, 1);
        else if (how === 'dup') lines.splice(i, 0, lines[i] ?? '');
        else if (how === 'insert') lines.splice(i, 0, junk);
        else lines[i] = `  ${lines[i] ?? ''}${junk}`;
      }
      return lines.join('\n');
    });

/** Values nested far deeper than anyone writes: a list of lists, a map of maps. */
export const deepText = () =>
  fc.tuple(fc.integer({ min: 500, max: 20_000 }), fc.constantFrom('flow-list', 'flow-map', 'json-list', 'json-map')).map(([n, how]) =>
    how === 'flow-list' ? `title: T\nquestions: ${'['.repeat(n)}${']'.repeat(n)}\n`
      : how === 'flow-map' ? `title: T\nquestions: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`
        : how === 'json-list' ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
  );

const isoTime = () => fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const uuid = () => fc.uuid({ version: 4 });

/** An entry record exactly as `export --format json` writes it (no session, no label). */
export const entryRecord = () =>
  fc.record({
    id: uuid(),
    date: isoTime(),
    createdAt: isoTime(),
    updatedAt: fc.option(isoTime(), { nil: null }),
    text: fc.string({ minLength: 1, maxLength: 60 }),
    tags: fc.uniqueArray(word(LOWER, `${LOWER}0123456789-`, 8), { maxLength: 3 }).map((tags) => tags.map((tag) => ({ tag, origin: 'flag' }))),
    session: fc.constant(null),
    classification: fc.constant(null),
  });

/** A field of a record replaced by something odd, or deleted, or a hostile key added. */
export const brokenRecord = ({ hostile = true } = {}) =>
  fc.tuple(entryRecord(), fc.constantFrom('id', 'date', 'createdAt', 'text', 'tags', 'session', 'classification', ...(hostile ? HOSTILE_KEYS : [])), yamlValue(2, { hostile }), fc.boolean()).map(([r, field, value, drop]) => {
    const copy = JSON.parse(JSON.stringify(r));
    if (drop) delete copy[field];
    else copy[field] = value;
    return copy;
  });

/** Date strings as people (and fuzzers) type them: phrases, ISO pieces, numbers, junk. */
export const dateText = () =>
  fc.oneof(
    fc.constantFrom('today', 'yesterday', 'tomorrow', 'now', 'last monday', 'next friday', '3 days ago', 'in 2 weeks', 'yesterday 9pm', '2026-02-29', '2024-02-29 23:59', '0000-01-01', '9999-12-31 23:59', '2026-11-01T21:00+14:00', '2026-11-01 24:00'),
    fc.tuple(fc.integer({ min: -1, max: 1e12 }), fc.constantFrom('minute', 'hour', 'day', 'week', 'month', 'year', 'days', 'years'), fc.constantFrom('ago', ''), fc.boolean()).map(([n, u, ago, pre]) => `${pre ? 'in ' : ''}${n} ${u} ${ago}`),
    fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.option(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })))).map(
      ([y, m, d, t]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${t ? ` ${t[0]}:${String(t[1]).padStart(2, '0')}` : ''}`,
    ),
    fc.tuple(fc.constantFrom('yesterday', 'last sunday', 'monday', 'today'), fc.integer({ min: 0, max: 30 }), fc.constantFrom('am', 'pm', '', ':00', ':99')).map(([d, h, s]) => `${d} ${h}${s}`),
    nastyText(),
  );
