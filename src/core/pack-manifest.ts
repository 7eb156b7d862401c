import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { checkNode } from './prompt-check.js';
import type { Problem } from './prompt-parse.js';
import { SET_ID, jsonSchemaOf, type Spec } from './prompt-schema.js';
import { readYaml } from './yaml-source.js';

/** A pack's `pack.yaml`: what a coach publishes, and what `reflect prompts install` reads first. */
export interface PackManifest {
  id: string;
  title: string;
  version: string;
  author?: string;
  description?: string;
  /** Paths of the set files inside the pack, as written in the manifest. */
  sets: string[];
}

export const MANIFEST_FILE = 'pack.yaml';

/** Strict semver 2.0.0 (semver.org's own expression): `1.2` or `v1.2.0` would compare in surprising ways. */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * A set file's path inside the pack: relative, with `/`, each part starting with a letter, digit
 * or _ — so never absolute, never `..`, never a hidden file, and the same on every system.
 */
export const SET_PATH = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*\.ya?ml$/;

const VERSION_HINT = 'three numbers such as 1.2.0 (semver)';

export const PACK_SPEC: Spec = {
  kind: 'map',
  fields: {
    id: {
      spec: { kind: 'string', pattern: SET_ID, patternHint: 'lower-case letters, digits and -' },
      required: true,
      description: 'The pack’s name: what `reflect prompts uninstall` takes, and its folder once installed.',
    },
    title: { spec: { kind: 'string' }, required: true, description: 'Shown when the pack is installed and listed.' },
    version: {
      spec: { kind: 'string', pattern: SEMVER, patternHint: VERSION_HINT },
      required: true,
      description: 'Semantic version (1.2.0); a newer version replaces an older one on install.',
    },
    author: { spec: { kind: 'string' }, description: 'Who wrote the pack.' },
    description: { spec: { kind: 'string' }, description: 'One sentence on what the pack is for.' },
    sets: {
      spec: { kind: 'list', items: { kind: 'string', pattern: SET_PATH, patternHint: 'the path of a .yaml set file in the pack, such as sets/values.yaml' }, minItems: 1 },
      required: true,
      description: 'The set files in the pack, as paths from pack.yaml’s folder (sets/values.yaml).',
    },
  },
};

export interface ParsedManifest {
  manifest: PackManifest | null;
  problems: Problem[];
  /** Where each entry of `sets` is written, so a missing or clashing set is reported on its line. */
  setsAt: { line: number; col: number }[];
}

/** Reads a pack.yaml, reporting every problem at its line and column, as a prompt file's are. */
export function parsePackManifest(source: string): ParsedManifest {
  const { doc, lineCounter, problems: yamlProblems } = readYaml(source);
  if (!doc) return { manifest: null, problems: yamlProblems, setsAt: [] };
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined) => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, col: pos.col };
  };
  const report = (node: Node | null | undefined, message: string) => problems.push({ ...at(node), message: reword(node, message) });
  if (!doc.contents || (isScalar(doc.contents) && doc.contents.value === null)) {
    report(null, 'the file is empty; a pack.yaml needs id, title, version and sets');
    return { manifest: null, problems, setsAt: [] };
  }
  checkNode(doc.contents, PACK_SPEC, 'the pack', report);
  const sets = isMap(doc.contents) ? doc.contents.get('sets', true) : null;
  if (isSeq(sets)) {
    const seen = new Set<unknown>();
    for (const item of sets.items) {
      const value = isScalar(item) ? item.value : null;
      if (typeof value === 'string' && seen.has(value)) report(item as Node, `${value} is listed twice in sets`);
      seen.add(value);
    }
  }
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  if (problems.length) return { manifest: null, problems, setsAt: [] };
  const raw = doc.toJS() as PackManifest;
  const setsAt = isSeq(sets) ? sets.items.map((item) => at(item as Node)) : [];
  return { manifest: { ...raw, sets: [...raw.sets] }, problems, setsAt };
}

/** The checker's generic words, in the words a coach writing a manifest expects. */
function reword(node: Node | null | undefined, message: string): string {
  // `version: 1.2` is read by YAML as a number: say what a version looks like, not "must be text".
  if (message === 'version of the pack must be text' && isScalar(node)) return `version must be ${VERSION_HINT}, not ${String(node.value)}`;
  // The file is pack.yaml: "title of the pack" says nothing more than "title".
  return message.replace(/^sets of the pack (\d+)/, 'set $1 in sets').replace(/^(\w+) of the pack\b/, '$1');
}

/** The JSON Schema (draft 2020-12) for pack.yaml, generated from PACK_SPEC as the prompt-set one is. */
export function toPackJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(PACK_SPEC, 'pack.schema.json', 'reflect prompt pack manifest (pack.yaml)');
}
