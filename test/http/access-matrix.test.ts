import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/app/accounts.js';
import { waitForBatch } from '../../src/app/batches.js';
import { createAssessment, saveAnswers, submitAssessment } from '../../src/app/assessments.js';
import { addItem, createPlan, submitPlan } from '../../src/app/plans.js';
import { publish } from '../../src/app/publications.js';
import { examples, startHarness, unwrap, type Harness, type Who } from './harness.js';

let h: Harness;
let submitted: number;
let draft: number;
let draftPlan: number;
let submittedPlan: number;
let later: number;
let batch: number;
let slug: string;

beforeAll(async () => {
  h = await startHarness({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'impact-matrix-')) } });
  const admin = await actorOf(h.ctx, (await h.ctx.store.accounts.findByEmail('admin@test.org'))!);
  const a = unwrap(await createAssessment(h.ctx, admin, h.orgA));
  const saved = unwrap(await saveAnswers(h.ctx, admin, a.id, { version: a.version, answers: examples.get('insertion-esus')!.answers }));
  submitted = unwrap(await submitAssessment(h.ctx, admin, a.id, saved.version)).id;
  draft = unwrap(await createAssessment(h.ctx, admin, h.orgA)).id;
  const created = unwrap(await createPlan(h.ctx, admin, submitted, { title: 'Plan A' }));
  draftPlan = unwrap(await addItem(h.ctx, admin, created.id, created.version, { actionId: h.ctx.content.actions[1]!.id, status: 'done' })).id;
  const toSubmit = unwrap(await createPlan(h.ctx, admin, submitted, { title: 'Plan A soumis', actionIds: [h.ctx.content.actions[0]!.id] }));
  submittedPlan = unwrap(await submitPlan(h.ctx, admin, toSubmit.id, toSubmit.version)).id;
  const next = unwrap(await createAssessment(h.ctx, admin, h.orgA));
  const nextSaved = unwrap(await saveAnswers(h.ctx, admin, next.id, { version: next.version, answers: examples.get('insertion-esus')!.answers }));
  later = unwrap(await submitAssessment(h.ctx, admin, next.id, nextSaved.version)).id;
  slug = unwrap(await publish(h.ctx, admin, h.orgA, { assessmentId: submitted, includePlan: false })).slug;
  const uploaded = await fetch(`${h.url}/batches`, { method: 'POST', headers: { authorization: `Bearer ${h.tokens.advisorA}`, 'content-type': 'text/csv' }, body: 'id\nX\n' });
  batch = ((await uploaded.json()) as { id: number }).id;
  await waitForBatch(h.ctx, batch);
});

/** A file sent as it is, with its type, where a row's body would be JSON. */
const file = (raw: string, type: string) => ({ raw, type });
afterAll(async () => {
  // Batches uploaded by the rows finish before the database closes under them.
  for (const id of await h.ctx.store.batches.ids()) await waitForBatch(h.ctx, id);
  await h.close();
});

type Row = [string, string, () => string, unknown, Record<Who | 'anonymous', number>];

// Every route × every role, on organisation A's data: A's leader and advisor edit, A's workshop
// expert reads what is submitted, B's leader sees nothing (404, never 403), anonymous gets 401.
const rows: Row[] = [
  ['read organisation', 'GET', () => `/organisations/${h.orgA}`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['edit organisation', 'PATCH', () => `/organisations/${h.orgA}`, { name: 'Org A' }, { leaderA: 200, advisorA: 200, expertA: 403, admin: 200, leaderB: 404, anonymous: 401 }],
  // Whether the organisation counts in comparisons is the organisation's to say: those who edit it, no one else.
  ['count in comparisons', 'PATCH', () => `/organisations/${h.orgA}`, { countInComparisons: true }, { leaderA: 200, advisorA: 200, expertA: 403, admin: 200, leaderB: 404, anonymous: 401 }],
  ['list assessments', 'GET', () => `/organisations/${h.orgA}/assessments`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['start assessment', 'POST', () => `/organisations/${h.orgA}/assessments`, undefined, { leaderA: 201, advisorA: 201, expertA: 403, admin: 201, leaderB: 404, anonymous: 401 }],
  ['read submitted assessment', 'GET', () => `/assessments/${submitted}`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['read draft', 'GET', () => `/assessments/${draft}`, undefined, { leaderA: 200, advisorA: 200, expertA: 404, admin: 200, leaderB: 404, anonymous: 401 }],
  ['save draft on a stale version', 'PATCH', () => `/assessments/${draft}`, { version: 99, answers: {} }, { leaderA: 409, advisorA: 409, expertA: 404, admin: 409, leaderB: 404, anonymous: 401 }],
  ['submit a submitted assessment', 'POST', () => `/assessments/${submitted}/submit`, { version: 1 }, { leaderA: 409, advisorA: 409, expertA: 403, admin: 409, leaderB: 404, anonymous: 401 }],
  ['reopen the latest assessment on a stale version', 'POST', () => `/assessments/${later}/reopen`, { version: 999 }, { leaderA: 409, advisorA: 409, expertA: 403, admin: 409, leaderB: 404, anonymous: 401 }],
  ['delete a draft on a stale version', 'DELETE', () => `/assessments/${draft}?version=999`, undefined, { leaderA: 409, advisorA: 409, expertA: 404, admin: 409, leaderB: 404, anonymous: 401 }],
  ['read result', 'GET', () => `/assessments/${submitted}/result`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['read result of a draft', 'GET', () => `/assessments/${draft}/result`, undefined, { leaderA: 404, advisorA: 404, expertA: 404, admin: 404, leaderB: 404, anonymous: 401 }],
  ['reopen a draft', 'POST', () => `/assessments/${draft}/reopen`, { version: 1 }, { leaderA: 409, advisorA: 409, expertA: 404, admin: 409, leaderB: 404, anonymous: 401 }],
  ['delete a submitted assessment', 'DELETE', () => `/assessments/${submitted}?version=1`, undefined, { leaderA: 409, advisorA: 409, expertA: 403, admin: 409, leaderB: 404, anonymous: 401 }],
  ['delete a draft on a stale version', 'DELETE', () => `/assessments/${draft}?version=99`, undefined, { leaderA: 409, advisorA: 409, expertA: 404, admin: 409, leaderB: 404, anonymous: 401 }],
  ['create organisation', 'POST', () => '/organisations', { name: 'New' }, { leaderA: 403, advisorA: 201, expertA: 403, admin: 201, leaderB: 403, anonymous: 401 }],
  ['read workshop', 'GET', () => '/workshops/1', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['create workshop', 'POST', () => '/workshops', { title: 'W', expertEmail: 'expertA@test.org', date: '2027-01-01', place: 'Nîmes' }, { leaderA: 403, advisorA: 403, expertA: 403, admin: 201, leaderB: 403, anonymous: 401 }],
  ['stateless score', 'POST', () => '/score', () => examples.get('sas-5'), { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 401 }],
  ['read suggestions', 'GET', () => `/assessments/${submitted}/suggestions?limit=2`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['start a plan', 'POST', () => `/assessments/${submitted}/plans`, {}, { leaderA: 201, advisorA: 201, expertA: 403, admin: 201, leaderB: 404, anonymous: 401 }],
  ['list plans', 'GET', () => `/organisations/${h.orgA}/plans`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  // A draft plan is the organisation's own until submitted: the workshop expert does not see it.
  ['read draft plan', 'GET', () => `/plans/${draftPlan}`, undefined, { leaderA: 200, advisorA: 200, expertA: 404, admin: 200, leaderB: 404, anonymous: 401 }],
  ['edit draft plan on a stale version', 'PATCH', () => `/plans/${draftPlan}`, { version: 999, title: 'x' }, { leaderA: 409, advisorA: 409, expertA: 404, admin: 409, leaderB: 404, anonymous: 401 }],
  ['review a draft plan', 'POST', () => `/plans/${draftPlan}/review`, { version: 1, decision: 'approve' }, { leaderA: 403, advisorA: 403, expertA: 404, admin: 403, leaderB: 404, anonymous: 401 }],
  ['comment a draft plan', 'POST', () => `/plans/${draftPlan}/comments`, { body: 'ok' }, { leaderA: 201, advisorA: 201, expertA: 404, admin: 201, leaderB: 404, anonymous: 401 }],
  ['draft plan history', 'GET', () => `/plans/${draftPlan}/history`, undefined, { leaderA: 200, advisorA: 200, expertA: 404, admin: 200, leaderB: 404, anonymous: 401 }],
  ['draft plan PDF', 'GET', () => `/plans/${draftPlan}/pdf`, undefined, { leaderA: 200, advisorA: 200, expertA: 404, admin: 200, leaderB: 404, anonymous: 401 }],
  // Submitted, it is the expert's to read, comment on and review.
  ['read submitted plan', 'GET', () => `/plans/${submittedPlan}`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['edit submitted plan on a stale version', 'PATCH', () => `/plans/${submittedPlan}`, { version: 999, title: 'x' }, { leaderA: 409, advisorA: 409, expertA: 403, admin: 409, leaderB: 404, anonymous: 401 }],
  ['review submitted plan on a stale version', 'POST', () => `/plans/${submittedPlan}/review`, { version: 999, decision: 'approve' }, { leaderA: 403, advisorA: 403, expertA: 409, admin: 403, leaderB: 404, anonymous: 401 }],
  ['comment a submitted plan', 'POST', () => `/plans/${submittedPlan}/comments`, { body: 'ok' }, { leaderA: 201, advisorA: 201, expertA: 201, admin: 201, leaderB: 404, anonymous: 401 }],
  ['submitted plan history', 'GET', () => `/plans/${submittedPlan}/history`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['submitted plan PDF', 'GET', () => `/plans/${submittedPlan}/pdf`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['who am I', 'GET', () => '/auth/me', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 401 }],
  ['compare assessments', 'GET', () => `/assessments/${later}/comparison?with=${submitted}`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['bilan PDF', 'GET', () => `/assessments/${later}/comparison/pdf?with=${submitted}`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['review queue', 'GET', () => '/reviews', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 401 }],
  ['list workshops', 'GET', () => '/workshops', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 401 }],
  ['questionnaires', 'GET', () => '/questionnaires', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 200 }],
  ['testimonies', 'GET', () => '/testimonies', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 200 }],
  // Batches are their uploader's (and an admin's): anyone else gets 404, as for another organisation.
  ['upload a portfolio', 'POST', () => '/batches', file('id\nX\n', 'text/csv'), { leaderA: 403, advisorA: 202, expertA: 403, admin: 202, leaderB: 403, anonymous: 401 }],
  ['list batches', 'GET', () => '/batches', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 401 }],
  ['read a batch', 'GET', () => `/batches/${batch}`, undefined, { leaderA: 404, advisorA: 200, expertA: 404, admin: 200, leaderB: 404, anonymous: 401 }],
  ['download batch results', 'GET', () => `/batches/${batch}/result`, undefined, { leaderA: 404, advisorA: 200, expertA: 404, admin: 200, leaderB: 404, anonymous: 401 }],
  ['portfolio template', 'GET', () => '/batches/template', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 401 }],
  // Publishing is the leader's (and an admin's) choice; the public routes answer anyone, session or not.
  ['read publication', 'GET', () => `/organisations/${h.orgA}/publication`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['publish a result', 'POST', () => `/organisations/${h.orgA}/publication`, () => ({ assessmentId: submitted }), { leaderA: 200, advisorA: 403, expertA: 403, admin: 200, leaderB: 404, anonymous: 401 }],
  ['public page', 'GET', () => `/public/publications/${slug}`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 200 }],
  ['public list', 'GET', () => '/public/publications', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 200 }],
  ['open data (JSON)', 'GET', () => '/public/open-data', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 200 }],
  ['open data (CSV)', 'GET', () => '/public/open-data/csv', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 200 }],
  // A's leader unpublishes first: the admin, next, finds nothing published (404).
  ['unpublish', 'DELETE', () => `/organisations/${h.orgA}/publication`, undefined, { leaderA: 200, advisorA: 403, expertA: 403, admin: 404, leaderB: 404, anonymous: 401 }],
  ['unpublished page', 'GET', () => `/public/publications/${slug}`, undefined, { leaderA: 410, advisorA: 410, expertA: 410, admin: 410, leaderB: 410, anonymous: 410 }],
  ['portfolio view', 'GET', () => '/portfolio', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 401 }],
];

const people: (Who | 'anonymous')[] = ['leaderA', 'advisorA', 'expertA', 'admin', 'leaderB', 'anonymous'];

/** As the harness's call, but a body that is not JSON (a PDF) is kept as text. */
async function send(who: Who | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const raw = body as { raw?: string; type?: string } | undefined;
  const response = await fetch(`${h.url}${path}`, {
    method,
    headers: { ...(who && { authorization: `Bearer ${h.tokens[who]}` }), ...(body !== undefined && { 'content-type': raw?.type ?? 'application/json' }) },
    ...(body !== undefined && { body: raw?.raw ?? JSON.stringify(body) }),
  });
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: type.includes('json') ? await response.json() : (await response.arrayBuffer(), '') };
}

describe('access matrix', () => {
  it.each(rows.flatMap(([name, method, path, body, expected]) => people.map((who) => [name, who, method, path, body, expected[who]] as const)))(
    'when %s as %s, then the status is as granted',
    async (_name, who, method, path, body, status) => {
      const payload = typeof body === 'function' ? (body as () => unknown)() : body;
      const res = await send(who === 'anonymous' ? null : who, method, path(), payload);
      expect(res.status).toBe(status);
      if (status === 404 && who === 'leaderB') expect(JSON.stringify(res.body)).not.toContain('Org A');
    },
  );

  it('when listing organisations, then each user sees exactly theirs', async () => {
    const names = async (who: Who) => (await h.call(who, 'GET', '/organisations')).body.map((o: { id: number }) => o.id);
    expect(await names('leaderA')).toEqual([h.orgA]);
    expect(await names('leaderB')).toEqual([h.orgB]);
    expect(await names('expertA')).toEqual([h.orgA]);
    expect((await names('admin')).length).toBeGreaterThanOrEqual(2);
  });

  it('when an expert lists plans or compares assessments, then draft plans are not among them', async () => {
    const listed = (await h.call('expertA', 'GET', `/organisations/${h.orgA}/plans`)).body.map((p: { id: number }) => p.id);
    expect(listed).toEqual([submittedPlan]);
    const all = (await h.call('leaderA', 'GET', `/organisations/${h.orgA}/plans`)).body.map((p: { id: number }) => p.id);
    expect(all).toEqual(expect.arrayContaining([draftPlan, submittedPlan]));
    // The comparison's « intended vs achieved » counts done items of plans the reader may see.
    const draftItem = (await h.ctx.store.plans.get(draftPlan))!.items[0]!.id;
    const doneFor = async (who: Who) => (await h.call(who, 'GET', `/assessments/${later}/comparison?with=${submitted}`)).body.done.map((d: { itemId: number }) => d.itemId);
    expect(await doneFor('leaderA')).toContain(draftItem);
    expect(await doneFor('expertA')).not.toContain(draftItem);
    // Nor is the draft among the plans the bilan sets beside what was achieved.
    const bilanFor = async (who: Who) => (await h.call(who, 'GET', `/assessments/${later}/comparison?with=${submitted}`)).body.plans.map((p: { planId: number }) => p.planId);
    expect(await bilanFor('leaderA')).toEqual(expect.arrayContaining([draftPlan, submittedPlan]));
    expect(await bilanFor('expertA')).toEqual([submittedPlan]);
  });

  it('when an expert lists assessments, then drafts are not among them', async () => {
    const res = await h.call('expertA', 'GET', `/organisations/${h.orgA}/assessments`);
    expect(res.body.map((a: { status: string }) => a.status)).toEqual(res.body.map(() => 'submitted'));
    expect(res.body.map((a: { id: number }) => a.id)).toContain(submitted);
  });
});
