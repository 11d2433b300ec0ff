import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, OPERATORS, type Condition, type Literal, type Operator } from '../../src/core/condition.js';
import { compileSlots } from '../../src/core/generated-code.js';

// Applicability is decided by our synchronous evaluator while points come from json-rules-engine:
// both must agree on every operator, including on missing facts and odd types.
const FACT_VALUES: unknown[] = [undefined, true, false, 0, 3, 7.5, 100, '3', 'a', 'b', 'n/a', [], ['a'], ['a', 'b']];
const VALUES: Record<Operator, (Literal | Literal[])[]> = {
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

async function engineSays(condition: Condition, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ conditions: condition as never, event: { type: 'hit' } });
  const { results } = await engine.run(facts);
  return results.length === 1;
}

describe('condition evaluator', () => {
  it('when given every operator, value and fact shape, then it agrees with json-rules-engine', async () => {
    let compared = 0;
    for (const operator of OPERATORS) {
      for (const value of VALUES[operator]) {
        for (const fact of FACT_VALUES) {
          const condition: Condition = { all: [{ fact: 'x', operator, value }] };
          const facts = fact === undefined ? {} : { x: fact };
          const expected = await engineSays(condition, facts);
          expect([operator, value, fact, evaluate(condition, facts)]).toEqual([operator, value, fact, expected]);
          expect([operator, value, fact, compile(condition)(new Map(Object.entries(facts)))]).toEqual([operator, value, fact, expected]);
          compared++;
        }
      }
    }
    expect(compared).toBe(FACT_VALUES.length * Object.values(VALUES).flat(1).length);
  });

  it('when conditions nest all, any and not, then it agrees with json-rules-engine', async () => {
    const condition: Condition = {
      any: [
        { all: [{ fact: 'a', operator: 'equal', value: true }, { not: { fact: 'b', operator: 'in', value: ['x', 'y'] } }] },
        { fact: 'c', operator: 'greaterThan', value: 10 },
      ],
    };
    const cases = [
      { a: true, b: 'z' },
      { a: true, b: 'x' },
      { a: false, c: 11 },
      { c: 10 },
      {},
    ];
    for (const facts of cases) {
      const expected = await engineSays(condition, facts);
      expect(evaluate(condition, facts)).toBe(expected);
      expect(compile(condition)(new Map(Object.entries(facts)))).toBe(expected);
    }
  });

  it('when facts are read from an array by slot, then every operator, value and fact shape gives what the map-reading closure gives', () => {
    const slots = new Map([['y', 0], ['x', 1]]);
    for (const operator of OPERATORS) {
      for (const value of VALUES[operator]) {
        for (const fact of FACT_VALUES) {
          const condition: Condition = { any: [{ fact: 'x', operator, value }, { not: { fact: 'unknown', operator, value } }] };
          const byName = compile(condition)(new Map(fact === undefined ? [] : [['x', fact]]));
          expect([operator, value, fact, compileSlots(condition, slots)(['other', fact])]).toEqual([operator, value, fact, byName]);
        }
      }
    }
  });
});
