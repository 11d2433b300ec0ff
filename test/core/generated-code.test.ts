import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { compileScorer, emptyScores, loopedScore } from '../../src/core/compiled-scorer.js';
import { evaluate, OPERATORS, type Condition, type Literal } from '../../src/core/condition.js';
import { compileSlots } from '../../src/core/generated-code.js';
import { checkRow, valuesOf } from '../../src/core/row-state.js';
import { indexContent } from '../../src/core/content-index.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const compiled = compileScorer(index);

// Facts of every shape json-rules-engine's operators treat apart: missing, NaN, numeric texts, lists.
const fact = fc.constantFrom<unknown>(undefined, null, true, false, 0, -0, 3, 7.5, 100, Number.NaN, Number.POSITIVE_INFINITY, '3', '3abc', '', 'Infinity', 'a', 'b', 'n/a', [], ['a'], ['a', 'b'], [3]);
const literal = fc.constantFrom<Literal>(true, false, 0, 3, 7.5, 50, 'a', 'b', '3', '', 'n/a');
const leaf = fc.record({
  fact: fc.constantFrom('x', 'y', 'unknown'),
  operator: fc.constantFrom(...OPERATORS),
  value: literal,
  list: fc.array(literal, { maxLength: 3 }),
}).map(({ fact: f, operator, value, list }): Condition => ({ fact: f, operator, value: operator === 'in' || operator === 'notIn' ? list : value }));
const condition = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { maxLength: 3 }).map((all): Condition => ({ all })),
    fc.array(tie('c'), { maxLength: 3 }).map((any): Condition => ({ any })),
    tie('c').map((not): Condition => ({ not })),
  ),
})).c;

describe('generated code against the reference evaluator', () => {
  it('when random conditions (every operator, nested all/any/not) read facts of every shape, then the generated function agrees with evaluate', () => {
    const slots = new Map([['x', 0], ['y', 1]]);
    fc.assert(
      fc.property(condition, fact, fact, (c, x, y) => {
        const facts: Record<string, unknown> = {};
        if (x !== undefined) facts.x = x;
        if (y !== undefined) facts.y = y;
        expect(compileSlots(c, slots)([x, y])).toBe(evaluate(c, facts));
      }),
      { numRuns: 5000 },
    );
  });

  it('when a literal of a content file holds quotes, backslashes, line breaks or code, then it stays a string in the generated code', () => {
    const texts = ['"); globalThis.hacked = true; ("', "'; throw 1; '", '\\', '${1+1}', 'a\nb', '\u2028\u2029', '</script>', '*/ x /*'];
    for (const text of texts) {
      const test = compileSlots({ fact: 'x', operator: 'equal', value: text }, new Map([['x', 0]]));
      expect([text, test([text]), test(['other'])]).toEqual([text, true, false]);
    }
    expect((globalThis as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('when an indicator is scored by its generated function, then every random row gets what the step-by-step loop gives, criterion by criterion', () => {
    const rand = random(11);
    const into = emptyScores(compiled);
    const generated = into.criteria;
    const looped = new Float64Array(compiled.criteria);
    let rows = 0;
    let notApplying = 0;
    for (let n = 0; n < 1500; n++) {
      const values = valuesOf(compiled, generateAnswers(index, rand));
      const row = values && checkRow(compiled, values);
      if (!row) throw new Error('generated document invalid');
      generated.fill(Number.NaN);
      looped.fill(Number.NaN);
      for (const indicator of compiled.indicators) {
        indicator.score(row.scored, row.status, row.codes, into);
        const score = into.indicators[compiled.indicators.indexOf(indicator)]!;
        expect([indicator.id, Number.isNaN(score) ? null : score]).toEqual([indicator.id, loopedScore(compiled, indicator, row.scored, row.status, looped)]);
      }
      // Every criterion written, the same points (or -1 where it does not apply) both ways.
      expect([...generated]).toEqual([...looped]);
      expect(generated.every((p) => p >= -1)).toBe(true);
      notApplying += generated.filter((p) => p === -1).length;
      rows++;
    }
    expect(rows).toBe(1500);
    // The random rows do reach criteria that do not apply.
    expect(notApplying).toBeGreaterThan(0);
  });

  it('when rows carry their values\' codes, as a batch\'s do, then the generated functions give the same points, the second time round from what they kept by code', () => {
    const rand = random(12);
    const docs = Array.from({ length: 400 }, () => generateAnswers(index, rand));
    const into = emptyScores(compiled);
    const looped = new Float64Array(compiled.criteria);
    let coded = 0;
    for (const doc of [...docs, ...docs]) {
      // Lists frozen as a batch's are, so that they get codes.
      const values = valuesOf(compiled, doc)!.map((v) => (Array.isArray(v) ? Object.freeze([...v]) : v));
      const codes = Int32Array.from(values, (v, slot) => (v === undefined ? -1 : compiled.codes.codeOf(slot, v)));
      const row = checkRow(compiled, values, undefined, undefined, codes);
      if (!row) throw new Error('generated document invalid');
      coded += codes.filter((c) => c >= 0).length;
      for (const indicator of compiled.indicators) {
        indicator.score(row.scored, row.status, row.codes, into);
        loopedScore(compiled, indicator, row.scored, row.status, looped);
      }
      expect([...into.criteria]).toEqual([...looped]);
    }
    expect(coded).toBeGreaterThan(800 * 50);
  });
});
