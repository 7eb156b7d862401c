import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { suggestion } from './did-you-mean.js';
import { CONDITION_HINT, CONDITION_QUESTION, OPERANDS, SCALAR_TYPES, type NamePattern, type ScalarType, type Spec } from './prompt-schema.js';
import { OPERATORS } from './prompt-set.js';

export type Report = (node: Node | null | undefined, message: string, offset?: number) => void;

/**
 * Checks a YAML node against its spec (prompt-schema.ts), reporting every problem where it is.
 * Keys come from the file, so they are looked up with Object.hasOwn: "constructor" is a key
 * like any other, never a property every object has.
 */
export function checkNode(node: Node | null, spec: Spec, what: string, report: Report): void {
  if (node === null || (isScalar(node) && node.value === null)) {
    report(node, `${what} has no value`);
    return;
  }
  switch (spec.kind) {
    case 'string':
      if (!isScalar(node) || typeof node.value !== 'string') return report(node, `${what} must be text`);
      if (spec.pattern && !spec.pattern.test(node.value)) report(node, `${what} must be ${spec.patternHint}, not "${node.value}"`);
      return;
    case 'boolean':
      if (!isScalar(node) || typeof node.value !== 'boolean') report(node, `${what} must be true or false`);
      return;
    case 'integer':
      if (!isScalar(node) || !Number.isInteger(node.value)) report(node, `${what} must be a whole number`);
      return;
    case 'scalar':
      if (!isScalar(node) || !(spec.types ?? SCALAR_TYPES).includes(typeof node.value as ScalarType)) report(node, `${what} must be text or a number`);
      return;
    case 'enum':
      if (!isScalar(node) || !spec.values.includes(String(node.value))) {
        const got = isScalar(node) ? `, not "${String(node.value)}"${suggestion(String(node.value), spec.values)}` : '';
        report(node, `${what} must be one of ${spec.values.join(', ')}${got}`);
      }
      return;
    case 'oneOf': {
      const fits = spec.options.some((option) => {
        let ok = true;
        checkNode(node, option, what, () => (ok = false));
        return ok;
      });
      if (fits) return;
      // Report the detailed problems of the option whose shape matches (a map for a map), else the hint.
      // A map with none of the known keys is more likely text that YAML read as a map ("a: b").
      const shaped = spec.options.find((o) => (o.kind === 'map') === isMap(node));
      const known = shaped?.kind === 'map' && isMap(node) && node.items.some((p) => isScalar(p.key) && Object.hasOwn(shaped.fields, String(p.key.value)));
      if (shaped?.kind === 'map' && known) checkNode(node, shaped, what, report);
      else report(node, `${what}: ${spec.hint}`);
      return;
    }
    case 'list':
      if (!isSeq(node)) return report(node, `${what} must be a list`);
      if (spec.minItems && node.items.length < spec.minItems) report(node, `${what} needs at least ${spec.minItems} item`);
      node.items.forEach((item, i) => checkNode(item as Node | null, spec.items, itemName(what, i + 1), report));
      return;
    case 'map':
      return checkMap(node, spec.fields, what, report);
    case 'dict':
      if (!isMap(node)) return report(node, `${what} must be a map`);
      for (const pair of node.items) {
        const key = pair.key as Node;
        const name = isScalar(key) ? String(key.value) : '?';
        const problem = keyProblem(name, spec.keys);
        if (problem) {
          report(key, `${what}: "${name}" must be ${problem}`);
          continue;
        }
        checkNode(pair.value as Node | null, spec.values, `${what} "${name}"`, report);
      }
      return;
    case 'condition':
      return checkCondition(node, what, report);
  }
}

/** What is wrong with a dict's key, in words, or '' when it fits. */
function keyProblem(name: string, keys: 'integer' | readonly string[] | NamePattern): string {
  if (keys === 'integer') return /^-?\d+$/.test(name) ? '' : 'a whole number';
  if (Array.isArray(keys)) return keys.includes(name) ? '' : `one of ${keys.join(', ')}${suggestion(name, keys)}`;
  const { pattern, hint } = keys as NamePattern;
  return pattern.test(name) ? '' : hint;
}

function checkMap(node: Node, fields: Record<string, { spec: Spec; required?: boolean }>, what: string, report: Report): void {
  if (!isMap(node)) return report(node, `${what} must be a map of keys and values`);
  const known = Object.keys(fields);
  const seen = new Set<string>();
  const id = node.get('id');
  const name = what.startsWith('question') && typeof id === 'string' ? `question "${id}"` : what;
  for (const pair of node.items) {
    const key = pair.key as Node;
    const keyName = isScalar(key) ? String(key.value) : '';
    seen.add(keyName);
    const field = Object.hasOwn(fields, keyName) ? fields[keyName] : undefined;
    if (!field) {
      report(key, `unknown key "${keyName}" in ${name}${suggestion(keyName, known)}`);
      continue;
    }
    checkNode(pair.value as Node | null, field.spec, `${keyName} of ${name}`.replace(/ of the (prompt set|config)$/, ''), report);
  }
  for (const [key, field] of Object.entries(fields)) {
    if (field.required && !seen.has(key)) report(node, `${name} has no "${key}"`);
  }
}

function checkCondition(node: Node, what: string, report: Report): void {
  if (!isMap(node)) return report(node, `${what}: ${CONDITION_HINT}`);
  const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  for (const combiner of ['all', 'any'] as const) {
    if (!keys.includes(combiner)) continue;
    if (keys.length > 1) return report(node, `${what}: "${combiner}" stands alone; put the other conditions inside its list`);
    const list = node.get(combiner, true) as Node | null;
    if (!isSeq(list) || list.items.length === 0) return report(list ?? node, `${what}: "${combiner}" needs a list of conditions`);
    list.items.forEach((item) => checkCondition(item as Node, what, report));
    return;
  }
  const known = ['question', ...OPERATORS, 'all', 'any'];
  for (const pair of node.items) {
    const key = pair.key as Node;
    const name = isScalar(key) ? String(key.value) : '';
    if (!known.includes(name)) report(key, `unknown condition "${name}" in ${what}${suggestion(name, known)}`);
  }
  if (!keys.includes('question')) report(node, `${what} has no "question" to test`);
  const operators = OPERATORS.filter((op) => keys.includes(op));
  if (operators.length !== 1) {
    report(node, `${what} needs exactly one test (${OPERATORS.join(', ')}), it has ${operators.length}`);
  }
  // What a test compares with is checked as the published schema says, at the first value that is wrong.
  const question = node.get('question', true) as Node | null | undefined;
  if (question !== undefined) checkOperand(question, CONDITION_QUESTION, what, '"question" needs the id of an earlier question', report);
  for (const op of operators) checkOperand(node.get(op, true) as Node | null, OPERANDS[op].spec, what, `${op} needs ${OPERANDS[op].needs}`, report);
}

function checkOperand(node: Node | null, spec: Spec, what: string, needs: string, report: Report): void {
  let wrong = false;
  let at: Node | null | undefined = node;
  checkNode(node, spec, '', (problemAt) => {
    if (!wrong) at = problemAt ?? node;
    wrong = true;
  });
  if (wrong) report(at, `${what}: ${needs}`);
}

function itemName(what: string, n: number): string {
  const probe = /^deeper of (.*)$/.exec(what);
  return probe ? `probe ${n} of ${probe[1]}` : `${singular(what)} ${n}`;
}

function singular(what: string): string {
  return what.replace(/^questions$/, 'question').replace(/^choices of (.*)$/, 'choice of $1').replace(/^(\w+)s$/, '$1');
}


/** Whether a node fits a spec, reporting nothing. */
export function fits(node: Node | null, spec: Spec): boolean {
  let ok = true;
  checkNode(node, spec, '', () => (ok = false));
  return ok;
}
