import { describe, expect, it } from 'vitest';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { applyChanges } from '../../src/core/apply-changes.js';
import { compileScorer, quickScore, rowScores, scoreOrNull } from '../../src/core/compiled-scorer.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { indexContent } from '../../src/core/content-index.js';
import { rowFigures } from '../../src/core/gain-bounds.js';
import { compileActions } from '../../src/core/quick-suggest.js';
import { rowStateFrom, type RowState } from '../../src/core/row-state.js';
import { suggestionLayout } from '../../src/core/suggestion-layout.js';
import { validateAnswers } from '../../src/core/validate-answers.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const compiled = compileScorer(index);
const actions = compileActions(compiled);
const figures = rowFigures(suggestionLayout(compiled, actions));

describe('an action outcome worked out from the criteria it touches', () => {
  it('when every action is done on 300 random rows, then the indicators it moves score what scoring the changed answers scores, and the row is left as it was', () => {
    const rand = random(31);
    let changedRows = 0;
    for (let i = 0; i < 300; i++) {
      const doc = generateAnswers(index, rand);
      const row = rowStateFrom(compiled, doc, validateAnswers(index, doc).applicability);
      const base = rowScores(compiled, row);
      const before = structuredClone({ scored: row.scored, status: [...row.status], shown: row.shown });
      for (const c of actions) {
        const changed = c.outcome(row, base.criteria, figures);
        const after = quickScore(compiled, applyChanges(index, doc, [c.action.changes]));
        if (!after.ok) throw new Error(`${c.action.id}: the changed answers are invalid`);
        const expected = c.indicators.map((n) => after.value.indicators[n]!.score);
        if (!changed) {
          // No answer changes: scoring the "changed" answers gives the row's own scores.
          expect([c.action.id, expected]).toEqual([c.action.id, c.indicators.map((n) => scoreOrNull(base.indicators[n]!))]);
          continue;
        }
        changedRows++;
        const moved = c.indicators.map((n) => scoreOrNull(figures.moved[n]!));
        expect([c.action.id, moved]).toEqual([c.action.id, expected]);
        for (const n of c.indicators) figures.isMoved[n] = 0;
      }
      expect({ scored: row.scored, status: [...row.status], shown: row.shown }).toEqual(before);
    }
    expect(changedRows).toBeGreaterThan(300 * 20);
  });

  it('when every action is done on 300 random rows (twice) with the codes a batch gives their values, then the indicators it moves score as without codes', () => {
    const rand = random(32);
    // As a batch reads them: lists frozen (shared by the rows of one cell text), so they get codes
    // too, the same ones the second time round.
    const frozen = (doc: AnswersDocument): AnswersDocument => ({ ...doc, answers: Object.fromEntries(Object.entries(doc.answers).map(([id, v]) => [id, Array.isArray(v) ? Object.freeze([...v]) : v])) as AnswersDocument['answers'] });
    const docs = Array.from({ length: 300 }, () => frozen(generateAnswers(index, rand)));
    const coded = (row: RowState): RowState => ({ ...row, codes: Int32Array.from(row.values, (value, slot) => (value === undefined ? -1 : compiled.codes.codeOf(slot, value))) });
    let changedRows = 0;
    let listsCoded = 0;
    for (const doc of [...docs, ...docs]) {
      const row = rowStateFrom(compiled, doc, validateAnswers(index, doc).applicability);
      const base = rowScores(compiled, row);
      const withCodes = coded(row);
      listsCoded += row.values.filter((value, slot) => Array.isArray(value) && withCodes.codes[slot]! >= 0).length;
      for (const c of actions) {
        const changed = c.outcome(row, base.criteria, figures);
        const moved = c.indicators.map((n) => figures.moved[n]!);
        for (const n of c.indicators) figures.isMoved[n] = 0;
        expect([c.action.id, c.outcome(withCodes, base.criteria, figures)]).toEqual([c.action.id, changed]);
        if (!changed) continue;
        changedRows++;
        expect([c.action.id, c.indicators.map((n) => figures.moved[n]!)]).toEqual([c.action.id, moved]);
        for (const n of c.indicators) figures.isMoved[n] = 0;
      }
    }
    expect(changedRows).toBeGreaterThan(600 * 20);
    expect(listsCoded).toBeGreaterThan(600);
  });
});
