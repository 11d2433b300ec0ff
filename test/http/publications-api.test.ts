import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/app/accounts.js';
import { createPlan } from '../../src/app/plans.js';
import { examples, startHarness, unwrap, type Harness } from './harness.js';

let h: Harness;
let assessmentId: number;

beforeAll(async () => {
  h = await startHarness();
  const draft = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
  const saved = await h.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: examples.get('insertion-esus')!.answers });
  expect((await h.call('leaderA', 'POST', `/assessments/${draft.id}/submit`, { version: saved.body.version })).status).toBe(200);
  assessmentId = draft.id;
});
afterAll(async () => {
  await h.close();
});

describe('publishing one’s score', () => {
  it('when a leader publishes, then anyone reads the snapshot without logging in, the list and the open data hold it, and after unpublishing the address answers 410 and nothing lists it', async () => {
    expect((await h.call(null, 'GET', '/public/publications')).body.publications).toEqual([]);
    const published = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/publication`, { assessmentId });
    expect(published.status).toBe(200);
    const { slug } = published.body;
    expect(slug).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const result = (await h.call('leaderA', 'GET', `/assessments/${assessmentId}/result`)).body;

    const page = await h.call(null, 'GET', `/public/publications/${slug}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(page.headers.get('cache-control')).toBe('public, no-cache');
    expect(page.body.snapshot).toMatchObject({ organisation: { name: 'Org A' }, global: result.report.global, headlineActions: null, approval: null });

    // A later edit of the organisation changes nothing until published again.
    await h.call('leaderA', 'PATCH', `/organisations/${h.orgA}`, { name: '=Org A renamed' });
    expect((await h.call(null, 'GET', `/public/publications/${slug}`)).body.snapshot.organisation.name).toBe('Org A');
    const again = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/publication`, { assessmentId });
    expect(again.body.slug).toBe(slug);
    expect((await h.call(null, 'GET', `/public/publications/${slug}`)).body.snapshot.organisation.name).toBe('=Org A renamed');

    const list = (await h.call(null, 'GET', '/public/publications')).body.publications;
    expect(list.map((p: { slug: string }) => p.slug)).toEqual([slug]);
    expect((await h.call(null, 'GET', '/public/publications?region=nowhere')).body.publications).toEqual([]);
    const open = (await h.call(null, 'GET', '/public/open-data')).body;
    expect(open.rows).toHaveLength(1);
    expect(open.rows[0]).toMatchObject({ organisation: '=Org A renamed', content_version: result.report.contentVersion, global: result.report.global });
    const csv = await fetch(`${h.url}/public/open-data/csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith('organisation,region,sector,submitted_at,published_at,content_version,global,')).toBe(true);
    // The name starting with = is written inert for spreadsheets.
    expect(lines[1]!.startsWith(`'=Org A renamed,`)).toBe(true);

    expect((await h.call('leaderA', 'DELETE', `/organisations/${h.orgA}/publication`)).status).toBe(200);
    const gone = await h.call(null, 'GET', `/public/publications/${slug}`);
    expect(gone.status).toBe(410);
    expect((await h.call(null, 'GET', '/public/publications')).body.publications).toEqual([]);
    expect((await h.call(null, 'GET', '/public/open-data')).body.rows).toEqual([]);
    expect((await h.call(null, 'GET', '/public/publications/unknown-slug')).status).toBe(404);
  });

  it('when someone other than the organisation’s leader tries, then it is refused, and a draft cannot be published', async () => {
    expect((await h.call('leaderB', 'POST', `/organisations/${h.orgA}/publication`, { assessmentId })).status).toBe(404);
    expect((await h.call('expertA', 'POST', `/organisations/${h.orgA}/publication`, { assessmentId })).status).toBe(403);
    expect((await h.call('advisorA', 'POST', `/organisations/${h.orgA}/publication`, { assessmentId })).status).toBe(403);
    const draft = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    expect((await h.call('leaderA', 'POST', `/organisations/${h.orgA}/publication`, { assessmentId: draft.id })).status).toBe(422);
  });

  it('when the leader chooses to show the plan, then its headline actions are in the snapshot (and not otherwise)', async () => {
    const admin = await actorOf(h.ctx, (await h.ctx.store.accounts.findByEmail('admin@test.org'))!);
    const actionIds = h.ctx.content.actions.slice(0, 2).map((a) => a.id);
    unwrap(await createPlan(h.ctx, admin, assessmentId, { title: 'Plan A', actionIds }));
    const withPlan = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/publication`, { assessmentId, includePlan: true });
    expect(withPlan.body.snapshot.headlineActions.map((a: { actionId: string }) => a.actionId)).toEqual(actionIds);
    expect(withPlan.body.snapshot.approval).toBeNull(); // Not approved by an expert.
    const page = await h.call(null, 'GET', `/public/publications/${withPlan.body.slug}`);
    expect(page.body.snapshot.headlineActions).toHaveLength(2);
    const without = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/publication`, { assessmentId });
    expect(without.body.snapshot.headlineActions).toBeNull();
  });
});
