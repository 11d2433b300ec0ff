import { describe, expect, it } from 'vitest';
import { createScorer, score } from '../../src/core/score.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import type { ScoreResult } from '../../src/core/score-result.js';
import { tinyContent } from '../fixtures/tiny-content.js';

const scorer = createScorer(tinyContent());

async function scored(doc: AnswersDocument): Promise<ScoreResult> {
  const outcome = await score(scorer, doc);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

const indicator = (r: ScoreResult, id: string) => r.pillars.flatMap((p) => p.indicators).find((i) => i.id === id)!;
const pillar = (r: ScoreResult, id: string) => r.pillars.find((p) => p.id === id)!;

describe('score aggregation', () => {
  it('when every best answer is given, then every level is 100', async () => {
    const r = await scored({
      profile: { headcount: 'big' },
      answers: { 'carbon-done': true, 'carbon-level': 'all', 'water-share': 80, 'water-plan': true, 'pay-ratio': 3, 'pay-tools': ['cap', 'grid'] },
    });
    expect(r.global).toBe(100);
    expect(r.pillars.map((p) => p.score)).toEqual([100, 100]);
    expect(r.unanswered).toEqual([]);
    expect(r.contentVersion).toBe('test+0');
  });

  it('when every answer earns nothing, then every level is 0', async () => {
    const r = await scored({
      profile: { headcount: 'big' },
      answers: { 'carbon-done': false, 'water-share': 10, 'water-plan': false, 'pay-ratio': 40, 'pay-tools': [] },
    });
    expect(r.global).toBe(0);
    expect(r.pillars.map((p) => p.score)).toEqual([0, 0]);
  });

  it('when a ladder reaches a middle step, then only the best fired step counts', async () => {
    const r = await scored({ profile: { headcount: 'small' }, answers: { 'carbon-done': true, 'carbon-level': 'some' } });
    const carbon = indicator(r, 'carbon');
    // 40 (done) + 30 (level "some"; "all" worth 60 did not fire) out of 100.
    expect(carbon.score).toBe(70);
    expect(carbon.criteria.find((c) => c.id === 'level')).toMatchObject({ points: 30, max: 60 });
  });

  it('when answers are missing, then they earn nothing and are listed', async () => {
    const r = await scored({ profile: { headcount: 'big' }, answers: { 'carbon-done': true } });
    expect(indicator(r, 'carbon').score).toBe(40);
    expect(indicator(r, 'pay').score).toBe(0);
    expect(r.unanswered).toEqual(['carbon-level', 'water-share', 'water-plan', 'pay-ratio', 'pay-tools']);
  });

  it('when a question does not apply to the profile, then its criterion is left out and the indicator re-normalised', async () => {
    const r = await scored({ profile: { headcount: 'small' }, answers: { 'water-share': 60 } });
    const water = indicator(r, 'water');
    expect(water).toMatchObject({ score: 100, points: 50, maxPoints: 50 });
    expect(water.criteria.find((c) => c.id === 'plan')?.applicable).toBe(false);
  });

  it('when every question of a pillar is not applicable, then the pillar is left out of the global, not counted as zero', async () => {
    const content = tinyContent();
    content.pillars[0]!.indicators[0]!.questions[0]!.notApplicable = true;
    const outcome = await score(createScorer(content), {
      profile: { headcount: 'small', statuses: ['esus'] },
      answers: { 'carbon-done': 'n/a', 'water-share': 'n/a', 'pay-tools': ['cap'] },
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const r = outcome.value;
    expect(indicator(r, 'carbon').score).toBeNull();
    expect(indicator(r, 'water').score).toBeNull();
    expect(pillar(r, 'planet').score).toBeNull();
    // The ESUS status meets the pay-ratio rule on its own (an "any" condition): 70 + 30.
    expect(pillar(r, 'people').score).toBe(100);
    expect(r.global).toBe(100);
  });

  it('when pillars differ, then the global is their weighted mean, not the plain mean', async () => {
    const r = await scored({
      profile: { headcount: 'big' },
      answers: { 'carbon-done': true, 'carbon-level': 'all', 'water-share': 80, 'water-plan': true, 'pay-ratio': 40, 'pay-tools': ['cap'] },
    });
    expect(pillar(r, 'planet').score).toBe(100);
    expect(pillar(r, 'people').score).toBe(30);
    expect(r.global).toBe(72); // 0.6 × 100 + 0.4 × 30, where the plain mean would be 65.
  });

  it('when a rule is evaluated, then its outcome keeps the compared answer and expected value', async () => {
    const r = await scored({ profile: { headcount: 'small' }, answers: { 'pay-ratio': 8 } });
    const rule = indicator(r, 'pay').criteria[0]!.rules[0]!;
    expect(rule).toMatchObject({ name: 'pay.ratio.low', fired: false, points: 70 });
    expect(rule.conditions[0]).toEqual({ fact: 'pay-ratio', operator: 'lessThanInclusive', value: 5, factValue: 8, result: false });
  });
});
