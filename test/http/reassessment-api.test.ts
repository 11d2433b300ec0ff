import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const esus = examples.get('insertion-esus')!;

/** A submitted assessment of organisation A with these answers (given in full on a new draft). */
async function submittedA(answers: Record<string, unknown>): Promise<{ id: number; version: number; number: number }> {
  const draft = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
  const cleared = Object.fromEntries(Object.keys(draft.answers).map((q) => [q, null]));
  const saved = await h.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: { ...cleared, ...answers } });
  expect(saved.status).toBe(200);
  const submitted = await h.call('leaderA', 'POST', `/assessments/${draft.id}/submit`, { version: saved.body.version });
  expect(submitted.status).toBe(200);
  return submitted.body;
}

describe('re-assessment, reopening and deleting drafts through the API', () => {
  let first: { id: number; version: number; number: number };

  it('when an organisation has no submitted assessment, then its first draft starts empty and is its n° 1', async () => {
    const draft = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`);
    expect(draft.body).toMatchObject({ number: 1, answers: {}, source: null, carried: [], changes: [] });
    expect((await h.call('leaderA', 'DELETE', `/assessments/${draft.body.id}?version=${draft.body.version}`)).status).toBe(200);
    first = await submittedA(esus.answers);
    expect(first.number).toBe(1);
  });

  it('when a new assessment starts after a submitted one, then it holds its answers, each marked carried over until changed or confirmed', async () => {
    const created = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`);
    expect(created.status).toBe(201);
    const draft = created.body;
    expect(draft.number).toBe(2);
    expect(draft.answers).toEqual(esus.answers);
    expect(draft.missing).toEqual([]);
    expect(draft.source).toEqual({ assessmentId: first.id, number: 1, submittedAt: expect.any(String) });
    expect([...draft.carried].sort()).toEqual(Object.keys(esus.answers).sort());
    expect(draft.changes).toEqual([]);

    // One answer improved, one confirmed as it was: both stop being "carried"; only the first is a change.
    const saved = await h.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: { 'giving-share': '1+', 'inclusion-hires': esus.answers['inclusion-hires'] } });
    expect(saved.status).toBe(200);
    expect(saved.body.carried).not.toContain('giving-share');
    expect(saved.body.carried).not.toContain('inclusion-hires');
    expect(saved.body.carried).toHaveLength(Object.keys(esus.answers).length - 2);
    expect(saved.body.changes).toEqual([{ part: 'answers', question: 'giving-share', before: esus.answers['giving-share'], after: '1+' }]);

    const submitted = await h.call('leaderA', 'POST', `/assessments/${draft.id}/submit`, { version: saved.body.version });
    expect(submitted.body).toMatchObject({ status: 'submitted', carried: [] });

    // The result says what moved since n° 1 and why: the answer, the criterion, the points.
    const result = await h.call('leaderA', 'GET', `/assessments/${draft.id}/result`);
    expect(result.body.number).toBe(2);
    const since = result.body.since;
    expect(since).toMatchObject({ since: { assessmentId: first.id, number: 1 }, sameContent: true, answersChanged: 1 });
    expect(since.global.delta).toBeGreaterThan(0);
    const giving = since.indicators[0];
    expect(giving).toMatchObject({ id: 'giving', title: 'Mécénat et générosité', before: 10, after: 45 });
    expect(giving.criteria).toEqual([expect.objectContaining({ id: 'amount', before: 0, after: 35, max: 35, reason: expect.stringContaining('1\u00a0%') })]);
    expect(giving.answers).toEqual([expect.objectContaining({ question: 'giving-share', label: expect.stringContaining('combien'), before: 'Aucun don', after: expect.stringMatching(/1\u00a0%/) })]);
    expect(since.indicators.map((i: { id: string }) => i.id)).toEqual(['giving']);
  });

  it('when an earlier answer no longer fits the questionnaire, then the rest is carried over and that answer is left to give', async () => {
    // An option since removed from a check-all question, stored before the content changed.
    const latest = (await h.ctx.store.assessments.listByOrganisation(h.orgA)).at(-1)!;
    const answers = { ...latest.answers, 'labels-held': ['esus', 'sector'], 'carbon-reduced-plan': 'gone' };
    await h.ctx.store.db.updateTable('assessments').set({ answers: JSON.stringify(answers) }).where('id', '=', latest.id).execute();
    const draft = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    expect(draft.answers['labels-held']).toEqual(['sector']);
    expect(draft.answers['carbon-reduced-plan']).toBeUndefined();
    expect(draft.missing).toContain('carbon-reduced-plan');
    expect((await h.call('leaderA', 'DELETE', `/assessments/${draft.id}?version=${draft.version}`)).status).toBe(200);
  });

  it('when organisations are numbered, then each counts its own assessments', async () => {
    const b = await h.call('leaderB', 'POST', `/organisations/${h.orgB}/assessments`);
    expect(b.body.number).toBe(1);
    expect((await h.call('leaderB', 'DELETE', `/assessments/${b.body.id}?version=${b.body.version}`)).status).toBe(200);
  });

  it('when a draft is deleted, then it is gone, the audit log keeps what it held, and only its organisation’s editors may do it', async () => {
    const draft = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    expect((await h.call('leaderB', 'DELETE', `/assessments/${draft.id}?version=${draft.version}`)).status).toBe(404);
    expect((await h.call('expertA', 'DELETE', `/assessments/${draft.id}?version=${draft.version}`)).status).toBe(404);
    const stale = await h.call('leaderA', 'DELETE', `/assessments/${draft.id}?version=${draft.version + 1}`);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version-conflict');
    const deleted = await h.call('leaderA', 'DELETE', `/assessments/${draft.id}?version=${draft.version}`);
    expect(deleted.body).toEqual({ deleted: draft.id });
    expect((await h.call('leaderA', 'GET', `/assessments/${draft.id}`)).status).toBe(404);
    const entry = (await h.ctx.store.audit.byOrganisation(h.orgA)).find((e) => e.action === 'delete' && e.entityId === draft.id)!;
    expect(entry.detail).toMatchObject({ number: draft.number, answers: draft.answers });
  });

  it('when a submitted assessment is deleted, then 409 says so and nothing is lost', async () => {
    const res = await h.call('leaderA', 'DELETE', `/assessments/${first.id}?version=${first.version}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('assessment-submitted');
    expect((await h.call('leaderA', 'GET', `/assessments/${first.id}/result`)).status).toBe(200);
  });

  it('when the latest submitted assessment is reopened, then it is a draft again, its result stays in its history, and it cannot be deleted', async () => {
    const latest = await submittedA({ ...esus.answers, 'giving-share': '0.5-0.99' });
    expect((await h.call('leaderA', 'POST', `/assessments/${first.id}/reopen`, { version: first.version })).body.error.code).toBe('not-latest');
    const stale = await h.call('leaderA', 'POST', `/assessments/${latest.id}/reopen`, { version: latest.version + 1 });
    expect(stale.status).toBe(409);
    expect((await h.call('expertA', 'POST', `/assessments/${latest.id}/reopen`, { version: latest.version })).status).toBe(403);
    const before = (await h.call('leaderA', 'GET', `/assessments/${latest.id}/result`)).body.report.global;

    const reopened = await h.call('leaderA', 'POST', `/assessments/${latest.id}/reopen`, { version: latest.version });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'draft', submittedAt: null, earlierResults: [{ global: before, submittedAt: expect.any(String), reopenedAt: expect.any(String) }] });
    expect((await h.call('leaderA', 'GET', `/assessments/${latest.id}/result`)).body.error.code).toBe('no-result');
    const refused = await h.call('leaderA', 'DELETE', `/assessments/${latest.id}?version=${reopened.body.version}`);
    expect(refused.body.error.code).toBe('was-submitted');
    expect((await h.ctx.store.audit.byOrganisation(h.orgA)).some((e) => e.action === 'reopen' && e.entityId === latest.id)).toBe(true);

    // Corrected and submitted again: the page can show both results.
    const saved = await h.call('leaderA', 'PATCH', `/assessments/${latest.id}`, { version: reopened.body.version, answers: { 'giving-share': '1+' } });
    await h.call('leaderA', 'POST', `/assessments/${latest.id}/submit`, { version: saved.body.version });
    const result = (await h.call('leaderA', 'GET', `/assessments/${latest.id}/result`)).body;
    expect(result.report.global).toBeGreaterThan(before);
    expect(result.earlierResults).toEqual([expect.objectContaining({ global: before, pillars: expect.arrayContaining([expect.objectContaining({ id: 'sharing' })]) })]);
  });

  it('when a plan drawn from the assessment was submitted to the expert, then reopening is refused in words', async () => {
    const latest = (await h.ctx.store.assessments.listByOrganisation(h.orgA)).filter((a) => a.status === 'submitted').at(-1)!;
    const plan = (await h.call('leaderA', 'POST', `/assessments/${latest.id}/plans`, { actionIds: [] })).body;
    // A draft plan does not stand in the way...
    expect((await h.call('leaderA', 'POST', `/assessments/${latest.id}/reopen?lang=en`, { version: latest.version + 1 })).body.error.code).toBe('version-conflict');
    const withItem = (await h.call('leaderA', 'POST', `/plans/${plan.id}/items`, { version: plan.version, title: 'Former les encadrants', indicator: 'inclusion' })).body;
    expect((await h.call('leaderA', 'POST', `/plans/${plan.id}/submit`, { version: withItem.version })).status).toBe(200);
    // ...one submitted for review does.
    const refused = await h.call('leaderA', 'POST', `/assessments/${latest.id}/reopen`, { version: latest.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'plan-submitted', message: expect.stringContaining('soumis à l’expert') });
    expect((await h.call('leaderA', 'GET', `/assessments/${latest.id}`)).body.status).toBe('submitted');
  });
});
