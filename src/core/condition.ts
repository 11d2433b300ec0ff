/**
 * The subset of json-rules-engine conditions that content may use, and a synchronous evaluator
 * with the same semantics as json-rules-engine's default operators. The scoring itself runs on
 * json-rules-engine; this evaluator decides applicability (appliesTo, showIf), which must be
 * known before scoring and during answer validation.
 */

export type Operator =
  | 'equal'
  | 'notEqual'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive';

export type Literal = string | number | boolean;

export interface FactCondition {
  fact: string;
  operator: Operator;
  value: Literal | Literal[];
}

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FactCondition;

export type Facts = Readonly<Record<string, unknown>>;

export const OPERATORS: readonly Operator[] = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

export const NUMERIC_OPERATORS: readonly Operator[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
export const LIST_OPERATORS: readonly Operator[] = ['in', 'notIn'];
export const ARRAY_FACT_OPERATORS: readonly Operator[] = ['contains', 'doesNotContain'];

export function isFactCondition(c: Condition): c is FactCondition {
  return 'fact' in c;
}

export function evaluate(condition: Condition, facts: Facts): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, facts));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, facts));
  if ('not' in condition) return !evaluate(condition.not, facts);
  return applyOperator(condition.operator, facts[condition.fact], condition.value);
}

// Mirrors json-rules-engine's engine-default-operators.js, validators included: an undefined
// fact fails every operator that validates its fact, but passes notEqual and notIn.
export function applyOperator(operator: Operator, fact: unknown, value: Literal | Literal[]): boolean {
  switch (operator) {
    case 'equal':
      return fact === value;
    case 'notEqual':
      return fact !== value;
    case 'in':
      return (value as unknown[]).indexOf(fact) > -1;
    case 'notIn':
      return (value as unknown[]).indexOf(fact) === -1;
    case 'contains':
      return Array.isArray(fact) && fact.indexOf(value) > -1;
    case 'doesNotContain':
      return Array.isArray(fact) && fact.indexOf(value) === -1;
    case 'lessThan':
      return isNumeric(fact) && (fact as number) < (value as number);
    case 'lessThanInclusive':
      return isNumeric(fact) && (fact as number) <= (value as number);
    case 'greaterThan':
      return isNumeric(fact) && (fact as number) > (value as number);
    case 'greaterThanInclusive':
      return isNumeric(fact) && (fact as number) >= (value as number);
  }
}

/** json-rules-engine's test of a numeric fact; a number passes unless NaN (parseFloat of its text gives it back). */
export function isNumeric(fact: unknown): boolean {
  return typeof fact === 'number' ? fact === fact : Number.parseFloat(fact as string).toString() !== 'NaN';
}

/** Every leaf condition, in document order, with its JSON Pointer relative to the root. */
export function leaves(condition: Condition, path = ''): { condition: FactCondition; path: string }[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => leaves(c, `${path}/all/${i}`));
  if ('any' in condition) return condition.any.flatMap((c, i) => leaves(c, `${path}/any/${i}`));
  if ('not' in condition) return leaves(condition.not, `${path}/not`);
  return [{ condition, path }];
}

/** The facts a condition reads. */
export function factsOf(condition: Condition): string[] {
  return [...new Set(leaves(condition).map((l) => l.condition.fact))];
}

/** Facts as a Map: hot paths build one per document, whose keys vary too much for fast objects. */
export type FactMap = { get(key: string): unknown };
export type Test = (facts: FactMap) => boolean;

/** Facts as an array, each fact at the slot content gave it: what batch rows are scored on. */
export type SlotTest = (facts: readonly unknown[]) => boolean;

/**
 * A condition compiled once into a closure, with the same semantics as `evaluate` (and so as
 * json-rules-engine): what hot paths (applicability, batches) call.
 */
export function compile(c: Condition): Test {
  // Plain loops: applicability runs these for every question of every assessment.
  if ('all' in c) {
    const parts = c.all.map(compile);
    if (parts.length === 1) return parts[0]!;
    return (f) => {
      for (const p of parts) if (!p(f)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compile);
    if (parts.length === 1) return parts[0]!;
    return (f) => {
      for (const p of parts) if (p(f)) return true;
      return false;
    };
  }
  if ('not' in c) {
    const inner = compile(c.not);
    return (f) => !inner(f);
  }
  const { fact, value } = c;
  switch (c.operator) {
    case 'equal':
      return (f) => f.get(fact) === value;
    case 'notEqual':
      return (f) => f.get(fact) !== value;
    case 'in': {
      const list = value as unknown[];
      return (f) => list.indexOf(f.get(fact)) > -1;
    }
    case 'notIn': {
      const list = value as unknown[];
      return (f) => list.indexOf(f.get(fact)) === -1;
    }
    case 'contains':
      return (f) => { const v = f.get(fact); return Array.isArray(v) && v.indexOf(value) > -1; };
    case 'doesNotContain':
      return (f) => { const v = f.get(fact); return Array.isArray(v) && v.indexOf(value) === -1; };
    case 'lessThan':
      return (f) => { const v = f.get(fact); return isNumeric(v) && (v as number) < (value as number); };
    case 'lessThanInclusive':
      return (f) => { const v = f.get(fact); return isNumeric(v) && (v as number) <= (value as number); };
    case 'greaterThan':
      return (f) => { const v = f.get(fact); return isNumeric(v) && (v as number) > (value as number); };
    case 'greaterThanInclusive':
      return (f) => { const v = f.get(fact); return isNumeric(v) && (v as number) >= (value as number); };
  }
}
