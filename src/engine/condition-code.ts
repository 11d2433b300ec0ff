import { OPERATOR_MEANINGS, type Condition } from '../core/condition.js';
import { CodeWriter, type GeneratedCode } from './code-writer.js';

/** Facts as an array, each fact at the slot the engine gave it: what a row's conditions read. */
export type SlotTest = (facts: readonly unknown[]) => boolean;

/** The source reading a fact from the array `array` at `slot` (-1: the fact has no slot, and is always undefined). */
export function slotRead(array: string, slot: number): string {
  return slot >= 0 ? `${array}[${slot}]` : 'undefined';
}

/** A condition as source, each operator as core's table writes it; `factSource` gives the expression reading a fact. */
export function conditionSource(c: Condition, factSource: (fact: string) => string): string {
  if ('all' in c) return c.all.length === 0 ? 'true' : c.all.length === 1 ? conditionSource(c.all[0]!, factSource) : `(${c.all.map((p) => conditionSource(p, factSource)).join(' && ')})`;
  if ('any' in c) return c.any.length === 0 ? 'false' : c.any.length === 1 ? conditionSource(c.any[0]!, factSource) : `(${c.any.map((p) => conditionSource(p, factSource)).join(' || ')})`;
  if ('not' in c) return `!${conditionSource(c.not, factSource)}`;
  // Content checks make lists of in and notIn, and single literals of the others.
  const list = c.operator === 'in' || c.operator === 'notIn';
  if (list !== Array.isArray(c.value)) throw new TypeError(`${c.fact} ${c.operator}: ${JSON.stringify(c.value)}`);
  return OPERATOR_MEANINGS[c.operator].source(factSource(c.fact), c.value);
}

/** A condition reading facts from an array by slot (a fact without one is undefined), as one plain function. */
export function slotTest(code: GeneratedCode, name: string, c: Condition, slots: ReadonlyMap<string, number>): SlotTest {
  return code.function<SlotTest>(name, ['f'], new CodeWriter().line(`return ${conditionSource(c, (fact) => slotRead('f', slots.get(fact) ?? -1))};`));
}
