import { SET_ID, jsonSchemaOf, type Spec } from './prompt-schema.js';

/** A journal's name in the config: what follows `--journal`, so nothing a shell would split or expand. */
export const JOURNAL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

// What a config file can say. Reading one (which needs the YAML library) is in config-parse.ts.

/**
 * The config file's format, declared once: the checker reads files against it with positions,
 * and schema/config.schema.json publishes it for editors (kept in step by a test).
 */
export const CONFIG_SPEC: Spec = {
  kind: 'map',
  fields: {
    journals: {
      spec: { kind: 'dict', keys: { pattern: JOURNAL_NAME, hint: 'a name of letters, digits, ., - and _ (starting with a letter or digit)' }, values: { kind: 'string' } },
      description: 'Named journals, name: path. `reflect --journal NAME` uses one. A path may start with ~/; a relative one is read from the folder of this file.',
    },
    default: {
      spec: { kind: 'string' },
      description: 'The journal used when neither --journal, --db nor REFLECT_DB names one: one of the names under journals.',
    },
    set: {
      spec: { kind: 'string', pattern: SET_ID, patternHint: 'a set id (lower-case letters, digits and -)' },
      description: 'The prompt set a bare `reflect` starts, without asking which.',
    },
    write: {
      spec: {
        kind: 'map',
        fields: {
          review: { spec: { kind: 'boolean' }, description: 'false: `reflect write` keeps a proposed label without asking (as --no-review). Default true.' },
        },
      },
      description: 'How `reflect write` behaves.',
    },
    editor: {
      spec: { kind: 'string' },
      description: 'The editor for long answers and `reflect edit`, as you would type it (code --wait). Used over $VISUAL and $EDITOR.',
    },
  },
};

export interface Position {
  line: number;
  col: number;
}

/** What a config file says, with where it says it, so a later refusal can point at the line. Plain data: it is cached as JSON. */
export interface Config {
  journals: { name: string; path: string; at: Position }[];
  /** Where `journals:` is, for "no journal NAME" messages; null when the file has none. */
  journalsAt: Position | null;
  default: { name: string; at: Position } | null;
  set: { id: string; at: Position } | null;
  writeReview: boolean | null;
  editor: string | null;
}

export const NO_CONFIG: Config = { journals: [], journalsAt: null, default: null, set: null, writeReview: null, editor: null };

/** schema/config.schema.json, for editors that check YAML as it is typed. */
export const configJsonSchema = () => jsonSchemaOf(CONFIG_SPEC, 'config.schema.json', 'reflect config');
