import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const example = examples.get('insertion-esus')!;

async function submit(orgId: number, who: 'admin' | 'leaderA' | 'advisorA', body: Record<string, unknown> = {}): Promise<number> {
  const draft = (await h.call(who, 'POST', `/organisations/${orgId}/assessments`)).body;
  const saved = await h.call(who, 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: example.answers });
  expect((await h.call(who, 'POST', `/assessments/${draft.id}/submit`, { version: saved.body.version, ...body })).status).toBe(200);
  return draft.id as number;
}

/** An organisation outside the advisor's portfolio, like A, with one submitted assessment. */
async function outsider(name: string, countInComparisons: boolean): Promise<void> {
  const org = await h.call('admin', 'POST', '/organisations', { name, profile: example.profile, countInComparisons });
  await submit(org.body.id, 'admin');
}

type Row = { id: string; portfolio: { count: number; quartiles: number[] } | null; instance: { count: number; quartiles: number[] } | null };

describe('an advisor’s portfolio against the instance', () => {
  it('when four consenting organisations are outside the portfolio (and one refused), then no instance figure and no position; at five, both, the portfolio’s own never among the others', async () => {
    // A is in the advisor's portfolio and agrees to count: it must still not be on the instance's side.
    await submit(h.orgA, 'leaderA', { countInComparisons: true });
    for (const n of [1, 2, 3, 4]) await outsider(`Autre ${n}`, true);
    await outsider('Refuse', false);
    const before = (await h.call('advisorA', 'GET', '/portfolio?lang=en')).body;
    expect(before.comparison.instanceCount).toBeNull();
    expect(before.comparison.intro).toContain('fewer than 5 organisations outside your portfolio');
    expect(before.comparison.scores.every((s: Row) => s.instance === null)).toBe(true);
    expect(before.organisations.find((o: { id: number }) => o.id === h.orgA).position).toBeNull();

    await outsider('Autre 5', true);
    const after = (await h.call('advisorA', 'GET', '/portfolio?lang=en')).body;
    const a = after.organisations.find((o: { id: number }) => o.id === h.orgA);
    expect(after.comparison.instanceCount).toBe(5);
    const global = after.comparison.scores.find((s: Row) => s.id === 'global');
    expect(global).toMatchObject({ kind: 'global', portfolio: { count: 1, quartiles: [a.global, a.global, a.global] }, instance: { count: 5, quartiles: [a.global, a.global, a.global] } });
    expect(new Set(after.comparison.scores.map((s: { kind: string }) => s.kind))).toEqual(new Set(['global', 'pillar', 'indicator']));
    // A's place in its own group, as its leader reads it on its result page.
    expect(a.position).toMatchObject({ level: 'size-and-sector', count: 5, group: 'Same size and sector family (5)' });
    expect(a.position.scores[0]).toEqual({ id: 'global', position: 'at-median', text: 'at the median' });
    const result = (await h.call('leaderA', 'GET', `/assessments/${a.assessmentId}/result`)).body;
    expect(result.peers.count).toBe(a.position.count);
  });

  it('when the advisor takes an organisation into the portfolio, then it leaves the instance’s side, which falls under five and shows nothing', async () => {
    const created = await h.call('advisorA', 'POST', '/organisations', { name: 'Nouvelle', profile: example.profile, countInComparisons: true });
    await submit(created.body.id, 'advisorA');
    const before = (await h.call('advisorA', 'GET', '/portfolio')).body;
    // Its own organisation is now on the portfolio's side; the five outsiders are still five.
    expect(before.comparison.instanceCount).toBe(5);
    expect(before.comparison.scores.find((s: Row) => s.id === 'global').portfolio.count).toBe(2);
    expect(before.comparison.intro).toContain('Votre portefeuille');

    // An outsider withdraws its consent: four remain outside, so nothing of them is shown.
    const orgs = (await h.call('admin', 'GET', '/organisations')).body;
    const outsiderId = orgs.find((o: { name: string }) => o.name === 'Autre 1').id;
    expect((await h.call('admin', 'PATCH', `/organisations/${outsiderId}`, { countInComparisons: false })).status).toBe(200);
    const after = (await h.call('advisorA', 'GET', '/portfolio')).body;
    expect(after.comparison.instanceCount).toBeNull();
    expect(after.comparison.scores.every((s: Row) => s.instance === null)).toBe(true);
  });

  it('when a leader reads the portfolio view, then only their organisation is on its side (not scored yet: empty) and the consenting rest of the instance is the other', async () => {
    const body = (await h.call('leaderB', 'GET', '/portfolio')).body;
    expect(body.organisations.map((o: { id: number }) => o.id)).toEqual([h.orgB]);
    // A, Autre 2 to 5 and the advisor's new organisation agreed; Autre 1 withdrew and Refuse never agreed.
    expect(body.comparison.instanceCount).toBe(6);
    expect(body.comparison.scores.every((s: Row) => s.portfolio === null && s.instance!.count === 6)).toBe(true);
  });
});

describe('an organisation of the portfolio with two assessments', () => {
  it('when the older draft is submitted after the newer one, then the portfolio shows the one submitted last, as its result pages and reopening count it', async () => {
    const org = (await h.call('advisorA', 'POST', '/organisations', { name: 'Deux brouillons', profile: example.profile })).body;
    const older = (await h.call('advisorA', 'POST', `/organisations/${org.id}/assessments`)).body;
    const newer = (await h.call('advisorA', 'POST', `/organisations/${org.id}/assessments`)).body;
    const submitAt = async (draft: { id: number; version: number }, at: string) => {
      const saved = await h.call('advisorA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: example.answers });
      h.setNow(at);
      expect((await h.call('advisorA', 'POST', `/assessments/${draft.id}/submit`, { version: saved.body.version })).status).toBe(200);
    };
    await submitAt(newer, '2026-11-22T09:00:00Z');
    await submitAt(older, '2026-11-23T09:00:00Z');
    const row = (await h.call('advisorA', 'GET', '/portfolio')).body.organisations.find((o: { id: number }) => o.id === org.id);
    expect(row).toMatchObject({ assessmentId: older.id, submittedAt: '2026-11-23T09:00:00.000Z' });
  });
});
