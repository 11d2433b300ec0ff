import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../src/app/accounts.js';
import { createAssessment, saveAnswers, submitAssessment } from '../../src/app/assessments.js';
import { createPlan } from '../../src/app/plans.js';
import { examples, startHarness, unwrap, type Harness, type Who } from './harness.js';

let h: Harness;
let submitted: number;
let draft: number;

beforeAll(async () => {
  h = await startHarness();
  const admin = actorOf(h.ctx, h.ctx.store.accounts.findByEmail('admin@test.org')!);
  const a = unwrap(createAssessment(h.ctx, admin, h.orgA));
  const saved = unwrap(saveAnswers(h.ctx, admin, a.id, { version: a.version, answers: examples.get('insertion-esus')!.answers }));
  submitted = unwrap(await submitAssessment(h.ctx, admin, a.id, saved.version)).id;
  draft = unwrap(createAssessment(h.ctx, admin, h.orgA)).id;
  unwrap(createPlan(h.ctx, admin, submitted, { title: 'Plan A' }));
});
afterAll(async () => h.close());

type Row = [string, string, () => string, unknown, Record<Who | 'anonymous', number>];

// Every route × every role, on organisation A's data: A's leader and advisor edit, A's workshop
// expert reads what is submitted, B's leader sees nothing (404, never 403), anonymous gets 401.
const rows: Row[] = [
  ['read organisation', 'GET', () => `/organisations/${h.orgA}`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['edit organisation', 'PATCH', () => `/organisations/${h.orgA}`, { name: 'Org A' }, { leaderA: 200, advisorA: 200, expertA: 403, admin: 200, leaderB: 404, anonymous: 401 }],
  ['list assessments', 'GET', () => `/organisations/${h.orgA}/assessments`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['start assessment', 'POST', () => `/organisations/${h.orgA}/assessments`, undefined, { leaderA: 201, advisorA: 201, expertA: 403, admin: 201, leaderB: 404, anonymous: 401 }],
  ['read submitted assessment', 'GET', () => `/assessments/${submitted}`, undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['read draft', 'GET', () => `/assessments/${draft}`, undefined, { leaderA: 200, advisorA: 200, expertA: 404, admin: 200, leaderB: 404, anonymous: 401 }],
  ['save draft on a stale version', 'PATCH', () => `/assessments/${draft}`, { version: 99, answers: {} }, { leaderA: 409, advisorA: 409, expertA: 404, admin: 409, leaderB: 404, anonymous: 401 }],
  ['submit a submitted assessment', 'POST', () => `/assessments/${submitted}/submit`, { version: 1 }, { leaderA: 409, advisorA: 409, expertA: 403, admin: 409, leaderB: 404, anonymous: 401 }],
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
  ['read plan', 'GET', () => '/plans/1', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['edit plan on a stale version', 'PATCH', () => '/plans/1', { version: 999, title: 'x' }, { leaderA: 409, advisorA: 409, expertA: 403, admin: 409, leaderB: 404, anonymous: 401 }],
  ['review a draft plan', 'POST', () => '/plans/1/review', { version: 1, decision: 'approve' }, { leaderA: 403, advisorA: 403, expertA: 409, admin: 403, leaderB: 404, anonymous: 401 }],
  ['comment a plan', 'POST', () => '/plans/1/comments', { body: 'ok' }, { leaderA: 201, advisorA: 201, expertA: 201, admin: 201, leaderB: 404, anonymous: 401 }],
  ['plan history', 'GET', () => '/plans/1/history', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 404, anonymous: 401 }],
  ['who am I', 'GET', () => '/auth/me', undefined, { leaderA: 200, advisorA: 200, expertA: 200, admin: 200, leaderB: 200, anonymous: 401 }],
];

const people: (Who | 'anonymous')[] = ['leaderA', 'advisorA', 'expertA', 'admin', 'leaderB', 'anonymous'];

describe('access matrix', () => {
  it.each(rows.flatMap(([name, method, path, body, expected]) => people.map((who) => [name, who, method, path, body, expected[who]] as const)))(
    'when %s as %s, then the status is as granted',
    async (_name, who, method, path, body, status) => {
      const payload = typeof body === 'function' ? (body as () => unknown)() : body;
      const res = await h.call(who === 'anonymous' ? null : who, method, path(), payload);
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

  it('when an expert lists assessments, then drafts are not among them', async () => {
    const res = await h.call('expertA', 'GET', `/organisations/${h.orgA}/assessments`);
    expect(res.body.map((a: { status: string }) => a.status)).toEqual(res.body.map(() => 'submitted'));
    expect(res.body.map((a: { id: number }) => a.id)).toContain(submitted);
  });
});
