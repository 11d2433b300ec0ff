import { describe, expect, it } from 'vitest';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { applyChanges } from '../../src/core/apply-changes.js';
import { compileScorer, quickScore, rowScores, scoreOrNull } from '../../src/core/compiled-scorer.js';
import { evaluate } from '../../src/core/condition.js';
import { indexContent } from '../../src/core/content-index.js';
import type { Action, AnswersDocument, Content } from '../../src/core/content-model.js';
import { actionBounds, compileActions, quickSuggest, suggestForRow, topSuggestions } from '../../src/core/quick-suggest.js';
import { indicatorCap, loadRow, rowFigures } from '../../src/core/gain-bounds.js';
import { suggestionLayout } from '../../src/core/suggestion-layout.js';
import { gainPerEffort } from '../../src/core/ranking.js';
import { rowStateFrom } from '../../src/core/row-state.js';
import { createScorer } from '../../src/core/score.js';
import { suggest, suggestByRescoring } from '../../src/core/suggest.js';
import { validateAnswers } from '../../src/core/validate-answers.js';
import { tinyContent } from '../fixtures/tiny-content.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const scorer = createScorer(loaded.value.content);
const compiled = compileScorer(scorer.index);
const actions = compileActions(compiled);

async function agree(content: { scorer: typeof scorer; compiled: typeof compiled; actions: typeof actions }, doc: AnswersDocument): Promise<void> {
  const slow = await suggestByRescoring(content.scorer, doc);
  const quick = quickScore(content.compiled, doc);
  if (!slow.ok || !quick.ok) throw new Error('invalid');
  const { applicability } = validateAnswers(content.scorer.index, doc);
  const fast = quickSuggest(content.compiled, content.actions, doc, applicability, 1000);
  expect(fast).toEqual(slow.value.suggestions.map((s) => ({ actionId: s.actionId, indicator: s.indicator, gains: s.gains, projected: s.projected })));
  // And what users get from `suggest` is the reference's list, field for field.
  const served = await suggest(content.scorer, doc);
  expect(served.ok && served.value.suggestions).toEqual(slow.value.suggestions);
}

const real = { scorer, compiled, actions };

/** A random valid assessment's row state and scores. */
function randomRow(rand: () => number) {
  const doc = generateAnswers(scorer.index, rand);
  const row = rowStateFrom(compiled, doc, validateAnswers(scorer.index, doc).applicability);
  return { row, base: rowScores(compiled, row) };
}

describe('fast suggestions against re-scoring everything with json-rules-engine', () => {
  it('when the golden organisations get suggestions both ways, then the ranked lists and gains are identical', async () => {
    for (const { data } of loaded.value.examples) await agree(real, data);
  });

  it('when 150 random assessments get suggestions both ways, then the ranked lists and gains are identical', async () => {
    const rand = random(99);
    for (let i = 0; i < 150; i++) await agree(real, generateAnswers(scorer.index, rand));
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
    const tinyCompiled = compileScorer(indexContent(content));
    const tinyActions = compileActions(tinyCompiled);
    const doc: AnswersDocument = { profile: { headcount: 'small' }, answers: { 'carbon-done': false, 'water-share': 60, 'pay-ratio': 3, 'pay-tools': ['cap'] } };
    await agree({ scorer: tiny, compiled: tinyCompiled, actions: tinyActions }, doc);
    const [only] = quickSuggest(tinyCompiled, tinyActions, doc, validateAnswers(tiny.index, doc).applicability, 3);
    // Carbon from 0 to 40 of 100 points (its level is then asked, unanswered); water's gain counts in the pillar too (checked by `agree`).
    expect(only).toMatchObject({ actionId: 'measure-carbon', projected: { indicator: 40 } });
  });
});

describe('only the top suggestions, most promising first', () => {
  it('when 1,000 random assessments ask for the top 1, 2, 3 or 5, then each list is the head of the full ranking', () => {
    const rand = random(7);
    for (let i = 0; i < 1000; i++) {
      const { row, base } = randomRow(rand);
      const full = suggestForRow(compiled, actions, row, base, Number.MAX_SAFE_INTEGER);
      for (const top of [1, 2, 3, 5]) expect(suggestForRow(compiled, actions, row, base, top)).toEqual(full.slice(0, top));
    }
  });

  it('when every action is applied to the answers and the assessment scored again, then its bound is never below what it is worth, and a skipped one gains nothing', () => {
    const rand = random(33);
    let checked = 0;
    for (let i = 0; i < 200; i++) {
      const doc = generateAnswers(scorer.index, rand);
      const row = rowStateFrom(compiled, doc, validateAnswers(scorer.index, doc).applicability);
      const base = rowScores(compiled, row);
      const bounds = actionBounds(compiled, actions, row, base);
      expect(suggestForRow(compiled, actions, row, base, 0)).toEqual([]);
      actions.forEach(({ action }, n) => {
        if (action.fits && !evaluate(action.fits, doc.profile)) return;
        const after = quickScore(compiled, applyChanges(scorer.index, doc, [action.changes]));
        if (!after.ok) throw new Error('invalid');
        const globalGain = Math.round(((after.value.global ?? 0) - (scoreOrNull(base.global) ?? 0)) * 10) / 10;
        const worth = gainPerEffort(globalGain, action.effort);
        const own = (r: { indicators: { id: string; score: number | null }[] }) => r.indicators.find((x) => x.id === action.indicator)?.score ?? 0;
        const indicatorGain = own(after.value) - (scoreOrNull(base.indicators[compiled.indicators.findIndex((x) => x.id === action.indicator)]!) ?? 0);
        expect([action.id, bounds[n]! >= worth || (bounds[n] === -Infinity && globalGain <= 0 && indicatorGain <= 0)]).toEqual([action.id, true]);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(200 * 30);
  });

  it('when a batch takes the top three in reused space, then each row gets the same list as suggestForRow, whose lists stay as they were', () => {
    const rand = random(52);
    const earlier = [];
    for (let i = 0; i < 300; i++) {
      const { row, base } = randomRow(rand);
      const own = suggestForRow(compiled, actions, row, base, 3);
      const none = (score: number) => (Number.isNaN(score) ? null : score);
      const reused = topSuggestions(compiled, actions, row, base, 3).map((r) => ({ actionId: r.actionId, indicator: r.indicator, gains: { ...r.gains }, projected: { global: none(r.projectedGlobal), pillar: none(r.projectedPillar), indicator: none(r.projectedIndicator) } }));
      expect(reused).toEqual(own);
      earlier.push({ own, copy: structuredClone(own) });
    }
    for (const { own, copy } of earlier) expect(own).toEqual(copy);
  });

  it('when 1,000 random rows bound their actions, then no action moving one indicator is bounded above that indicator\'s cap', () => {
    const rand = random(45);
    const layout = suggestionLayout(compiled, actions);
    const figures = rowFigures(layout);
    const caps = new Float64Array(layout.indicators);
    let compared = 0;
    for (let i = 0; i < 1000; i++) {
      const { row, base } = randomRow(rand);
      const bounds = actionBounds(compiled, actions, row, base);
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
    const byId = new Map(actions.map((c, i) => [c.action.id, i]));
    let bounded = 0;
    let skippable = 0;
    for (let i = 0; i < 1000; i++) {
      const { row, base } = randomRow(rand);
      const bounds = actionBounds(compiled, actions, row, base);
      const full = suggestForRow(compiled, actions, row, base, Number.MAX_SAFE_INTEGER);
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
