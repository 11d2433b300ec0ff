import { literal, OPERATOR_HELPERS, OPERATOR_MEANINGS, type Condition, type SlotTest } from './condition.js';

export { literal };

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
  // Content checks make lists of in and notIn, and single literals of the others.
  const list = c.operator === 'in' || c.operator === 'notIn';
  if (list !== Array.isArray(c.value)) throw new TypeError(`${c.fact} ${c.operator}: ${JSON.stringify(c.value)}`);
  return OPERATOR_MEANINGS[c.operator].source(factSource(c.fact), c.value);
}

/** A function made from generated source, with the operators' helpers (and any others) in scope. */
export function functionOf<F>(params: readonly string[], body: string, helpers: Record<string, unknown> = {}): F {
  const scope = { ...OPERATOR_HELPERS, ...helpers };
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
