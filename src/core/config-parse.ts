import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { checkNode } from './prompt-check.js';
import type { Problem } from './prompt-parse.js';
import { suggestion } from './did-you-mean.js';
import { readYaml } from './yaml-source.js';
import { CONFIG_SPEC, NO_CONFIG, type Config, type Position } from './config.js';

/** Reads a config file's text. Every problem is reported at once, at its line and column; the config only when there are none. */
export function parseConfig(source: string): { config: Config | null; problems: Problem[] } {
  const { doc, lineCounter, problems: syntax } = readYaml(source);
  if (!doc) return { config: null, problems: syntax };
  const at = (node: Node | null | undefined): Position => lineCounter.linePos(node?.range?.[0] ?? 0);
  const problems: Problem[] = [];
  const report = (node: Node | null | undefined, message: string) => problems.push({ ...at(node), message });
  const root = doc.contents;
  // A file of comments alone (the starter) is a config that changes nothing.
  if (!root || (isScalar(root) && root.value === null)) return { config: NO_CONFIG, problems };
  checkNode(root, CONFIG_SPEC, 'the config', report);
  if (problems.length || !isMap(root)) return { config: null, problems: sorted(problems) };

  const node = (key: string) => root.get(key, true) as Node | undefined;
  const journalsNode = node('journals');
  const journals = isMap(journalsNode)
    ? (journalsNode.items as Pair<Node, Node>[]).map((pair) => ({ name: String((pair.key as { value: unknown }).value), path: String((pair.value as { value: unknown }).value), at: at(pair.key) }))
    : [];
  for (const journal of journals) {
    if (journal.path.trim() === '') problems.push({ ...journal.at, message: `journal "${journal.name}" has no path` });
  }
  const defaultNode = node('default');
  const defaultName = defaultNode ? String(doc.get('default')) : null;
  if (defaultNode && !journals.some((j) => j.name === defaultName)) {
    const names = journals.map((j) => j.name);
    const known = names.length ? `one of the journals (${names.join(', ')})` : 'the name of a journal under journals:';
    report(defaultNode, `default must be ${known}, not "${defaultName}"${suggestion(defaultName!, names)}`);
  }
  const editor = node('editor') ? String(doc.get('editor')) : null;
  if (editor !== null && editor.trim() === '') report(node('editor'), 'editor is empty; write the command, like "nano" or "code --wait"');
  if (problems.length) return { config: null, problems: sorted(problems) };

  const setNode = node('set');
  const review = doc.getIn(['write', 'review']);
  return {
    config: {
      journals,
      journalsAt: journalsNode ? at(root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'journals')?.key as Node) : null,
      default: defaultNode ? { name: defaultName!, at: at(defaultNode) } : null,
      set: setNode ? { id: String(doc.get('set')), at: at(setNode) } : null,
      writeReview: typeof review === 'boolean' ? review : null,
      editor,
    },
    problems,
  };
}

const sorted = (problems: Problem[]) => problems.sort((a, b) => a.line - b.line || a.col - b.col);
