import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts.js';
import { startHarness, unwrap, type Harness } from '../http/harness.js';
import { postgresAt008, sqliteAt008 } from '../support/database-at-008.js';
import { TEST_DIALECT } from '../support/test-store.js';

let h: Harness;
beforeAll(async () => {
  // A store at 008 holding a workshop of before and a plan its expert sent back, in this run's dialect; the service applies 009.
  h = await startHarness(TEST_DIALECT === 'postgres' ? { database: await postgresAt008(), seed: false } : { file: sqliteAt008(), seed: false });
  for (const [who, email] of [['leader', 'dirigeante@demo.impact-score.org'], ['expert', 'expert@demo.impact-score.org']] as const) {
    h.tokens[who] = unwrap(await createApiToken(h.ctx, email, 'tests')).token;
  }
});
afterAll(async () => h.close());

describe('migration 009: the workshops of before become workshops of an event', () => {
  it('when a store at 008 with a workshop is migrated, then the workshop is an event’s, its expert leads it, its organisations take part in it', async () => {
    expect(h.ctx.store.migrated).toEqual([9]);
    const [workshop] = (await h.call('expert', 'GET', '/workshops')).body;
    expect(workshop).toMatchObject({ expertUserId: expect.any(Number), organisationIds: expect.any(Array) });
    const event = await h.call('expert', 'GET', `/events/${workshop.eventId}`);
    expect(event.body).toMatchObject({ access: 'lead', title: workshop.title, date: workshop.date, place: workshop.place, organiser: null });
    expect(event.body.workshops.map((w: { id: number; experts: { userId: number }[] }) => [w.id, w.experts.map((e) => e.userId)])).toEqual([[workshop.id, [workshop.expertUserId]]]);
    const people = await h.call('expert', 'GET', `/events/${workshop.eventId}/participants`);
    expect(people.body.participants.map((p: { organisationId: number; workshopId: number }) => [p.organisationId, p.workshopId]))
      .toEqual(workshop.organisationIds.map((id: number) => [id, workshop.id]));
  });

  it('when the leader submits the plan sent back before the migration, then the expert finds it in their queue and approves it', async () => {
    const [org] = (await h.call('leader', 'GET', '/organisations')).body;
    const [plan] = (await h.call('leader', 'GET', `/organisations/${org.id}/plans`)).body;
    expect(plan.status).toBe('changes-requested');
    const submitted = await h.call('leader', 'POST', `/plans/${plan.id}/submit`, { version: plan.version });
    expect(submitted.status).toBe(200);
    const queue = await h.call('expert', 'GET', '/reviews');
    expect(queue.body.map((e: { planId: number }) => e.planId)).toContain(plan.id);
    const approved = await h.call('expert', 'POST', `/plans/${plan.id}/review`, { version: submitted.body.version, decision: 'approve' });
    expect(approved.body.status).toBe('approved');
  });
});
