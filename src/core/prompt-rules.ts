import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { suggestion } from './did-you-mean.js';
import { fits } from './prompt-check.js';
import { OPERANDS } from './prompt-schema.js';
import { OPERATORS, QUESTION_TYPES } from './prompt-set.js';
import { refsIn } from './template.js';

type Report = (node: Node | null | undefined, message: string, offset?: number) => void;

interface Known {
  node: YAMLMap;
  index: number;
  id: string;
  type: string;
  choices: string[];
}

/**
 * The rules that span fields (run once every field has the right shape): unique ids, conditions
 * and {{refs}} that name earlier questions, scales that make sense, choices that exist.
 */
export function checkRules(doc: Document, source: string, report: Report): void {
  const questions = (doc.get('questions', true) as { items: unknown[] }).items;
  const byId = new Map<string, Known>();
  questions.forEach((node, index) => {
    // A question with the wrong shape has been reported already; the rules need a map with an id.
    if (!isMap(node) || typeof node.get('id') !== 'string') return;
    const id = node.get('id') as string;
    const idNode = node.get('id', true) as Node;
    const first = byId.get(id);
    if (first) {
      report(idNode, `duplicate question id "${id}" (first used on line ${lineOf(source, first.node)})`);
      return;
    }
    const listed = (node.toJSON() as { choices?: unknown }).choices;
    // A `choices` that is not a list has been reported already; the rules treat it as none.
    const choices = (Array.isArray(listed) ? listed : []).map((c) =>
      String(typeof c === 'object' && c !== null ? (c as { value: unknown }).value : c),
    );
    byId.set(id, { node, index, id, type: String(node.get('type') ?? 'text'), choices });
  });
  const ids = [...byId.keys()];

  /** A question may only look back: at answers already given when it is asked. */
  const checkTarget = (target: string, at: Node, offset: number | undefined, from: Known | null, what: string): Known | null => {
    const known = byId.get(target);
    if (!known) {
      report(at, `${what} names "${target}", which is not a question in this set${suggestion(target, ids)}`, offset);
      return null;
    }
    if (from && known.index >= from.index) {
      const where = known.index === from.index ? 'this same question' : 'a later question';
      report(at, `${what} names "${target}", ${where}; it can only use answers given before`, offset);
      return null;
    }
    return known;
  };

  const checkRefs = (node: Node | null | undefined, from: Known | null, what: string) => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    const raw = source.slice(node.range[0], node.range[1]);
    for (const ref of refsIn(node.value)) {
      checkTarget(ref.id, node, findRef(raw, ref.id), from, what);
    }
  };

  for (const question of byId.values()) {
    const { node, id, type } = question;
    const name = `question "${id}"`;
    checkRefs(node.get('ask', true) as Node, question, `a {{reference}} in ${name}`);
    checkRefs(node.get('hint', true) as Node, question, `a {{reference}} in the hint of ${name}`);
    const deeper = node.get('deeper', true);
    if (isSeq(deeper)) {
      deeper.items.forEach((probe) => {
        // A probe is text, or {ask, elicits}: the refs are in its text either way.
        const text = isMap(probe) ? (probe.get('ask', true) as Node) : (probe as Node);
        checkRefs(text, question, `a {{reference}} in a deeper probe of ${name}`);
      });
    }

    if (!(QUESTION_TYPES as readonly string[]).includes(type)) continue;
    const isChoice = type === 'choice' || type === 'multi';
    if (isChoice && question.choices.length === 0) report(node.get('type', true) as Node, `${name} is a ${type} question but has no choices`);
    if (!isChoice && node.has('choices')) report(keyNode(node, 'choices'), `choices only apply to choice and multi questions; ${name} is ${type}`);
    const offered = new Set<string>();
    const dupChoice = question.choices.find((c) => offered.has(c) || !offered.add(c));
    if (dupChoice !== undefined) report(node.get('choices', true) as Node, `${name} offers the choice "${dupChoice}" twice`);

    for (const key of ['min', 'max', 'labels']) {
      if (type !== 'scale' && node.has(key)) report(keyNode(node, key), `${key} only applies to scale questions; ${name} is ${type}`);
    }
    if (type === 'scale') {
      const min = (node.get('min') as number | undefined) ?? 1;
      const max = (node.get('max') as number | undefined) ?? 10;
      if (typeof min !== 'number' || typeof max !== 'number') continue;
      if (min >= max) report((node.get('min', true) ?? node.get('max', true)) as Node, `the scale of ${name} runs from ${min} to ${max}; min must be below max`);
      const labels = node.get('labels', true);
      if (isMap(labels)) {
        for (const pair of labels.items) {
          const value = Number((pair.key as { value: unknown }).value);
          if (value < min || value > max) report(pair.key as Node, `the label for ${value} is outside the scale of ${name} (${min} to ${max})`);
        }
      }
    }
    const when = node.get('when', true);
    if (when) checkCondition(when as Node, question, `the condition of ${name}`);
  }

  function checkCondition(node: Node, from: Known, what: string): void {
    if (!isMap(node)) return;
    for (const combiner of ['all', 'any']) {
      const list = node.get(combiner, true);
      if (isSeq(list)) return list.items.forEach((c) => checkCondition(c as Node, from, what));
    }
    const targetNode = node.get('question', true) as Node;
    if (typeof node.get('question') !== 'string') return;
    const target = checkTarget(String(node.get('question')), targetNode, undefined, from, what);
    if (!target) return;
    // A condition of the wrong shape has been reported already; these rules need one test of the right kind.
    const [op, ...others] = OPERATORS.filter((o) => node.has(o));
    if (!op || others.length) return;
    const valueNode = node.get(op, true) as Node;
    if (!fits(valueNode, OPERANDS[op].spec)) return;
    const value = valueNode.toJSON() as unknown;
    const fail = (message: string) => report(valueNode, `${what}: ${message}`);
    if ((op === 'atLeast' || op === 'atMost') && target.type !== 'scale') {
      return fail(`${op} only works on a scale question, and "${target.id}" is ${target.type}`);
    }
    if (op === 'includes' && target.type !== 'multi') return fail(`includes only works on a multi question, and "${target.id}" is ${target.type}`);
    if (target.type === 'confirm' && (op === 'equals' || op === 'notEquals') && typeof value !== 'boolean') {
      return fail(`"${target.id}" is a yes/no question: compare it with true or false`);
    }
    if (target.choices.length && ['equals', 'notEquals', 'in', 'includes'].includes(op)) {
      const values = Array.isArray(value) ? value : [value];
      const missing = values.find((v) => !target.choices.some((c) => c.toLowerCase() === String(v).toLowerCase()));
      if (missing !== undefined) fail(`"${target.id}" has no choice "${String(missing)}"${suggestion(String(missing), target.choices)}`);
    }
  }

  const actions = doc.get('actions', true);
  if (isMap(actions)) {
    for (const pair of actions.items) {
      const list = pair.value;
      if (!isSeq(list)) continue;
      const label = String((pair.key as { value: unknown }).value);
      list.items.forEach((item) => checkRefs(item as Node, null, `a {{reference}} in the ${label} actions`));
    }
  }
}

function keyNode(map: YAMLMap, key: string): Node {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key)!.key as Node;
}

function findRef(raw: string, id: string): number | undefined {
  const match = new RegExp(`\\{\\{\\s*${id.replace(/[-]/g, '\\-')}\\s*\\}\\}`).exec(raw);
  return match?.index;
}

function lineOf(source: string, node: Node): number {
  return source.slice(0, node.range?.[0] ?? 0).split('\n').length;
}
