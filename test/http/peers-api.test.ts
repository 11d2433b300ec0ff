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

/** An organisation like A (same profile), its answer to « count in comparisons? », one submitted assessment. */
async function peer(name: string, countInComparisons: boolean): Promise<number> {
  const org = await h.call('admin', 'POST', '/organisations', { name, profile: example.profile, countInComparisons });
  expect(org.status).toBe(201);
  await submit(org.body.id);
  return org.body.id as number;
}

async function submit(orgId: number, body: Record<string, unknown> = {}, who: 'admin' | 'leaderA' = 'admin'): Promise<number> {
  const draft = (await h.call(who, 'POST', `/organisations/${orgId}/assessments`)).body;
  const saved = await h.call(who, 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: example.answers });
  const submitted = await h.call(who, 'POST', `/assessments/${draft.id}/submit`, { version: saved.body.version, ...body });
  expect(submitted.status).toBe(200);
  return draft.id as number;
}

describe('compared with organisations like mine on this instance', () => {
  it('when asked at the first submission, then the answer is kept with when it was given, and PATCH changes it', async () => {
    expect((await h.call('leaderA', 'GET', `/organisations/${h.orgA}`)).body).toMatchObject({ countInComparisons: false, comparisonsAskedAt: null });
    await submit(h.orgA, { countInComparisons: true }, 'leaderA');
    expect((await h.call('leaderA', 'GET', `/organisations/${h.orgA}`)).body).toMatchObject({ countInComparisons: true, comparisonsAskedAt: '2026-11-21T10:00:00.000Z' });
    expect((await h.call('leaderA', 'PATCH', `/organisations/${h.orgA}`, { countInComparisons: false })).body.countInComparisons).toBe(false);
    expect((await h.call('leaderA', 'PATCH', `/organisations/${h.orgA}`, { countInComparisons: true })).body.countInComparisons).toBe(true);
    expect((await h.call('advisorA', 'PATCH', `/organisations/${h.orgA}`, { countInComparisons: 'yes' })).status).toBe(400);
  });

  it('when four other organisations agreed (and one did not), then nothing is shown; at five, their median and quartiles, the reader’s own left out', async () => {
    const mine = await submit(h.orgA, {}, 'leaderA');
    for (const n of [1, 2, 3, 4]) await peer(`Pair ${n}`, true);
    await peer('Refuses', false);
    expect((await h.call('leaderA', 'GET', `/assessments/${mine}/result`)).body.peers).toBeNull();

    await peer('Pair 5', true);
    const { peers, report } = (await h.call('leaderA', 'GET', `/assessments/${mine}/result?lang=en`)).body;
    expect(peers.level).toBe('size-and-sector');
    expect(peers.count).toBe(5);
    expect(peers.intro).toContain('Among the 5 other organisations on this platform of the same size');
    const global = peers.scores.find((s: { id: string }) => s.id === 'global');
    // Every peer gave the same answers as A: each quartile is A's own score, counted over 5 organisations.
    expect(global).toMatchObject({ kind: 'global', count: 5, score: report.global, quartiles: [report.global, report.global, report.global] });
    const kinds = new Set(peers.scores.map((s: { kind: string }) => s.kind));
    expect(kinds).toEqual(new Set(['global', 'pillar', 'indicator']));
  });

  it('when an organisation of the same size but another sector family reads its result, then it sees those of its size, labelled so', async () => {
    const other = examples.get('scop-40')!;
    const draft = (await h.call('leaderB', 'POST', `/organisations/${h.orgB}/assessments`)).body;
    const saved = await h.call('leaderB', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: other.answers });
    expect((await h.call('leaderB', 'POST', `/assessments/${draft.id}/submit`, { version: saved.body.version })).status).toBe(200);
    const { peers } = (await h.call('leaderB', 'GET', `/assessments/${draft.id}/result`)).body;
    // A (which agreed at its submission) and the five peers share B's headcount band, not its sector family.
    expect(peers.level).toBe('size');
    expect(peers.count).toBe(6);
    expect(peers.intro).toContain('trop peu sont de votre famille de secteurs');
  });
});
