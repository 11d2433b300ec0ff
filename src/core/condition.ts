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

export const NUMERIC_OPERATORS: readonly Operator[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
export const LIST_OPERATORS: readonly Operator[] = ['in', 'notIn'];
export const ARRAY_FACT_OPERATORS: readonly Operator[] = ['contains', 'doesNotContain'];

export function evaluate(condition: Condition, facts: Facts): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, facts));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, facts));
  if ('not' in condition) return !evaluate(condition.not, facts);
  return OPERATOR_MEANINGS[condition.operator].test(facts[condition.fact], condition.value);
}

/**
 * What each operator means, once: its test, and the same test as JavaScript source (which the
 * engine compiles). Both mirror json-rules-engine's engine-default-operators.js, validators
 * included: an undefined fact fails every operator that validates its fact, but passes notEqual
 * and notIn. In source, `fact` is the expression reading the fact, literals are written by
 * `literal`, and the helpers are `OPERATOR_HELPERS`, by their names.
 */
export interface OperatorMeaning {
  test(fact: unknown, value: Literal | Literal[]): boolean;
  source(fact: string, value: Literal | Literal[]): string;
}

/** json-rules-engine's test of a numeric fact; a number passes unless NaN (parseFloat of its text gives it back). */
function isNumeric(fact: unknown): boolean {
  return typeof fact === 'number' ? fact === fact : Number.parseFloat(fact as string).toString() !== 'NaN';
}

const contains = (fact: unknown, value: unknown): boolean => Array.isArray(fact) && fact.indexOf(value) > -1;
const lacks = (fact: unknown, value: unknown): boolean => Array.isArray(fact) && fact.indexOf(value) === -1;

/** The functions operators' source calls, by the names it calls them. */
export const OPERATOR_HELPERS = { contains, lacks, isNumeric } as const;

/** A literal as JavaScript source: JSON for strings and booleans (so a text is always a string there, never code), the number itself otherwise. */
export function literal(value: Literal): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  throw new TypeError(`not a literal: ${typeof value}`);
}

const one = (value: Literal | Literal[]) => literal(value as Literal);
const list = (value: Literal | Literal[]) => value as Literal[];
// indexOf is strict equality, as === is (neither finds NaN): a list's test is one comparison per value.
const joined = (parts: string[], operator: string, empty: string) => (parts.length === 0 ? empty : `(${parts.join(` ${operator} `)})`);
const numeric = (compare: (a: number, b: number) => boolean, operator: string): OperatorMeaning => ({
  test: (fact, value) => isNumeric(fact) && compare(fact as number, value as number),
  source: (fact, value) => `(isNumeric(${fact}) && ${fact} ${operator} ${one(value)})`,
});

export const OPERATOR_MEANINGS: Readonly<Record<Operator, OperatorMeaning>> = {
  equal: { test: (fact, value) => fact === value, source: (fact, value) => `(${fact} === ${one(value)})` },
  notEqual: { test: (fact, value) => fact !== value, source: (fact, value) => `(${fact} !== ${one(value)})` },
  in: { test: (fact, value) => list(value).indexOf(fact as Literal) > -1, source: (fact, value) => joined(list(value).map((v) => `${fact} === ${literal(v)}`), '||', 'false') },
  notIn: { test: (fact, value) => list(value).indexOf(fact as Literal) === -1, source: (fact, value) => joined(list(value).map((v) => `${fact} !== ${literal(v)}`), '&&', 'true') },
  contains: { test: contains, source: (fact, value) => `contains(${fact}, ${one(value)})` },
  doesNotContain: { test: lacks, source: (fact, value) => `lacks(${fact}, ${one(value)})` },
  lessThan: numeric((a, b) => a < b, '<'),
  lessThanInclusive: numeric((a, b) => a <= b, '<='),
  greaterThan: numeric((a, b) => a > b, '>'),
  greaterThanInclusive: numeric((a, b) => a >= b, '>='),
};

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
  const { test } = OPERATOR_MEANINGS[c.operator];
  return (f) => test(f.get(fact), value);
}
