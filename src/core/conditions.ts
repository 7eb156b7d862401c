import type { AnswerValue, Condition } from './prompt-set.js';

/** Whether a `when` condition holds on the answers given so far. An unanswered question satisfies only `answered: false`. */
export function holds(condition: Condition, answers: ReadonlyMap<string, AnswerValue>): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  const value = answers.get(condition.question);
  const answered = isAnswered(value);
  if ('answered' in condition) return condition.answered === answered;
  if (!answered) return false;
  if ('equals' in condition) return same(value!, condition.equals);
  if ('notEquals' in condition) return !same(value!, condition.notEquals);
  if ('in' in condition) return condition.in.some((v) => same(value!, v));
  if ('atLeast' in condition) return typeof value === 'number' && value >= condition.atLeast;
  if ('atMost' in condition) return typeof value === 'number' && value <= condition.atMost;
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  return false;
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Case-insensitive for text, so `equals: Work` matches the answer "work". */
function same(value: Exclude<AnswerValue, null>, expected: string | number | boolean): boolean {
  if (Array.isArray(value)) return false;
  if (typeof value === 'string' && typeof expected === 'string') return value.trim().toLowerCase() === expected.toLowerCase();
  return value === expected;
}
