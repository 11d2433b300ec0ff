import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts.js';
import { DEMO_ORGANISER } from '../../src/app/demo-events.js';
import { seedDemoData } from '../../src/app/demo-data.js';
import { examples, startHarness, unwrap, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: false });
  expect(await seedDemoData(h.ctx, examples)).toBe(true);
  h.tokens.organiser = unwrap(await createApiToken(h.ctx, DEMO_ORGANISER.email, 'tests')).token;
  h.tokens.leader = unwrap(await createApiToken(h.ctx, 'dirigeante@demo.impact-score.org', 'tests')).token;
});
afterAll(async () => h.close());

describe('the demo’s events', () => {
  it('when the organiser opens the past event, then its bilan has every intention measured, score changes over five re-assessed, notes and improvements', async () => {
    const events = (await h.call('organiser', 'GET', '/events')).body;
    expect(events.map((e: { phase: string }) => e.phase)).toEqual(['before', 'follow-up']);
    const bilan = (await h.call('organiser', 'GET', `/events/${events[1].id}/bilan`)).body;
    expect(bilan.intentions.map((i: { kind: string; achieved: number | null; outcome: string }) => [i.kind, i.achieved, i.outcome])).toEqual([
      ['participants', 6, 'met'], ['assessed-before', 6, 'met'], ['plans-approved', 4, 'met'], ['actions-done', 9, 'met'], ['words', null, 'in-words'],
    ]);
    expect(bilan.counts).toMatchObject({ participants: 6, plansDrafted: 5, plansApproved: 4, reassessed: 5 });
    expect(bilan.changes[0]).toMatchObject({ id: 'global', count: 5, delta: expect.any(Number) });
    expect(bilan.changes[0].delta).toBeGreaterThan(0);
    expect(bilan.participants.filter((p: { named: boolean }) => p.named)).toHaveLength(2);
    expect(bilan.workshops.every((w: { notes: string | null }) => w.notes)).toBe(true);
    expect(bilan.improvements).toContain('six semaines');
    // Each workshop told two testimonies of the library, as its notes say.
    const event = (await h.call('organiser', 'GET', `/events/${events[1].id}`)).body;
    expect(event.workshops.map((w: { testimonies: string[] }) => w.testimonies.length)).toEqual([2, 2, 2]);
  });

  it('when Garrigue’s leader opens the upcoming event, then it started from the past one and says what is still to do', async () => {
    const [upcoming] = (await h.call('leader', 'GET', '/events')).body;
    const mine = (await h.call('leader', 'GET', `/events/${upcoming.id}/mine`)).body;
    expect(mine.event.previous).toMatchObject({ improvements: expect.stringContaining('six semaines') });
    expect(mine.participations[0]).toMatchObject({ name: 'Garrigue Logistique Solidaire', assessment: { beforeEvent: true } });
    expect(mine.participations[0].missing.map((m: { code: string }) => m.code)).toEqual(['workshop']);
    expect(mine.event.workshops[0].experts[0]).toMatchObject({ name: 'Halima Experte', territory: 'Hérault et Gard' });
  });
});
