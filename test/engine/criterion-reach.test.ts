import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { engineParts, frozenLists, scoresOf, stateOf, withCodes } from '../support/engine-under-test.js';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { applyChanges } from '../../src/core/apply-changes.js';
import { NOT_APPLICABLE_STATUS } from '../../src/core/applicability.js';
import { indexContent } from '../../src/core/content-index.js';
import { AnswerMemo, CodeTable } from '../../src/engine/answer-memo.js';
import { MAX_CODES } from '../../src/engine/value-codes.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const { rules, actions } = engineParts(index);

describe('the most points a criterion can have once an action is done', () => {
  it('when every action is done on 300 random rows, then no question becomes not applicable that was not already', () => {
    const rand = random(71);
    for (let i = 0; i < 300; i++) {
      const doc = generateAnswers(index, rand);
      const before = stateOf(rules, doc);
      for (const { action } of actions) {
        const after = stateOf(rules, applyChanges(index, doc, [action.changes]));
        const newly = rules.questions.filter((_, n) => after.status[n] === NOT_APPLICABLE_STATUS && before.status[n] !== NOT_APPLICABLE_STATUS);
        expect([action.id, newly.map((q) => q.entry.question.id)]).toEqual([action.id, []]);
      }
    }
  });

  it('when every action is done on 300 random rows (twice, lists shared), then each criterion it touches that applies still does, with at most its reach, found alike by value and by code', async () => {
    const rand = random(72);
    const docs = Array.from({ length: 300 }, () => frozenLists(generateAnswers(index, rand)));
    const reaches: { id: string; position: number; at: () => number; byCode: () => number; after: number; max: number }[] = [];
    for (const doc of [...docs, ...docs]) {
      const row = stateOf(rules, doc);
      const coded = withCodes(rules, row);
      const now = scoresOf(rules, row).criteria;
      for (const c of actions) {
        const after = scoresOf(rules, stateOf(rules, applyChanges(index, doc, [c.action.changes]))).criteria;
        for (const move of c.moves) {
          move.touched.forEach((position, k) => {
            const reach = move.reach[k];
            if (!reach || now[position]! < 0) return;
            const criterion = rules.indicators[move.indicator]!.criteria.find((x) => x.position === position)!;
            const slot = criterion.questionSlots[0]!;
            reaches.push({ id: c.action.id, position, at: () => reach.of(row.values[slot]), byCode: () => reach.at(coded.values, coded.codes, slot), after: after[position]!, max: criterion.max });
          });
        }
      }
    }
    for (const r of reaches) expect([r.id, r.position, r.after >= 0 && r.after <= r.at() && r.at() <= r.max]).toEqual([r.id, r.position, true]);
    // As a batch finds it, by the codes of the row's values: the same.
    expect(await differential((r) => r.at(), (r) => r.byCode(), reaches, { name: (r) => [r.id, r.position] })).toBe(reaches.length);
    // It bounds most touched criteria, and often below their maximum: what makes it worth having.
    expect(reaches.length).toBeGreaterThan(600 * 40);
    expect(reaches.filter((r) => r.at() < r.max).length).toBeGreaterThan(reaches.length / 4);
  });

  it('when answers are asked of a memo in any order, by code, by value or neither, then it gives what working each out gives', async () => {
    const answers = fc.constantFrom<unknown>(undefined, 0, 7.5, 'a', 'b', true, Object.freeze(['x']), Object.freeze(['x', 'y']), ['not', 'frozen']);
    const asked = fc.array(fc.tuple(answers, fc.integer({ min: -1, max: MAX_CODES - 1 })), { minLength: 1, maxLength: 40 });
    const compute = (answer: unknown) => JSON.stringify(answer ?? null).length;
    // Codes as a row gives them: one per value, the same every time.
    const codeOf = (answer: unknown, code: number) => (code < 0 ? -1 : (JSON.stringify(answer ?? null).length * 7) % MAX_CODES);
    const compared = await differential(
      (list: [unknown, number][]) => list.map(([answer]) => compute(answer)),
      (list) => {
        const memo = new AnswerMemo(compute, new CodeTable<number>(2, (length) => new Float64Array(length).fill(Number.NaN)), 1);
        return list.map(([answer, code]) => memo.at([answer], [codeOf(answer, code)], 0));
      },
      asked,
      { runs: 500 },
    );
    expect(compared).toBeGreaterThanOrEqual(500);
  });
});
