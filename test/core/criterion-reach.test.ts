import { describe, expect, it } from 'vitest';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { applyChanges } from '../../src/core/apply-changes.js';
import { compileScorer, rowScores } from '../../src/core/compiled-scorer.js';
import { indexContent } from '../../src/core/content-index.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { compileActions } from '../../src/core/quick-suggest.js';
import { ReachMemos } from '../../src/core/criterion-reach.js';
import { MAX_CODES } from '../../src/core/value-codes.js';
import { NOT_APPLICABLE_STATUS, rowStateFrom, type RowState } from '../../src/core/row-state.js';
import { validateAnswers } from '../../src/core/validate-answers.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const compiled = compileScorer(index);
const actions = compileActions(compiled);

// A batch's codes for a row's values: the compiled content's, as its cells get them.
function codesOf(values: readonly unknown[]): Int32Array {
  return Int32Array.from(values, (value, slot) => (value === undefined ? -1 : compiled.codes.codeOf(slot, value)));
}

function rowOf(doc: AnswersDocument): RowState {
  return rowStateFrom(compiled, doc, validateAnswers(index, doc).applicability);
}

// As a batch reads them: lists shared between rows are frozen, and so remembered by the reach.
function frozen(doc: AnswersDocument): AnswersDocument {
  const answers = Object.fromEntries(Object.entries(doc.answers).map(([id, v]) => [id, Array.isArray(v) ? Object.freeze([...v]) : v]));
  return { ...doc, answers: answers as AnswersDocument['answers'] };
}

describe('the most points a criterion can have once an action is done', () => {
  it('when every action is done on 300 random rows, then no question becomes not applicable that was not already', () => {
    const rand = random(71);
    for (let i = 0; i < 300; i++) {
      const doc = generateAnswers(index, rand);
      const before = rowOf(doc);
      for (const { action } of actions) {
        const after = rowOf(applyChanges(index, doc, [action.changes]));
        const newly = compiled.questions.filter((_, n) => after.status[n] === NOT_APPLICABLE_STATUS && before.status[n] !== NOT_APPLICABLE_STATUS);
        expect([action.id, newly.map((q) => q.entry.question.id)]).toEqual([action.id, []]);
      }
    }
  });

  it('when every action is done on 300 random rows (twice, lists shared), then each criterion it touches that applies still does, with at most its reach, found alike by value and by code', () => {
    const rand = random(72);
    const docs = Array.from({ length: 300 }, () => frozen(generateAnswers(index, rand)));
    let bounded = 0;
    let belowMax = 0;
    for (const doc of [...docs, ...docs]) {
      const row = rowOf(doc);
      const now = rowScores(compiled, row).criteria;
      for (const c of actions) {
        const after = rowScores(compiled, rowOf(applyChanges(index, doc, [c.action.changes]))).criteria;
        for (const move of c.moves) {
          move.touched.forEach((position, k) => {
            const reach = move.reach[k];
            if (!reach || now[position]! < 0) return;
            const max = compiled.indicators[move.indicator]!.criteria.find((criterion) => criterion.position === position)!.max;
            const at = reach.at(row);
            expect([c.action.id, position, after[position]! >= 0 && after[position]! <= at && at <= max]).toEqual([c.action.id, position, true]);
            // As a batch finds it, by the codes of the row's values: the same.
            expect(reach.at({ values: row.values, codes: codesOf(row.values) })).toBe(at);
            bounded++;
            if (at < max) belowMax++;
          });
        }
      }
    }
    // It bounds most touched criteria, and often below their maximum: what makes it worth having.
    expect(bounded).toBeGreaterThan(600 * 40);
    expect(belowMax).toBeGreaterThan(bounded / 4);
  });

  it('when a reach would be made after the reaches were first looked up by code, then it is refused rather than given memos beyond the array', () => {
    const memos = new ReachMemos();
    expect([memos.take(), memos.take()]).toEqual([0, MAX_CODES]);
    expect(memos.make()).toHaveLength(2 * MAX_CODES);
    expect(() => memos.take()).toThrow('ReachMemos');
  });
});
