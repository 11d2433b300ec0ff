import { compile } from '../../src/core/condition.js';
import { NOT_APPLICABLE_STATUS } from '../../src/core/applicability.js';
import { pointsScore } from '../../src/core/aggregate.js';
import type { ContentIndex } from '../../src/core/content-index.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { validateAnswers } from '../../src/core/validate-answers.js';
import { GeneratedCode } from '../../src/engine/code-writer.js';
import { compileActions } from '../../src/engine/compiled-actions.js';
import { compileRules, type CompiledRules } from '../../src/engine/compiled-rules.js';
import { allAtTop, gainBound } from '../../src/engine/gain-bounds.js';
import { emptyScores, scoreInto, type RowScores } from '../../src/engine/row-scores.js';
import { loadRow, MAX_SCORE, rowFigures } from '../../src/engine/row-figures.js';
import { loadValidated, newRowState, type RowState } from '../../src/engine/row-state.js';
import { suggestionLayout } from '../../src/engine/suggestion-layout.js';

/** The engine's parts for white-box tests, compiled apart from the door's (so nothing cached there helps or hinders). */
export function engineParts(index: ContentIndex) {
  const code = new GeneratedCode();
  const rules = compileRules(index, code);
  const { actions, fitsTests } = compileActions(rules, code);
  return { code, rules, actions, fitsTests, layout: suggestionLayout(rules, actions) };
}

export type EngineParts = ReturnType<typeof engineParts>;

/** A valid document's row state, in arrays of its own. */
export function stateOf(rules: CompiledRules, doc: AnswersDocument): RowState {
  const state = newRowState(rules);
  loadValidated(rules, state, doc, validateAnswers(rules.index, doc).applicability);
  return state;
}

/** A checked row's scores, in arrays of their own. */
export function scoresOf(rules: CompiledRules, state: RowState): RowScores {
  return scoreInto(rules, state, emptyScores(rules));
}

/** The state with its values' codes, as a batch gives them (lists get one only when frozen). */
export function withCodes(rules: CompiledRules, state: RowState): RowState {
  return { ...state, codes: Int32Array.from(state.values, (value, slot) => (value === undefined ? -1 : rules.codes.codeOf(slot, value))) };
}

/** The document with its lists frozen, as a batch shares them between the rows of one cell text. */
export function frozenLists(doc: AnswersDocument): AnswersDocument {
  const answers = Object.fromEntries(Object.entries(doc.answers).map(([id, v]) => [id, Array.isArray(v) ? Object.freeze([...v]) : v]));
  return { ...doc, answers: answers as AnswersDocument['answers'] };
}

/**
 * The reference the generated indicator functions are held to: each criterion scored step by step
 * with core's condition evaluator on the answers that count, by indicator its score (null: none)
 * and by criterion its points (-1: it does not apply).
 */
export function loopedScores(rules: CompiledRules, state: RowState): { indicators: (number | null)[]; criteria: number[] } {
  const facts = new Map<string, unknown>();
  for (const [id, slot] of rules.slots) if (state.scored[slot] !== undefined) facts.set(id, state.scored[slot]);
  const criteria = new Array<number>(rules.criteria).fill(-1);
  const indicators = rules.indicators.map((indicator) => {
    let points = 0;
    let available = 0;
    for (const criterion of indicator.criteria) {
      if (criterion.questionNumbers.length > 0 && criterion.questionNumbers.every((q) => state.status[q] === NOT_APPLICABLE_STATUS)) continue;
      let best = 0;
      for (const step of criterion.steps) if (step.points > best && compile(step.conditions)(facts)) best = step.points;
      criteria[criterion.position] = best;
      points += best;
      available += criterion.max;
    }
    return pointsScore(points, available);
  });
  return { indicators, criteria };
}

/** Every action's own bound for a row (-Infinity: it does not fit or cannot gain), as the ranking would refine each: what its tests check bounds with. */
export function ownBounds({ layout, actions, fitsTests }: EngineParts, row: RowState, base: RowScores): Float64Array {
  const figures = rowFigures(layout);
  loadRow(layout, base, figures);
  const bounds = new Float64Array(actions.length);
  actions.forEach((c, i) => {
    const fits = c.fits < 0 || fitsTests[c.fits]!(row.profile);
    const n = layout.single[i]!;
    if (!fits || (n >= 0 ? figures.score[n] === MAX_SCORE : allAtTop(layout, i, figures))) bounds[i] = -Infinity;
    else gainBound(layout, i, row, base.criteria, figures, bounds);
  });
  return bounds;
}
