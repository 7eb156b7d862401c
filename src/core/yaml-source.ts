import { LineCounter, isAlias, isCollection, isMap, isPair, isScalar, parseDocument, type Document, type Node, type Pair } from 'yaml';

export interface YamlProblem {
  line: number;
  col: number;
  message: string;
}

export interface YamlSource {
  /** Null when the problems leave no structure worth checking. Aliases in it are replaced by what they stand for. */
  doc: Document | null;
  lineCounter: LineCounter;
  problems: YamlProblem[];
}

/** Far deeper than a prompt set or an answers file needs, and far inside the stack every later step uses. */
export const MAX_DEPTH = 64;
/** The yaml library's own measure of how far aliases expand (its default): it refuses a "billion laughs" early. */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads one YAML document from a file someone else wrote, in time linear in its size. Duplicate
 * keys are found here with a Set per map: the library's own check compares every key with every
 * earlier one (80,000 keys took 53 s). Aliases are checked against expansion bombs and cycles, then
 * replaced by their targets, so everything after reads plain nodes exactly as `toJS` would.
 */
export function readYaml(source: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number, message: string) => ({ ...lineCounter.linePos(offset), message });
  const syntax = doc.errors.map((error) => at(error.pos[0], yamlMessage(error.code, error.message)));
  if (syntax.length) return { doc: null, lineCounter, problems: syntax };

  const problems: YamlProblem[] = [];
  const anchors = new Map<string, Node>();
  const ancestors = new Set<Node>();
  const replacements: (() => void)[] = [];
  let tooDeep = false;

  /** The node an alias stands for, or null (reported) when it stands for something it is inside of. */
  const target = (alias: Node & { source: string }): Node | null => {
    const found = anchors.get(alias.source) ?? null;
    if (found && ancestors.has(found)) {
      problems.push(at(alias.range?.[0] ?? 0, `YAML: the alias *${alias.source} is inside what it stands for`));
      return null;
    }
    return found;
  };
  const walk = (node: unknown, depth: number): void => {
    if (tooDeep || !isCollection(node)) {
      if (isScalar(node) && node.anchor) anchors.set(node.anchor, node);
      return;
    }
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      problems.push(at(node.range?.[0] ?? 0, `YAML: the file nests too deeply (more than ${MAX_DEPTH} levels)`));
      return;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    ancestors.add(node);
    const keys = new Set<unknown>();
    node.items.forEach((item, index) => {
      const slots: ('key' | 'value')[] = isPair(item) ? ['key', 'value'] : [];
      if (!isPair(item)) {
        if (isAlias(item)) {
          const found = target(item);
          if (found) replacements.push(() => (node.items[index] = found));
        } else walk(item, depth + 1);
        return;
      }
      for (const slot of slots) {
        const child = (item as Pair)[slot];
        if (isAlias(child)) {
          const found = target(child);
          if (found) replacements.push(() => ((item as Pair<unknown, unknown>)[slot] = found));
        } else walk(child, depth + 1);
      }
      if (!isMap(node)) return;
      const key = isAlias(item.key) ? anchors.get(item.key.source) : item.key;
      if (!isScalar(key) && key !== null && key !== undefined) return;
      const value = isScalar(key) ? key.value : null;
      if (keys.has(value)) problems.push(at((item.key as Node | null)?.range?.[0] ?? 0, 'YAML syntax: Map keys must be unique'));
      keys.add(value);
    });
    ancestors.delete(node);
  };
  walk(doc.contents, 1);

  if (!problems.length && replacements.length) {
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      const first = firstAlias(doc);
      problems.push(at(first, 'YAML: the file repeats its aliases (*name) too many times; write the values out instead'));
    }
  }
  if (problems.length) return { doc: null, lineCounter, problems };
  for (const replace of replacements) replace();
  return { doc, lineCounter, problems };
}

function firstAlias(doc: Document): number {
  let offset = 0;
  const find = (node: unknown): boolean => {
    if (isAlias(node)) return ((offset = node.range?.[0] ?? 0), true);
    if (isPair(node)) return find(node.key) || find(node.value);
    return isCollection(node) && node.items.some(find);
  };
  find(doc.contents);
  return offset;
}

/** The library's messages, in words a coach can act on. */
function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'YAML syntax: the file holds more than one YAML document (a line of ---); keep only one';
  // The library catches its own stack overflow on very deep nesting and reports it under this code.
  if (code === 'RESOURCE_EXHAUSTION') return 'YAML: the file nests too deeply';
  return `YAML syntax: ${message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim()}`;
}
