import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submittedAssessment, submittedPlan } from '../support/plan-fixtures.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

describe('GET /reviews, the expert’s queue', () => {
  it('when plans exist in and out of the expert’s workshops, then the expert sees only theirs, submitted first, drafts never', async () => {
    const a = await submittedAssessment(h, 'leaderA', h.orgA);
    const draft = (await h.call('leaderA', 'POST', `/assessments/${a}/plans`, { actionIds: [] })).body;
    const submitted = await submittedPlan(h, 'leaderA', a);
    const b = await submittedAssessment(h, 'leaderB', h.orgB, 'scop-40');
    const otherOrg = await submittedPlan(h, 'leaderB', b);
    const approvedFirst = await submittedPlan(h, 'leaderA', a, 1);
    const approved = await h.call('expertA', 'POST', `/plans/${approvedFirst.id}/review`, { version: (await h.call('expertA', 'GET', `/plans/${approvedFirst.id}`)).body.version, decision: 'approve' });
    expect(approved.status).toBe(200);

    const queue = await h.call('expertA', 'GET', '/reviews');
    expect(queue.status).toBe(200);
    expect(queue.body.map((e: { planId: number; status: string }) => [e.planId, e.status])).toEqual([[submitted.id, 'submitted'], [approvedFirst.id, 'approved']]);
    expect(queue.body[0]).toMatchObject({ organisationId: h.orgA, organisationName: 'Org A', items: 2, workshops: [expect.objectContaining({ title: 'Atelier' })] });
    expect(queue.body.map((e: { planId: number }) => e.planId)).not.toContain(draft.id);

    const admin = await h.call('admin', 'GET', '/reviews');
    expect(admin.body.map((e: { planId: number }) => e.planId)).toEqual([submitted.id, approvedFirst.id]);
    // Org B is in no workshop: its plan waits for nobody's review, not even the admin's queue.
    expect(admin.body.map((e: { planId: number }) => e.planId)).not.toContain(otherOrg.id);
  });

  it('when a leader or an anonymous caller asks, then a leader gets an empty queue and an anonymous caller 401', async () => {
    expect((await h.call('leaderB', 'GET', '/reviews')).body).toEqual([]);
    expect((await h.call(null, 'GET', '/reviews')).status).toBe(401);
  });
});

describe('the expert’s decision', () => {
  it('when the expert decides with a comment, then the plan carries the last decision and marks that comment, even once edited since', async () => {
    const a = await submittedAssessment(h, 'leaderA', h.orgA);
    let plan = await submittedPlan(h, 'leaderA', a) as unknown as { id: number; version: number; items: { id: number }[]; status: string };
    await h.call('expertA', 'POST', `/plans/${plan.id}/comments`, { body: 'Une question avant de décider.' });
    plan = (await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'request-changes', comment: 'Ajoutez des échéances.' })).body;
    plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[0]!.id}`, { version: plan.version, due: '2027-Q2' })).body;
    plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/submit`, { version: plan.version })).body;
    plan = (await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'approve', comment: 'Très bien, je valide.' })).body;
    await h.call('leaderA', 'POST', `/plans/${plan.id}/comments`, { body: 'Merci !' });
    // Content edited after the approval: the plan is a draft again, the decision stays to read.
    const edited = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[0]!.id}`, { version: plan.version, owner: 'Nadia' })).body;
    expect(edited.status).toBe('draft');
    expect(edited.lastDecision).toEqual({ decision: 'approve', at: '2026-11-21T10:00:00.000Z', reviewerId: expect.any(Number), reviewerName: 'expertA', comment: 'Très bien, je valide.' });
    expect(edited.comments.map((c: { body: string; decision: string | null }) => [c.body, c.decision])).toEqual([
      ['Une question avant de décider.', null], ['Ajoutez des échéances.', 'request-changes'], ['Très bien, je valide.', 'approve'], ['Merci !', null],
    ]);
  });

  it('when a decision comes without a comment, then it is still the last decision, with no comment', async () => {
    const a = await submittedAssessment(h, 'leaderA', h.orgA);
    const plan = await submittedPlan(h, 'leaderA', a) as unknown as { id: number; version: number };
    const approved = (await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'approve' })).body;
    expect(approved.lastDecision).toMatchObject({ decision: 'approve', comment: null, reviewerName: 'expertA' });
    expect(approved.comments).toEqual([]);
  });
});
