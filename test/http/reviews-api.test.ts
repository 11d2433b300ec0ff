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
