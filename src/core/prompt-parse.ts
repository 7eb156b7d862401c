import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { checkNode } from './prompt-check.js';
import { checkRules } from './prompt-rules.js';
import { SET_SPEC } from './prompt-schema.js';
import { toPromptSet } from './prompt-build.js';
import type { PromptSet } from './prompt-set.js';
import { readYaml } from './yaml-source.js';

export interface Problem {
  line: number;
  col: number;
  message: string;
}

export interface ParsedSet {
  set: PromptSet | null;
  problems: Problem[];
}

/** Where a problem is reported: a YAML node, or a source offset inside one. */
export type Locate = (node: Node | null | undefined, offsetInNode?: number) => { line: number; col: number };

/**
 * Reads a prompt file. Every problem is reported at once, at its line and column, in words a
 * coach understands. The set is returned only when there are no problems at all.
 */
export function parsePromptSet(source: string, defaultId: string): ParsedSet {
  const { doc, lineCounter, problems: yamlProblems } = readYaml(source);
  // After a syntax error the structure is guesswork: report the syntax alone, so every line is true.
  if (!doc) return { set: null, problems: yamlProblems };

  const locate: Locate = (node, offset = 0) => {
    const start = node?.range ? node.range[0] + offset : 0;
    const pos = lineCounter.linePos(start);
    return { line: pos.line, col: pos.col };
  };
  const problems: Problem[] = [];
  const report = (node: Node | null | undefined, message: string, offset?: number) =>
    problems.push({ ...locate(node, offset), message });

  if (!doc.contents || (isScalar(doc.contents) && doc.contents.value === null)) {
    report(null, 'the file is empty; a prompt set needs at least a title and questions');
    return { set: null, problems };
  }
  checkNode(doc.contents, SET_SPEC, 'the prompt set', report);
  // The cross-field rules run even when some fields are wrong, so a coach sees everything at once.
  if (isMap(doc.contents) && isSeq(doc.contents.get('questions', true))) checkRules(doc, source, report);
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return problems.length ? { set: null, problems } : { set: toPromptSet(doc, defaultId), problems };
}
