import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { engineParts, ownBounds, scoresOf, stateOf } from '../support/engine-under-test.js';
import { generateAnswers, random } from '../support/generate-answers.js';
import { suggestActions } from '../../src/app/suggest-actions.js';
import { loadContent } from '../../src/content/load-content.js';
import { applyChanges } from '../../src/core/apply-changes.js';
import { evaluate } from '../../src/core/condition.js';
import type { Action, AnswersDocument, Content } from '../../src/core/content-model.js';
import { gainPerEffort } from '../../src/core/ranking.js';
import { createScorer, type Scorer } from '../../src/core/score.js';
import { suggestByRescoring } from '../../src/core/suggest.js';
import { validateAnswers } from '../../src/core/validate-answers.js';
import { indicatorCap } from '../../src/engine/gain-bounds.js';
import { compileContent, scoreOrNull, type RankedAction } from '../../src/engine/index.js';
import { loadRow, rowFigures } from '../../src/engine/row-figures.js';
import { TopActions } from '../../src/engine/top-actions.js';
import { tinyContent } from '../fixtures/tiny-content.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const scorer = createScorer(loaded.value.content);
const parts = engineParts(scorer.index);
const { rules, actions } = parts;

/** Through the engine's door, as the app asks it: each action's gains and projected scores, best first. */
function ranked(s: Scorer, doc: AnswersDocument, top?: number) {
  return compileContent(s.index).rankActions(doc, validateAnswers(s.index, doc).applicability, top);
}

/**
 * The engine's ranking and what users get from the app, against the reference: every action's
 * changed answers scored again with json-rules-engine (its suggestions in full, and cut to what
 * the engine ranks).
 */
async function agree(s: Scorer, docs: readonly AnswersDocument[]): Promise<void> {
  const rescored = async (doc: AnswersDocument) => {
    const slow = await suggestByRescoring(s, doc);
    if (!slow.ok) throw new Error('invalid');
    return { ranked: slow.value.suggestions.map((x) => ({ actionId: x.actionId, indicator: x.indicator, gains: x.gains, projected: x.projected })), served: slow.value.suggestions };
  };
  const fast = async (doc: AnswersDocument) => {
    const served = await suggestActions(s, doc);
    return { ranked: ranked(s, doc), served: served.ok && served.value.suggestions };
  };
  expect(await differential(rescored, fast, docs)).toBe(docs.length);
}

/** A random valid assessment's row state and scores, in arrays of their own. */
function randomRow(rand: () => number) {
  const doc = generateAnswers(scorer.index, rand);
  const row = stateOf(rules, doc);
  return { doc, row, base: scoresOf(rules, row) };
}

const copy = (list: readonly RankedAction[]) => list.map((r) => ({ actionId: r.actionId, indicator: r.indicator, gains: { ...r.gains }, projected: { global: scoreOrNull(r.projectedGlobal), pillar: scoreOrNull(r.projectedPillar), indicator: scoreOrNull(r.projectedIndicator) } }));

describe('fast suggestions against re-scoring everything with json-rules-engine', () => {
  it('when the golden organisations get suggestions both ways, then the ranked lists and gains are identical', async () => {
    await agree(scorer, loaded.value.examples.map((e) => e.data));
  });

  it('when 150 random assessments get suggestions both ways, then the ranked lists and gains are identical', async () => {
    const rand = random(99);
    await agree(scorer, Array.from({ length: 150 }, () => generateAnswers(scorer.index, rand)));
  });

  it('when a rule of one indicator reads a question of another, then an action on that question moves both, as re-scoring does', async () => {
    const content: Content = tinyContent();
    // Water's rules read carbon's first question too: measuring carbon is part of knowing one's water.
    content.rules.push({ name: 'water.known.carbon', conditions: { all: [{ fact: 'carbon-done', operator: 'equal', value: true }] }, event: { type: 'points', params: { indicator: 'water', criterion: 'known', points: 40, reason: { fr: 'mesuré', en: 'measured' } } } });
    const action: Action = {
      id: 'measure-carbon', indicator: 'carbon', title: { fr: 'Mesurer' }, description: { fr: 'Mesurer' }, firstSteps: [],
      effort: 'low', cost: 'none', durationMonths: 3, changes: { 'carbon-done': { set: true } }, testimonies: [],
    };
    content.actions.push(action);
    const tiny = createScorer(content);
    const doc: AnswersDocument = { profile: { headcount: 'small' }, answers: { 'carbon-done': false, 'water-share': 60, 'pay-ratio': 3, 'pay-tools': ['cap'] } };
    await agree(tiny, [doc]);
    // Carbon from 0 to 40 of 100 points (its level is then asked, unanswered); water's gain counts in the pillar too (checked by `agree`).
    expect(ranked(tiny, doc, 3)[0]).toMatchObject({ actionId: 'measure-carbon', projected: { indicator: 40 } });
  });
});

describe('only the top suggestions, most promising first', () => {
  it('when 1,000 random assessments ask for the top 1, 2, 3 or 5, then each list is the head of the full ranking', async () => {
    const rand = random(7);
    const top = new TopActions(rules, actions, parts.fitsTests);
    const cases = Array.from({ length: 1000 }, () => randomRow(rand)).flatMap((r) => [1, 2, 3, 5].map((n) => ({ ...r, n })));
    const compared = await differential(({ row, base, n }) => copy(top.of(row, base, Number.MAX_SAFE_INTEGER)).slice(0, n), ({ row, base, n }) => copy(top.of(row, base, n)), cases);
    expect(compared).toBe(4000);
  });

  it('when every action is applied to the answers and the assessment scored again, then its bound is never below what it is worth, and a skipped one gains nothing', () => {
    const rand = random(33);
    const top = new TopActions(rules, actions, parts.fitsTests);
    let checked = 0;
    for (let i = 0; i < 200; i++) {
      const { doc, row, base } = randomRow(rand);
      const bounds = ownBounds(parts, row, base);
      expect(top.of(row, base, 0)).toEqual([]);
      actions.forEach(({ action }, n) => {
        if (action.fits && !evaluate(action.fits, doc.profile)) return;
        const after = scoresOf(rules, stateOf(rules, applyChanges(scorer.index, doc, [action.changes])));
        const globalGain = Math.round(((scoreOrNull(after.global) ?? 0) - (scoreOrNull(base.global) ?? 0)) * 10) / 10;
        const worth = gainPerEffort(globalGain, action.effort);
        const at = rules.indicators.findIndex((x) => x.id === action.indicator);
        const indicatorGain = (scoreOrNull(after.indicators[at]!) ?? 0) - (scoreOrNull(base.indicators[at]!) ?? 0);
        expect([action.id, bounds[n]! >= worth || (bounds[n] === -Infinity && globalGain <= 0 && indicatorGain <= 0)]).toEqual([action.id, true]);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(200 * 30);
  });

  it('when a batch takes the top three in a reused row, then each row gets the same list as ranking it afresh, whose lists stay as they were', async () => {
    const rand = random(52);
    const engine = compileContent(scorer.index);
    const row = engine.row();
    const docs = Array.from({ length: 300 }, () => generateAnswers(scorer.index, rand));
    const earlier: { own: ReturnType<typeof ranked>; snapshot: ReturnType<typeof ranked> }[] = [];
    const fresh = (doc: AnswersDocument) => {
      const own = ranked(scorer, doc, 3);
      earlier.push({ own, snapshot: structuredClone(own) });
      return own;
    };
    const reused = (doc: AnswersDocument) => {
      row.setValidated(doc, validateAnswers(scorer.index, doc).applicability);
      row.score();
      return copy(row.topActions(3));
    };
    expect(await differential(fresh, reused, docs)).toBe(300);
    for (const { own, snapshot } of earlier) expect(own).toEqual(snapshot);
  });

  it('when 1,000 random rows bound their actions, then no action moving one indicator is bounded above that indicator\'s cap', () => {
    const rand = random(45);
    const { layout } = parts;
    const figures = rowFigures(layout);
    const caps = new Float64Array(layout.indicators);
    let compared = 0;
    for (let i = 0; i < 1000; i++) {
      const { row, base } = randomRow(rand);
      const bounds = ownBounds(parts, row, base);
      loadRow(layout, base, figures);
      actions.forEach((c, n) => {
        if (c.moves.length !== 1 || bounds[n] === -Infinity) return;
        indicatorCap(layout, c.moves[0]!.indicator, figures, caps);
        const cap = caps[c.moves[0]!.indicator]! / c.effortUnits;
        expect([c.action.id, cap >= bounds[n]!]).toEqual([c.action.id, true]);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(1000 * 30);
  });

  it('when an action is bounded before being done, then its bound is never below what it turns out to be worth, and it does leave actions undone', () => {
    const rand = random(21);
    const top = new TopActions(rules, actions, parts.fitsTests);
    const byId = new Map(actions.map((c, i) => [c.action.id, i]));
    let bounded = 0;
    let skippable = 0;
    for (let i = 0; i < 1000; i++) {
      const { row, base } = randomRow(rand);
      const bounds = ownBounds(parts, row, base);
      const full = copy(top.of(row, base, Number.MAX_SAFE_INTEGER));
      for (const s of full) {
        const n = byId.get(s.actionId)!;
        expect([s.actionId, bounds[n]! >= gainPerEffort(s.gains.global, actions[n]!.action.effort)]).toEqual([s.actionId, true]);
      }
      bounded += bounds.filter((b) => Number.isFinite(b)).length;
      const third = full[2];
      if (third) skippable += bounds.filter((b) => b < gainPerEffort(third.gains.global, actions[byId.get(third.actionId)!]!.action.effort)).length;
    }
    // Most actions have a bound, and on random rows most of them cannot reach the third place.
    expect(bounded / 1000).toBeGreaterThan(actions.length / 2);
    expect(skippable / 1000).toBeGreaterThan(actions.length / 3);
  });
});
