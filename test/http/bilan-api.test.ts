import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/core/apply-changes.js';
import { examples, startHarness, type Harness } from './harness.js';

let h: Harness;
let baseline: number;
let later: number;
let plan: { id: number; version: number; items: { id: number; actionId: string | null; displayTitle: string; indicator: string }[]; projection: { projected: { global: number; pillars: Record<string, number> } } };

async function submitted(answers: Record<string, unknown>): Promise<number> {
  const created = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
  const patched = await h.call('leaderA', 'PATCH', `/assessments/${created.id}`, { version: created.version, answers });
  expect(patched.status).toBe(200);
  expect((await h.call('leaderA', 'POST', `/assessments/${created.id}/submit`, { version: patched.body.version })).status).toBe(200);
  return created.id;
}

/**
 * A plan of three suggested actions and one of the organisation's own: the first done (and its
 * answers really changed in the next assessment), the second in progress, the third dropped.
 */
beforeAll(async () => {
  h = await startHarness();
  const doc = examples.get('insertion-esus')!;
  baseline = await submitted(doc.answers);
  const { body: s } = await h.call('leaderA', 'GET', `/assessments/${baseline}/suggestions?limit=3`);
  plan = (await h.call('leaderA', 'POST', `/assessments/${baseline}/plans`, { title: 'Plan 2027', actionIds: s.suggestions.map((x: { actionId: string }) => x.actionId) })).body;
  plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/items`, { version: plan.version, title: 'Former les encadrants', indicator: 'inclusion' })).body;
  const [first, second, third] = plan.items;
  plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${first!.id}`, { version: plan.version, target: '100 % des sites', successIndicator: 'sites couverts', status: 'done' })).body;
  plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${second!.id}`, { version: plan.version, status: 'in-progress' })).body;
  plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${third!.id}`, { version: plan.version, status: 'dropped' })).body;
  const action = h.ctx.content.actions.find((a) => a.id === first!.actionId)!;
  later = await submitted(applyChanges(h.ctx.scorer.index, { profile: doc.profile, answers: doc.answers }, [action.changes]).answers);
});
afterAll(async () => h.close());

describe('the bilan: intended vs achieved', () => {
  it('when a later assessment follows a plan, then each item shows its target, status, projected gain and what its indicator did', async () => {
    const res = await h.call('leaderA', 'GET', `/assessments/${later}/comparison`);
    expect(res.status).toBe(200);
    // The fields the comparison always had are still there.
    expect(res.body).toMatchObject({ before: { assessmentId: baseline }, after: { assessmentId: later }, sameContent: true, global: expect.any(Object), indicators: expect.any(Array), done: expect.any(Array) });
    expect(res.body.plans).toHaveLength(1);
    const bilan = res.body.plans[0];
    expect(bilan).toMatchObject({ planId: plan.id, title: 'Plan 2027', status: 'draft' });
    expect(bilan.items.map((i: { displayTitle: string; status: string }) => [i.displayTitle, i.status])).toEqual([
      [plan.items[0]!.displayTitle, 'done'], [plan.items[1]!.displayTitle, 'in-progress'], [plan.items[2]!.displayTitle, 'dropped'], ['Former les encadrants', 'todo'],
    ]);
    const [done, , , own] = bilan.items;
    expect(done).toMatchObject({ target: '100 % des sites', successIndicator: 'sites couverts', indicatorTitle: expect.any(String) });
    expect(done.projected.global).toBeGreaterThan(0);
    expect(done.projected.indicator.delta).toBeGreaterThan(0);
    // Done as intended: the indicator moved exactly as projected.
    expect(done.achieved).toEqual(done.projected.indicator);
    expect(own.projected).toBeNull();
    expect(own.achieved).toMatchObject({ delta: 0 });
  });

  it('when the plan’s scores are set beside the achieved ones, then projected is the plan’s projection and achieved the later scores', async () => {
    const res = await h.call('leaderA', 'GET', `/assessments/${later}/comparison`);
    const current = (await h.call('leaderA', 'GET', `/plans/${plan.id}`)).body;
    const [global, ...pillars] = res.body.plans[0].scores;
    expect(global).toMatchObject({ id: 'global', before: res.body.global.before, projected: current.projection.projected.global, achieved: res.body.global.after, achievedDelta: res.body.global.delta });
    expect(pillars.map((p: { id: string }) => p.id)).toEqual(res.body.pillars.map((p: { id: string }) => p.id));
    for (const p of pillars) expect(p.projected).toBe(current.projection.projected.pillars[p.id]);
    // Only the done action's answers changed, while the in-progress one was projected too: less achieved than intended.
    expect(global.achieved).toBeLessThan(global.projected);
  });

  it('when asked in English, then the items are worded in English', async () => {
    const res = await h.call('leaderA', 'GET', `/assessments/${later}/comparison?lang=en`);
    const fr = await h.call('leaderA', 'GET', `/assessments/${later}/comparison`);
    expect(res.body.plans[0].items[0].indicatorTitle).not.toBe(fr.body.plans[0].items[0].indicatorTitle);
  });
});
