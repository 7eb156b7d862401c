import type { Condition } from './prompt-set.js';

/**
 * A `when` condition in the set's own terms (its ids and values, as written), one line: read by
 * coaches in `prompts show` and in answers skeletons, so both say it the same way.
 */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map(describeCondition).join(' and ');
  if ('any' in condition) return `(${condition.any.map(describeCondition).join(' or ')})`;
  const q = condition.question;
  if ('equals' in condition) return `${q} is ${JSON.stringify(condition.equals)}`;
  if ('notEquals' in condition) return `${q} is not ${JSON.stringify(condition.notEquals)}`;
  if ('in' in condition) return `${q} is one of ${condition.in.map((v) => JSON.stringify(v)).join(', ')}`;
  if ('atLeast' in condition) return `${q} ≥ ${condition.atLeast}`;
  if ('atMost' in condition) return `${q} ≤ ${condition.atMost}`;
  if ('includes' in condition) return `${q} includes ${JSON.stringify(condition.includes)}`;
  return condition.answered ? `${q} was answered` : `${q} was not answered`;
}
