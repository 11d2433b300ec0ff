import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { compile, evaluate, OPERATOR_MEANINGS, type Condition, type Operator } from '../../src/core/condition.js';

const OPERATORS = Object.keys(OPERATOR_MEANINGS) as Operator[];
import { FACT_VALUES, VALUES } from '../support/condition-cases.js';

async function engineSays(condition: Condition, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ conditions: condition as never, event: { type: 'hit' } });
  const { results } = await engine.run(facts);
  return results.length === 1;
}

/** Both of core's evaluators on a condition: `evaluate` on an object, `compile`'s closure on a map. */
const core = ({ condition, facts }: { condition: Condition; facts: Record<string, unknown> }) => [evaluate(condition, facts), compile(condition)(new Map(Object.entries(facts)))];
const reference = async ({ condition, facts }: { condition: Condition; facts: Record<string, unknown> }) => {
  const said = await engineSays(condition, facts);
  return [said, said];
};

// Applicability is decided by our synchronous evaluator while points come from json-rules-engine:
// both must agree on every operator, including on missing facts and odd types.
describe('condition evaluator', () => {
  it('when given every operator, value and fact shape, then it agrees with json-rules-engine', async () => {
    const cases = OPERATORS.flatMap((operator) => VALUES[operator].flatMap((value) => FACT_VALUES.map((fact) => ({
      condition: { all: [{ fact: 'x', operator, value }] } as Condition,
      facts: fact === undefined ? {} : { x: fact },
    }))));
    const compared = await differential(reference, core, cases, { name: ({ condition, facts }) => [condition, facts] });
    expect(compared).toBe(FACT_VALUES.length * Object.values(VALUES).flat(1).length);
  });

  it('when conditions nest all, any and not, then it agrees with json-rules-engine', async () => {
    const condition: Condition = {
      any: [
        { all: [{ fact: 'a', operator: 'equal', value: true }, { not: { fact: 'b', operator: 'in', value: ['x', 'y'] } }] },
        { fact: 'c', operator: 'greaterThan', value: 10 },
      ],
    };
    const cases = [{ a: true, b: 'z' }, { a: true, b: 'x' }, { a: false, c: 11 }, { c: 10 }, {}].map((facts) => ({ condition, facts }));
    expect(await differential(reference, core, cases, { name: ({ facts }) => facts })).toBe(5);
  });
});
