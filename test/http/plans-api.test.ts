import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/app/accounts.js';
import { createAssessment, saveAnswers, submitAssessment } from '../../src/app/assessments.js';
import { applyChanges } from '../../src/core/apply-changes.js';
import { score } from '../../src/core/score.js';
import { examples, startHarness, unwrap, type Harness } from './harness.js';

let h: Harness;
let baseline: number;

async function submitted(answers: Record<string, unknown>): Promise<number> {
  const admin = await actorOf(h.ctx, (await h.ctx.store.accounts.findByEmail('admin@test.org'))!);
  const a = unwrap(await createAssessment(h.ctx, admin, h.orgA));
  const saved = unwrap(await saveAnswers(h.ctx, admin, a.id, { version: a.version, answers: answers as never }));
  return unwrap(await submitAssessment(h.ctx, admin, a.id, saved.version)).id;
}

beforeAll(async () => {
  h = await startHarness();
  baseline = await submitted(examples.get('insertion-esus')!.answers);
});
afterAll(async () => h.close());

describe('from suggestions to a reviewed plan', () => {
  it('when a leader reads suggestions, then each has computed gains, a reason, effort, cost and testimonies', async () => {
    const res = await h.call('leaderA', 'GET', `/assessments/${baseline}/suggestions?limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.suggestions).toHaveLength(5);
    const first = res.body.suggestions[0];
    expect(first).toMatchObject({ rank: 1, actionId: expect.any(String), indicator: expect.any(String), gains: { global: expect.any(Number), pillar: expect.any(Number), indicator: expect.any(Number) } });
    expect(first.reason).toMatch(/\/100/);
    expect(first.costLabel).toBeTruthy();
    expect(first.firstSteps.length).toBeGreaterThan(0);
    // Per pillar, still in rank order.
    const strategy = await h.call('leaderA', 'GET', `/assessments/${baseline}/suggestions?pillar=strategy`);
    expect(strategy.body.suggestions.every((s: { pillar: string }) => s.pillar === 'strategy')).toBe(true);
    const ranks = strategy.body.suggestions.map((s: { rank: number }) => s.rank);
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
  });

  it('when the whole review cycle runs, then states follow the workflow, permissions hold and history keeps every change', async () => {
    const { body: suggestions } = await h.call('leaderA', 'GET', `/assessments/${baseline}/suggestions?limit=3`);
    const actionIds = suggestions.suggestions.map((s: { actionId: string }) => s.actionId);
    const created = await h.call('leaderA', 'POST', `/assessments/${baseline}/plans`, { title: 'Plan 2027', actionIds: actionIds.slice(0, 2) });
    expect(created.status).toBe(201);
    let plan = created.body;
    expect(plan.status).toBe('draft');
    expect(plan.items.map((i: { actionId: string }) => i.actionId)).toEqual(actionIds.slice(0, 2));
    expect(plan.projection.projected.global).toBeGreaterThan(plan.projection.current.global);

    // An action of their own, then owners and dates.
    plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/items`, { version: plan.version, title: 'Former les managers au recrutement sans CV', indicator: 'inclusion', owner: 'Inès', due: '2027-Q2' })).body;
    expect(plan.items).toHaveLength(3);
    const item = plan.items[0];
    plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${item.id}`, { version: plan.version, owner: 'Marc', due: '2027-03', target: '4 recrutements', successIndicator: 'part des embauches' })).body;
    expect(plan.items[0]).toMatchObject({ owner: 'Marc', due: '2027-03' });
    plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/items/order`, { version: plan.version, itemIds: [...plan.items.map((i: { id: number }) => i.id)].reverse() })).body;
    expect(plan.items[0].displayTitle).toBe('Former les managers au recrutement sans CV');

    // A draft is the organisation's own: the expert does not see it yet.
    expect((await h.call('expertA', 'GET', `/plans/${plan.id}`)).status).toBe(404);
    expect((await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'approve' })).status).toBe(404);

    plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/submit`, { version: plan.version })).body;
    expect(plan.status).toBe('submitted');
    // Submitted, the expert reads it but cannot edit it.
    expect((await h.call('expertA', 'PATCH', `/plans/${plan.id}`, { version: plan.version, title: 'x' })).status).toBe(403);
    // Only the workshop's expert reviews: not the leader, not another organisation.
    expect((await h.call('leaderA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'approve' })).status).toBe(403);
    expect((await h.call('leaderB', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'approve' })).status).toBe(404);
    expect((await h.call('leaderB', 'GET', `/plans/${plan.id}`)).status).toBe(404);

    // The expert comments on an item and asks for changes.
    expect((await h.call('expertA', 'POST', `/plans/${plan.id}/comments`, { itemId: plan.items[1].id, body: 'Précisez la cible chiffrée.' })).status).toBe(201);
    plan = (await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'request-changes', comment: 'Bonne base ; dates à préciser.' })).body;
    expect(plan.status).toBe('changes-requested');
    expect(plan.comments.map((c: { body: string }) => c.body)).toEqual(['Précisez la cible chiffrée.', 'Bonne base ; dates à préciser.']);

    plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[1].id}`, { version: plan.version, target: '10 % des embauches' })).body;
    expect(plan.status).toBe('draft');
    plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/submit`, { version: plan.version })).body;
    plan = (await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'approve' })).body;
    expect(plan).toMatchObject({ status: 'approved', reviewedBy: expect.any(Number) });

    // Progress keeps the approval; editing what the plan says sends it back to draft.
    plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[2].id}`, { version: plan.version, status: 'in-progress', notes: 'lancé' })).body;
    expect(plan.status).toBe('approved');
    plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[2].id}`, { version: plan.version, owner: 'Nadia' })).body;
    expect(plan.status).toBe('draft');

    const history = await h.call('leaderA', 'GET', `/plans/${plan.id}/history`);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual([
      'create', 'add-item', 'update-item', 'reorder', 'submit', 'comment', 'request-changes', 'update-item', 'submit', 'approve', 'progress', 'update-item',
    ]);
    expect(history.body.at(-1).snapshot.items[2].owner).toBe('Nadia');
  });

  it('when two tabs edit the same plan version, then the second gets 409 with the current plan', async () => {
    const { body: plan } = await h.call('leaderA', 'POST', `/assessments/${baseline}/plans`, {});
    const first = await h.call('leaderA', 'PATCH', `/plans/${plan.id}`, { version: plan.version, title: 'Onglet 1' });
    expect(first.status).toBe(200);
    const second = await h.call('leaderA', 'PATCH', `/plans/${plan.id}`, { version: plan.version, title: 'Onglet 2' });
    expect(second.status).toBe(409);
    expect(second.body.error.current.title).toBe('Onglet 1');
  });

  it('when a plan is projected, then it equals scoring the baseline with all its actions applied by hand', async () => {
    const { body: suggestions } = await h.call('leaderA', 'GET', `/assessments/${baseline}/suggestions?limit=4`);
    const actionIds: string[] = suggestions.suggestions.map((s: { actionId: string }) => s.actionId);
    const { body: plan } = await h.call('leaderA', 'POST', `/assessments/${baseline}/plans`, { actionIds });
    const doc = examples.get('insertion-esus')!;
    const changes = actionIds.map((id) => h.ctx.content.actions.find((a) => a.id === id)!.changes);
    const byHand = await score(h.ctx.scorer, applyChanges(h.ctx.scorer.index, { profile: doc.profile, answers: doc.answers }, changes));
    expect(byHand.ok && byHand.value.global).toBe(plan.projection.projected.global);
  });
});

describe('intended vs achieved', () => {
  it('when a new assessment follows a plan, then the comparison gives deltas and whether each done item improved its indicator', async () => {
    const { body: plan } = await h.call('leaderA', 'POST', `/assessments/${baseline}/plans`, { actionIds: [] });
    let p = (await h.call('leaderA', 'POST', `/plans/${plan.id}/items`, { version: plan.version, title: 'Mesurer notre bilan complet', indicator: 'carbon-measured' })).body;
    p = (await h.call('leaderA', 'POST', `/plans/${p.id}/items`, { version: p.version, title: 'Mécénat de compétences', indicator: 'giving' })).body;
    for (const item of p.items) p = (await h.call('leaderA', 'PATCH', `/plans/${p.id}/items/${item.id}`, { version: p.version, status: 'done' })).body;

    // A year later: the carbon measurement really improved; giving did not.
    const answers = { ...examples.get('insertion-esus')!.answers, 'carbon-measured-scope': 'scope-3-full', 'carbon-measured-method': 'verified' };
    const next = await submitted(answers);
    const res = await h.call('leaderA', 'GET', `/assessments/${next}/comparison`);
    expect(res.status).toBe(200);
    expect(res.body.before.assessmentId).toBe(baseline);
    expect(res.body.sameContent).toBe(true);
    const carbon = res.body.indicators.find((i: { id: string }) => i.id === 'carbon-measured');
    expect(carbon.delta).toBeGreaterThan(0);
    expect(res.body.global.delta).toBeGreaterThan(0);
    const done = res.body.done.filter((d: { itemId: number }) => p.items.some((i: { id: number }) => i.id === d.itemId));
    expect(done.map((d: { indicator: string; improved: boolean }) => [d.indicator, d.improved])).toEqual([['carbon-measured', true], ['giving', false]]);
  });

  it('when there is nothing earlier, then 404 says so', async () => {
    const res = await h.call('leaderA', 'GET', `/assessments/${baseline}/comparison`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('no-previous-assessment');
  });
});
