import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { content, examples, startHarness, type Harness } from './harness.js';
import { goldenGlobal } from '../support/golden.js';
import { presentReport } from '../../src/core/present.js';
import { createScorer, score } from '../../src/core/score.js';
import { compiledScorer } from '../../src/engine/index.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const full = examples.get('insertion-esus')!;
const entries = Object.entries(full.answers);

describe('assessments through the API', () => {
  it('when a leader saves answers over several visits and submits, then the stored result explains the score', async () => {
    const created = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, organisationId: h.orgA });
    let version: number = created.body.version;
    const id: number = created.body.id;
    // Three visits, a third of the answers each, in questionnaire order (a follow-up after its gate).
    const third = Math.ceil(entries.length / 3);
    for (let i = 0; i < 3; i++) {
      const part = Object.fromEntries(entries.slice(i * third, (i + 1) * third));
      const saved = await h.call('leaderA', 'PATCH', `/assessments/${id}`, { version, answers: part });
      expect(saved.status).toBe(200);
      version = saved.body.version;
    }
    const read = await h.call('leaderA', 'GET', `/assessments/${id}`);
    expect(read.body.answers).toEqual(full.answers);
    expect(read.body.missing).toEqual([]);
    expect(read.body.progress.map((p: { percent: number }) => p.percent)).toEqual([100, 100, 100]);

    const submitted = await h.call('leaderA', 'POST', `/assessments/${id}/submit`, { version });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');

    const result = await h.call('leaderA', 'GET', `/assessments/${id}/result?lang=en`);
    expect(result.status).toBe(200);
    expect(result.body.report.contentVersion).toBe(h.ctx.content.version);
    expect(result.body.report.global).toBe(goldenGlobal('insertion-esus'));
    expect(result.body.report.pillars[0].title).toBe('Limiting negative externalities');
    expect(result.body.report.pillars[0].indicators[0].criteria[0].rules[0].conditions.length).toBeGreaterThan(0);

    const history = await h.call('leaderA', 'GET', `/organisations/${h.orgA}/assessments`);
    expect(history.body.map((a: { id: number }) => a.id)).toContain(id);
  });

  it('when two tabs save the same version, then the second gets 409 with the current state and nothing is overwritten', async () => {
    const { body: draft } = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`);
    const tab1 = await h.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: { 'inclusion-hires': '50+' } });
    expect(tab1.status).toBe(200);
    const tab2 = await h.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: { 'inclusion-hires': '0' } });
    expect(tab2.status).toBe(409);
    expect(tab2.body.error.code).toBe('version-conflict');
    expect(tab2.body.error.current).toMatchObject({ version: tab1.body.version, answers: { 'inclusion-hires': '50+' } });
    const now = await h.call('leaderA', 'GET', `/assessments/${draft.id}`);
    expect(now.body.answers['inclusion-hires']).toBe('50+');
  });

  it('when an incomplete assessment is submitted, then 422 lists every missing answer and it stays a draft', async () => {
    // Organisation B has no submitted assessment yet: its first draft starts empty.
    const { body: draft } = await h.call('leaderB', 'POST', `/organisations/${h.orgB}/assessments`);
    const res = await h.call('leaderB', 'POST', `/assessments/${draft.id}/submit`, { version: draft.version });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('incomplete-assessment');
    expect(res.body.error.issues.length).toBe(draft.missing.length);
    expect(res.body.error.issues[0]).toMatchObject({ code: 'missing-answer', path: expect.stringMatching(/^\/answers\//) });
    expect((await h.call('leaderB', 'GET', `/assessments/${draft.id}`)).body.status).toBe('draft');
  });

  it('when an answer is invalid, then 422 names it and nothing is saved', async () => {
    const { body: draft } = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`);
    const res = await h.call('leaderA', 'PATCH', `/assessments/${draft.id}?lang=en`, { version: draft.version, answers: { 'inclusion-hires': 'lots', 'no-such': 1 } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['/answers/inclusion-hires', '/answers/no-such']);
    expect(res.body.error.issues[0].message).toMatch(/not/);
    expect((await h.call('leaderA', 'GET', `/assessments/${draft.id}`)).body.version).toBe(draft.version);
  });

  it('when a follow-up question is answered before the answer that calls for it, then it is refused', async () => {
    const { body: draft } = await h.call('leaderB', 'POST', `/organisations/${h.orgB}/assessments`);
    const res = await h.call('leaderB', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: { 'carbon-measured-scope': 'scope-1-2' } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ code: 'question-hidden', path: '/answers/carbon-measured-scope' })]);
  });

  it('when a gate answer changes, then answers that stop applying are removed and listed', async () => {
    const { body: draft } = await h.call('leaderB', 'POST', `/organisations/${h.orgB}/assessments`);
    const first = await h.call('leaderB', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: { 'carbon-measured-done': true, 'carbon-measured-scope': 'scope-1-2' } });
    expect(first.status).toBe(200);
    const second = await h.call('leaderB', 'PATCH', `/assessments/${draft.id}`, { version: first.body.version, answers: { 'carbon-measured-done': false } });
    expect(second.status).toBe(200);
    expect(second.body.removed).toEqual({ 'carbon-measured-scope': 'scope-1-2' });
    expect(second.body.answers).toEqual({ 'carbon-measured-done': false });
  });

  it('when a submitted assessment is edited, then 409 says it is submitted', async () => {
    const list = await h.call('leaderA', 'GET', `/organisations/${h.orgA}/assessments`);
    const submitted = list.body.find((a: { status: string }) => a.status === 'submitted');
    const res = await h.call('leaderA', 'PATCH', `/assessments/${submitted.id}`, { version: submitted.version, answers: {} });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('assessment-submitted');
  });

  it('when a script posts an answers document to /score, then it gets the scores and nothing is stored', async () => {
    const before = (await h.ctx.store.assessments.listByOrganisation(h.orgA)).length;
    const res = await h.call('advisorA', 'POST', '/score', examples.get('scop-40'));
    expect(res.status).toBe(200);
    expect(res.body.global).toBe(goldenGlobal('scop-40'));
    expect(res.body.weakest.length).toBeGreaterThan(0);
    expect(Object.keys(res.body.pillars[0].indicators[0])).toEqual(['id', 'title', 'score', 'weight', 'points', 'maxPoints']);
    expect((await h.ctx.store.assessments.listByOrganisation(h.orgA)).length).toBe(before);
  });

  it('when /score is asked explain=summary or explain=full, then it explains in words or in full; any other explain is a 400 naming the parameter', async () => {
    const doc = examples.get('scop-40')!;
    const scores = (await h.call('advisorA', 'POST', '/score', doc)).body;
    const summary = await h.call('advisorA', 'POST', '/score?explain=summary', doc);
    const full = await h.call('advisorA', 'POST', '/score?explain=full', doc);
    expect([summary.status, full.status]).toEqual([200, 200]);
    const indicator = (body: typeof scores) => body.pillars[1].indicators[0];
    expect(Object.keys(indicator(summary.body))).toEqual(['id', 'title', 'score', 'weight', 'points', 'maxPoints', 'reasons', 'strengths', 'gaps']);
    expect(indicator(summary.body).reasons.length).toBeGreaterThan(0);
    expect(indicator(full.body).criteria[0].rules.length).toBeGreaterThan(0);
    for (const body of [summary.body, full.body]) expect({ ...body, pillars: undefined }).toEqual({ ...scores, pillars: undefined });
    const bad = await h.call('advisorA', 'POST', '/score?explain=everything', doc);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('/query/explain');
  });

  it('when /score answers, then it answers from the compiled engine, with the report of json-rules-engine\'s explained result, field for field', async () => {
    expect(h.ctx.scorer).toBe(compiledScorer(content));
    const doc = examples.get('industry-300')!;
    const reference = await score(createScorer(content), doc);
    if (!reference.ok) throw new Error('example invalid');
    const res = await h.call('advisorA', 'POST', '/score?lang=en&explain=full', doc);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(presentReport(h.ctx.scorer.index, reference.value, 'en', doc.organisation?.name))));
  });

  it('when a write answers (POST /score), then its JSON has no ETag (a write is never conditional); a read keeps its ETag', async () => {
    const write = await h.call('advisorA', 'POST', '/score', examples.get('scop-40'));
    expect(write.status).toBe(200);
    expect(write.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(write.headers.get('etag')).toBeNull();
    const read = await h.call(null, 'GET', '/questionnaires');
    expect(read.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(read.headers.get('etag')).toMatch(/^W\/"/);
  });

  it('when the questionnaires are read, then they come localised with their conditions', async () => {
    const fr = await h.call(null, 'GET', '/questionnaires');
    const en = await h.call(null, 'GET', '/questionnaires?lang=en');
    expect(fr.body.pillars[0].title).toBe('Limiter les externalités négatives');
    expect(en.body.pillars[0].title).toBe('Limiting negative externalities');
    expect(en.body.profile.questions.map((q: { id: string }) => q.id)).toEqual(['headcount', 'sector', 'legal-form', 'statuses', 'region']);
    const withShowIf = en.body.pillars.flatMap((p: any) => p.indicators.flatMap((i: any) => i.questions)).find((q: any) => q.showIf); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(withShowIf.showIf).toBeDefined();
  });

  it('when every change is made, then the audit log says who did what', async () => {
    const log = (await h.ctx.store.audit.byOrganisation(h.orgA));
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'save', 'submit']));
    expect(log.every((e) => e.at === '2026-11-21T10:00:00.000Z')).toBe(true);
  });

  it('when the OpenAPI document is fetched, then it describes every route with its request schema', async () => {
    const res = await h.call(null, 'GET', '/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/score', '/assessments/{assessmentId}', '/organisations/{organisationId}/assessments']));
    expect(res.body.paths['/assessments/{assessmentId}'].patch.requestBody.content['application/json'].schema.required).toEqual(['version']);
  });
});
