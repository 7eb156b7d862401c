import { ELICITS, LABELS, OPERATORS, QUESTION_TYPES, type Operator } from './prompt-set.js';

/**
 * The prompt-set format, declared once. The validator (prompt-check.ts) checks files
 * against it with positions and plain words; toJsonSchema() publishes the same rules for
 * editors (schema/prompt-set.schema.json, kept in step by a test).
 */
export type Spec =
  | { kind: 'string'; pattern?: RegExp; patternHint?: string; multiline?: boolean }
  | { kind: 'boolean' }
  | { kind: 'integer' }
  | { kind: 'scalar'; types?: readonly ScalarType[] }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'oneOf'; options: Spec[]; hint: string }
  | { kind: 'list'; items: Spec; minItems?: number }
  | { kind: 'map'; fields: Record<string, Field> }
  | { kind: 'dict'; keys: 'integer' | readonly string[] | NamePattern; values: Spec }
  | { kind: 'condition' };

/** Keys a person names (a config's journals): any name that fits the pattern. */
export interface NamePattern {
  pattern: RegExp;
  hint: string;
}

export const SCALAR_TYPES = ['string', 'number', 'boolean'] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

export interface Field {
  spec: Spec;
  required?: boolean;
  description: string;
}

export const SET_ID = /^[a-z0-9][a-z0-9-]*$/;
export const QUESTION_ID = /^[a-z][a-z0-9_-]*$/;

const text = (description: string, required = false): Field => ({ spec: { kind: 'string' }, required, description });

export const CHOICE_SPEC: Spec = {
  kind: 'oneOf',
  hint: 'a choice is text (in quotes if it holds ": "), or {value: ..., label: ...}',
  options: [
    { kind: 'scalar' },
    {
      kind: 'map',
      fields: {
        value: { spec: { kind: 'scalar' }, required: true, description: 'What is stored, and what `when` conditions compare.' },
        label: text('What the person sees (default: the value).'),
      },
    },
  ],
};

const ELICITS_FIELD: Field = {
  spec: { kind: 'enum', values: ELICITS },
  description:
    'What the question listens for, and so how its answers are meant to be read: insight (a new understanding), feeling, ' +
    'value, belief, plan or fact. Allowed on any question type (a feeling scale, say).',
};

export const PROBE_SPEC: Spec = {
  kind: 'oneOf',
  hint: 'a probe is text (in quotes if it holds ": "), or {ask: ..., elicits: ...}',
  options: [
    { kind: 'string' },
    {
      kind: 'map',
      fields: {
        ask: text('The follow-up. May quote an earlier answer as {{question-id}}.', true),
        elicits: { ...ELICITS_FIELD, description: 'What the reply to this probe listens for; a probe does not inherit its question’s.' },
      },
    },
  ],
};

export const QUESTION_SPEC: Spec = {
  kind: 'map',
  fields: {
    id: {
      spec: { kind: 'string', pattern: QUESTION_ID, patternHint: 'lower-case letters, digits, - and _, starting with a letter' },
      required: true,
      description: 'Unique in the set; earlier answers are quoted as {{id}} and tested in `when`.',
    },
    ask: text('The question. May quote an earlier answer as {{question-id}}.', true),
    hint: text('Optional help shown under the question.'),
    type: { spec: { kind: 'enum', values: QUESTION_TYPES }, description: 'text (default), long (editor), choice, multi, scale or confirm.' },
    required: { spec: { kind: 'boolean' }, description: 'Whether an answer is needed (default true).' },
    choices: { spec: { kind: 'list', items: CHOICE_SPEC, minItems: 1 }, description: 'For choice and multi: the options.' },
    min: { spec: { kind: 'integer' }, description: 'For scale: the lowest value (default 1).' },
    max: { spec: { kind: 'integer' }, description: 'For scale: the highest value (default 10).' },
    labels: { spec: { kind: 'dict', keys: 'integer', values: { kind: 'string' } }, description: 'For scale: words for some values, e.g. {1: light, 10: crushing}.' },
    when: { spec: { kind: 'condition' }, description: 'Ask only if this holds on earlier answers.' },
    elicits: ELICITS_FIELD,
    deeper: {
      spec: { kind: 'list', items: PROBE_SPEC },
      description: 'Follow-up probes asked in turn; an empty answer ends the chain. Each is text, or {ask, elicits}.',
    },
  },
};

export const SET_SPEC: Spec = {
  kind: 'map',
  fields: {
    id: {
      spec: { kind: 'string', pattern: SET_ID, patternHint: 'lower-case letters, digits and -' },
      description: 'The set’s name (default: the file name).',
    },
    title: text('Shown when choosing a set.', true),
    description: text('One sentence on what the set is for.'),
    version: {
      spec: { kind: 'oneOf', options: [{ kind: 'string' }, { kind: 'integer' }], hint: 'a version is a number or text' },
      description: 'Stored with every session run from this set.',
    },
    tags: { spec: { kind: 'list', items: { kind: 'string' } }, description: 'Words to group sets by.' },
    intro: text('Shown before the first question.'),
    outro: text('Shown at the end.'),
    questions: { spec: { kind: 'list', items: QUESTION_SPEC, minItems: 1 }, required: true, description: 'The questions, in order.' },
    actions: {
      spec: { kind: 'dict', keys: LABELS, values: { kind: 'list', items: { kind: 'string' } } },
      description: 'Next actions offered after classification, by label; may quote answers as {{question-id}}.',
    },
  },
};

/** The question a `when` test looks at. Its pattern is left to the rules, which name the earlier questions it could mean. */
export const CONDITION_QUESTION: Spec = { kind: 'string' };

/** What each test in a `when` compares with: the validator and the JSON Schema both read this table. */
export const OPERANDS: Record<Operator, { spec: Spec; needs: string }> = {
  equals: { spec: { kind: 'scalar' }, needs: 'one value (text, a number, true or false)' },
  notEquals: { spec: { kind: 'scalar' }, needs: 'one value (text, a number, true or false)' },
  in: { spec: { kind: 'list', items: { kind: 'scalar', types: ['string', 'number'] } }, needs: 'a list of values, each text or a number' },
  atLeast: { spec: { kind: 'scalar', types: ['number'] }, needs: 'a number' },
  atMost: { spec: { kind: 'scalar', types: ['number'] }, needs: 'a number' },
  includes: { spec: { kind: 'string' }, needs: 'one choice, as text' },
  answered: { spec: { kind: 'boolean' }, needs: 'true or false' },
};

export const CONDITION_HINT = `a condition is {question: id, ${OPERATORS.join('|')}: value}, or {all: [...]} / {any: [...]}`;

/** The JSON Schema (draft 2020-12) for prompt files, generated from the specs above. */
export function toJsonSchema(): Record<string, unknown> {
  const comparison = (op: Operator) => ({
    type: 'object',
    required: ['question', op],
    additionalProperties: false,
    properties: { question: { type: 'string', pattern: QUESTION_ID.source }, [op]: convert(OPERANDS[op].spec) },
  });
  // Empty lists are refused: `all: []` would always hold and `any: []` never, which no coach means.
  const combined = (combiner: string) => ({
    type: 'object',
    required: [combiner],
    additionalProperties: false,
    properties: { [combiner]: { type: 'array', items: { $ref: '#/$defs/condition' }, minItems: 1 } },
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://reflect.invalid/schema/prompt-set.schema.json',
    title: 'reflect prompt set',
    ...convert(SET_SPEC),
    $defs: {
      condition: {
        description: CONDITION_HINT,
        oneOf: [combined('all'), combined('any'), ...OPERATORS.map(comparison)],
      },
    },
  };
}

/** Any spec as JSON Schema (the config file's, say): the same conversion the prompt-set schema uses. */
export function jsonSchemaOf(spec: Spec, id: string, title: string): Record<string, unknown> {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `https://reflect.invalid/schema/${id}`, title, ...convert(spec) };
}

function convert(spec: Spec): Record<string, unknown> {
  switch (spec.kind) {
    case 'string':
      return spec.pattern ? { type: 'string', pattern: spec.pattern.source } : { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'scalar': {
      const types = spec.types ?? SCALAR_TYPES;
      return { type: types.length === 1 ? types[0] : [...types] };
    }
    case 'enum':
      return { enum: [...spec.values] };
    case 'oneOf':
      return { oneOf: spec.options.map(convert) };
    case 'list':
      return { type: 'array', items: convert(spec.items), ...(spec.minItems ? { minItems: spec.minItems } : {}) };
    case 'map':
      return {
        type: 'object',
        additionalProperties: false,
        required: Object.entries(spec.fields).filter(([, f]) => f.required).map(([k]) => k),
        properties: Object.fromEntries(
          Object.entries(spec.fields).map(([k, f]) => [k, { description: f.description, ...convert(f.spec) }]),
        ),
      };
    case 'dict':
      if (!Array.isArray(spec.keys)) {
        const pattern = spec.keys === 'integer' ? '^-?[0-9]+$' : (spec.keys as NamePattern).pattern.source;
        return { type: 'object', propertyNames: { pattern }, additionalProperties: convert(spec.values) };
      }
      return {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(spec.keys.map((k) => [k, convert(spec.values)])),
          };
    case 'condition':
      return { $ref: '#/$defs/condition' };
  }
}
