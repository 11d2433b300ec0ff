import type { Literal, Operator } from '../../src/core/condition.js';

/** Facts of every shape the operators treat apart, and values for each operator: what the evaluators are held to json-rules-engine with. */
export const FACT_VALUES: unknown[] = [undefined, true, false, 0, 3, 7.5, 100, '3', 'a', 'b', 'n/a', [], ['a'], ['a', 'b']];
export const VALUES: Record<Operator, (Literal | Literal[])[]> = {
  equal: [true, 3, 'a'],
  notEqual: [true, 3, 'a'],
  in: [['a', 'b'], [3, 7.5]],
  notIn: [['a', 'b'], [3]],
  contains: ['a', 'b'],
  doesNotContain: ['a', 'b'],
  lessThan: [3, 50],
  lessThanInclusive: [3, 50],
  greaterThan: [3, 50],
  greaterThanInclusive: [3, 50],
};

