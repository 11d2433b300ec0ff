import { isNumeric, type Condition, type Literal, type SlotTest } from './condition.js';

/**
 * Conditions and indicators compiled into the source of plain JavaScript functions over a row's
 * arrays, for batches: one straight function per indicator runs tens of times faster than a tree
 * of closures (whose calls V8 cannot inline). The semantics are condition.ts's, and so
 * json-rules-engine's; differential tests compare them over every rule and random rows.
 *
 * Only two things from content reach the source: slot numbers (integers the compiler assigned)
 * and literals, each written by JSON.stringify, so a text in a content file is always a string
 * in the code, never code. Nothing a user sends is part of it.
 */

/** A literal as JavaScript source: JSON for strings and booleans, the number itself otherwise. */
export function literal(value: Literal): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  throw new TypeError(`not a literal: ${typeof value}`);
}

/** The source reading a fact from the array `array` at `slot` (-1: the fact has no slot, and is always undefined). */
export function slotRead(array: string, slot: number): string {
  return slot >= 0 ? `${array}[${slot}]` : 'undefined';
}

/**
 * The source of a boolean expression whose facts are read by the expressions `factSource` gives
 * (an array entry by slot, most often: see `slotRead`; or a local variable of the generated code).
 */
export function conditionSource(c: Condition, factSource: (fact: string) => string): string {
  if ('all' in c) return c.all.length === 0 ? 'true' : `(${c.all.map((p) => conditionSource(p, factSource)).join(' && ')})`;
  if ('any' in c) return c.any.length === 0 ? 'false' : `(${c.any.map((p) => conditionSource(p, factSource)).join(' || ')})`;
  if ('not' in c) return `!${conditionSource(c.not, factSource)}`;
  const fact = factSource(c.fact);
  const list = c.operator === 'in' || c.operator === 'notIn';
  // Content checks make lists of in and notIn, and single literals of the others.
  if (list !== Array.isArray(c.value)) throw new TypeError(`${c.fact} ${c.operator}: ${JSON.stringify(c.value)}`);
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const value = list ? '' : literal(values[0]!);
  switch (c.operator) {
    case 'equal':
      return `(${fact} === ${value})`;
    case 'notEqual':
      return `(${fact} !== ${value})`;
    // indexOf is strict equality, as === is (neither finds NaN).
    case 'in':
      return values.length === 0 ? 'false' : `(${values.map((v) => `${fact} === ${literal(v)}`).join(' || ')})`;
    case 'notIn':
      return values.length === 0 ? 'true' : `(${values.map((v) => `${fact} !== ${literal(v)}`).join(' && ')})`;
    case 'contains':
      return `contains(${fact}, ${value})`;
    case 'doesNotContain':
      return `lacks(${fact}, ${value})`;
    case 'lessThan':
      return `(isNumeric(${fact}) && ${fact} < ${value})`;
    case 'lessThanInclusive':
      return `(isNumeric(${fact}) && ${fact} <= ${value})`;
    case 'greaterThan':
      return `(isNumeric(${fact}) && ${fact} > ${value})`;
    case 'greaterThanInclusive':
      return `(isNumeric(${fact}) && ${fact} >= ${value})`;
  }
}

// The operators' helpers, as condition.ts's applyOperator has them (json-rules-engine's validators included).
const contains = (fact: unknown, value: unknown): boolean => Array.isArray(fact) && fact.indexOf(value) > -1;
const lacks = (fact: unknown, value: unknown): boolean => Array.isArray(fact) && fact.indexOf(value) === -1;

/** A function made from generated source, with the operators' helpers (and any others) in scope. */
export function functionOf<F>(params: readonly string[], body: string, helpers: Record<string, unknown> = {}): F {
  const scope = { contains, lacks, isNumeric, ...helpers };
  // The source is built above from slot numbers and JSON literals only.
  const make = new Function(...Object.keys(scope), `"use strict"; return function (${params.join(', ')}) { ${body} };`) as (...helpers: unknown[]) => F;
  return make(...Object.values(scope));
}

/**
 * A condition reading facts from an array by slot (a fact without a slot is undefined), generated
 * as one plain function: batches call these millions of times.
 */
export function compileSlots(c: Condition, slots: ReadonlyMap<string, number>): SlotTest {
  return functionOf<SlotTest>(['f'], `return ${conditionSource(c, (fact) => slotRead('f', slots.get(fact) ?? -1))};`);
}
