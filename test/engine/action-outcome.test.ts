import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { engineParts, frozenLists, scoresOf, stateOf, withCodes } from '../support/engine-under-test.js';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { applyChanges } from '../../src/core/apply-changes.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { indexContent } from '../../src/core/content-index.js';
import type { CompiledAction } from '../../src/engine/compiled-actions.js';
import { rowFigures } from '../../src/engine/row-figures.js';
import { scoreOrNull, type RowScores } from '../../src/engine/row-scores.js';
import type { RowState } from '../../src/engine/row-state.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const parts = engineParts(index);
const { rules, actions } = parts;
const figures = rowFigures(parts.layout);

interface Case { doc: AnswersDocument; row: RowState; base: RowScores; c: CompiledAction }

/** Every action on each document's row. */
function cases(docs: readonly AnswersDocument[]): Case[] {
  return docs.flatMap((doc) => {
    const row = stateOf(rules, doc);
    const base = scoresOf(rules, row);
    return actions.map((c) => ({ doc, row, base, c }));
  });
}

/** What the outcome gives: whether an answer changes, and the scores of the indicators it can move (the row's own when nothing changes). */
function outcome({ row, base, c }: Case): { changed: boolean; scores: (number | null)[] } {
  const changed = c.outcome(row, base.criteria, figures);
  const scores = c.indicators.map((n) => scoreOrNull(changed ? figures.moved[n]! : base.indicators[n]!));
  for (const n of c.indicators) figures.isMoved[n] = 0;
  return { changed, scores };
}

describe('an action outcome worked out from the criteria it touches', () => {
  it('when every action is done on 300 random rows, then the indicators it moves score what scoring the changed answers scores, and the row is left as it was', async () => {
    const rand = random(31);
    const all = cases(Array.from({ length: 300 }, () => generateAnswers(index, rand)));
    const before = all.map(({ row }) => structuredClone({ scored: row.scored, status: [...row.status], shown: row.shown }));
    // The reference: the changed answers scored in full; no answer changing leaves the row's own scores.
    const rescored = (k: Case) => {
      const after = scoresOf(rules, stateOf(rules, applyChanges(index, k.doc, [k.c.action.changes])));
      return k.c.indicators.map((n) => scoreOrNull(after.indicators[n]!));
    };
    expect(await differential(rescored, (k) => outcome(k).scores, all, { name: (k) => k.c.action.id })).toBe(300 * actions.length);
    expect(all.map(({ row }) => ({ scored: row.scored, status: [...row.status], shown: row.shown }))).toEqual(before);
    expect(all.filter((k) => outcome(k).changed).length).toBeGreaterThan(300 * 20);
  });

  it('when every action is done on 300 random rows (twice) with the codes a batch gives their values, then the indicators it moves score as without codes', async () => {
    const rand = random(32);
    // As a batch reads them: lists frozen (shared by the rows of one cell text), so they get codes
    // too, the same ones the second time round.
    const docs = Array.from({ length: 300 }, () => frozenLists(generateAnswers(index, rand)));
    const all = cases([...docs, ...docs]);
    const coded = all.map((k) => ({ ...k, row: withCodes(rules, k.row) }));
    expect(await differential((n: number) => outcome(all[n]!), (n) => outcome(coded[n]!), all.keys(), { name: (n) => all[n]!.c.action.id })).toBe(600 * actions.length);
    expect(all.filter((k) => outcome(k).changed).length).toBeGreaterThan(600 * 20);
    expect(coded.filter((k, n) => n % actions.length === 0).reduce((lists, { row }) => lists + row.values.filter((value, slot) => Array.isArray(value) && row.codes[slot]! >= 0).length, 0)).toBeGreaterThan(600);
  });
});
