import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { submittedAssessment } from '../support/plan-fixtures.js';

let h: Harness;
let e1: number;
let w1: number;
let i1: number;
let inv1: number;
let code: string;
let draftPlan: number;
let expertAId: number;

type Caller = 'organiser' | 'organiserB' | 'expertA' | 'expertB' | 'leaderA' | 'advisorA' | 'leaderB' | 'admin' | 'anonymous';
const callers: Caller[] = ['organiser', 'organiserB', 'expertA', 'expertB', 'leaderA', 'advisorA', 'leaderB', 'admin', 'anonymous'];

const workshop = (title: string, pillar: string, experts: string[]) => ({ title, pillar, experts });
const base = { title: 'Atelier', date: '2026-12-10', followUp: '2027-06-10', place: 'Montpellier' };

// Event 1 is the organiser's: workshop 1 led by expertA with A assigned (A's leader and advisor take
// part), workshop 2 led by expertB (an expert of another workshop). Event 2 is organiserB's, with B
// (a participant of another event).
beforeAll(async () => {
  h = await startHarness();
  await h.addUser('organiser', 'organiser');
  await h.addUser('organiserB', 'organiser');
  await h.addUser('expertB', 'expert');
  expertAId = (await h.ctx.store.accounts.findByEmail('expertA@test.org'))!.id;
  const created = await h.call('organiser', 'POST', '/events', {
    ...base, intentions: [{ kind: 'participants', target: 5 }],
    workshops: [workshop('Externalités', 'externalities', ['expertA@test.org']), workshop('Partage', 'sharing', ['expertB@test.org'])],
  });
  e1 = created.body.id;
  w1 = created.body.workshops[0].id;
  i1 = created.body.intentions[0].id;
  const invitation = await h.call('organiser', 'POST', `/events/${e1}/invitations`);
  code = invitation.body.code;
  inv1 = invitation.body.id;
  await h.call('leaderA', 'POST', '/invitations/join', { code, organisationId: h.orgA });
  await h.call('organiser', 'PATCH', `/events/${e1}/participants/${h.orgA}`, { workshopId: w1 });
  const e2 = await h.call('organiserB', 'POST', '/events', { ...base, title: 'Autre' });
  const other = (await h.call('organiserB', 'POST', `/events/${e2.body.id}/invitations`)).body.code;
  await h.call('leaderB', 'POST', '/invitations/join', { code: other, organisationId: h.orgB });
  const assessment = await submittedAssessment(h, 'leaderA', h.orgA);
  draftPlan = (await h.call('leaderA', 'POST', `/assessments/${assessment}/plans`, {})).body.id;
});
afterAll(async () => h.close());

type Row = [string, string, () => string, unknown, Record<Caller, number>];
const organisersOnly = (ok: number) => ({ organiser: ok, organiserB: 404, expertA: 403, expertB: 403, leaderA: 403, advisorA: 403, leaderB: 404, admin: ok, anonymous: 401 });

const rows: Row[] = [
  ['list events', 'GET', () => '/events', undefined, { organiser: 200, organiserB: 200, expertA: 200, expertB: 200, leaderA: 200, advisorA: 200, leaderB: 200, admin: 200, anonymous: 401 }],
  ['create an event', 'POST', () => '/events', base, { organiser: 201, organiserB: 201, expertA: 403, expertB: 403, leaderA: 403, advisorA: 403, leaderB: 403, admin: 201, anonymous: 401 }],
  ['read the event', 'GET', () => `/events/${e1}`, undefined, { organiser: 200, organiserB: 404, expertA: 200, expertB: 200, leaderA: 200, advisorA: 200, leaderB: 404, admin: 200, anonymous: 401 }],
  ['change the event on a stale version', 'PATCH', () => `/events/${e1}`, { version: 999, place: 'Sète' }, organisersOnly(409)],
  ['start the next event', 'POST', () => `/events/${e1}/next`, { ...base, title: 'Suite' }, organisersOnly(201)],
  ['read the event’s history', 'GET', () => `/events/${e1}/history`, undefined, organisersOnly(200)],
  ['add an intention', 'POST', () => `/events/${e1}/intentions`, { kind: 'words', text: 'Des liens' }, organisersOnly(201)],
  ['change an intention on a stale version', 'PATCH', () => `/events/${e1}/intentions/${i1}`, { version: 999, intention: { kind: 'participants', target: 9 } }, organisersOnly(409)],
  ['remove an intention on a stale version', 'DELETE', () => `/events/${e1}/intentions/${i1}?version=999`, undefined, organisersOnly(409)],
  ['add a workshop', 'POST', () => `/events/${e1}/workshops`, { title: 'Stratégie', pillar: 'strategy' }, organisersOnly(201)],
  ['rename a workshop on a stale version', 'PATCH', () => `/events/${e1}/workshops/${w1}`, { version: 999, title: 'X' }, organisersOnly(409)],
  // The workshop's own experts write its notes; an expert of another workshop does not.
  ['write a workshop’s notes on a stale version', 'PATCH', () => `/events/${e1}/workshops/${w1}`, { version: 999, notes: 'CR' }, { ...organisersOnly(409), expertA: 409 }],
  ['remove a workshop on a stale version', 'DELETE', () => `/events/${e1}/workshops/${w1}?version=999`, undefined, organisersOnly(409)],
  // Each participant's gaps are for the workshop's experts (and admins), not even the organisers: they see scores only in the cohort, with consent.
  ['read the expert’s workshop view', 'GET', () => `/events/${e1}/workshops/${w1}`, undefined, { organiser: 403, organiserB: 404, expertA: 200, expertB: 403, leaderA: 403, advisorA: 403, leaderB: 404, admin: 200, anonymous: 401 }],
  ['list invitations', 'GET', () => `/events/${e1}/invitations`, undefined, organisersOnly(200)],
  ['create an invitation', 'POST', () => `/events/${e1}/invitations`, undefined, organisersOnly(201)],
  ['withdraw an invitation on a stale version', 'DELETE', () => `/events/${e1}/invitations/${inv1}?version=999`, undefined, organisersOnly(409)],
  ['preview an invitation', 'POST', () => '/invitations/preview', () => ({ code }), { organiser: 200, organiserB: 200, expertA: 200, expertB: 200, leaderA: 200, advisorA: 200, leaderB: 200, admin: 200, anonymous: 200 }],
  // Joining with A takes editing A: an expert who reviews A may not.
  ['join with A', 'POST', () => '/invitations/join', () => ({ code, organisationId: h.orgA }), { organiser: 404, organiserB: 404, expertA: 404, expertB: 404, leaderA: 200, advisorA: 200, leaderB: 404, admin: 200, anonymous: 401 }],
  ['sign up with an unknown code', 'POST', () => '/invitations/signup', { code: 'AAAA-BBBB-CCCC-DDDD', name: 'X', email: 'x@test.org', password: 'long enough pass', organisation: { name: 'X' } }, { organiser: 404, organiserB: 404, expertA: 404, expertB: 404, leaderA: 404, advisorA: 404, leaderB: 404, admin: 404, anonymous: 404 }],
  ['list participants', 'GET', () => `/events/${e1}/participants`, undefined, { ...organisersOnly(200), expertA: 200, expertB: 200 }],
  ['assign A', 'PATCH', () => `/events/${e1}/participants/${h.orgA}`, () => ({ workshopId: w1 }), { ...organisersOnly(200), expertB: 404 }],
  ['consent for A', 'PATCH', () => `/events/${e1}/participants/${h.orgA}`, { named: true }, { organiser: 403, organiserB: 404, expertA: 403, expertB: 404, leaderA: 200, advisorA: 200, leaderB: 404, admin: 200, anonymous: 401 }],
  ['assign several', 'POST', () => `/events/${e1}/assignments`, () => ({ assignments: [{ organisationId: h.orgA, workshopId: w1 }] }), organisersOnly(200)],
  ['read the cohort', 'GET', () => `/events/${e1}/cohort`, undefined, organisersOnly(200)],
  ['read one’s own part', 'GET', () => `/events/${e1}/mine`, undefined, { organiser: 403, organiserB: 404, expertA: 403, expertB: 403, leaderA: 200, advisorA: 200, leaderB: 404, admin: 403, anonymous: 401 }],
  ['read the bilan', 'GET', () => `/events/${e1}/bilan`, undefined, organisersOnly(200)],
  ['download the bilan', 'GET', () => `/events/${e1}/bilan/pdf`, undefined, organisersOnly(200)],
  ['read one’s expert profile', 'GET', () => '/me/expert-profile', undefined, { organiser: 403, organiserB: 403, expertA: 200, expertB: 200, leaderA: 403, advisorA: 403, leaderB: 403, admin: 403, anonymous: 401 }],
  ['write one’s expert profile on a stale version', 'PATCH', () => '/me/expert-profile', { version: 999, indicators: [], territory: null, organisation: null }, { organiser: 403, organiserB: 403, expertA: 409, expertB: 409, leaderA: 403, advisorA: 403, leaderB: 403, admin: 403, anonymous: 401 }],
  ['read expertA’s profile', 'GET', () => `/experts/${expertAId}`, undefined, { organiser: 200, organiserB: 404, expertA: 200, expertB: 200, leaderA: 200, advisorA: 200, leaderB: 404, admin: 200, anonymous: 401 }],
  ['share a draft on a stale version', 'POST', () => `/plans/${draftPlan}/share`, { version: 999, shared: true }, { organiser: 404, organiserB: 404, expertA: 404, expertB: 404, leaderA: 409, advisorA: 409, leaderB: 404, admin: 409, anonymous: 401 }],
  ['list organisers', 'GET', () => '/organisers', undefined, { organiser: 403, organiserB: 403, expertA: 403, expertB: 403, leaderA: 403, advisorA: 403, leaderB: 403, admin: 200, anonymous: 401 }],
  ['make an unknown account an organiser', 'POST', () => '/organisers', { email: 'nobody@test.org' }, { organiser: 403, organiserB: 403, expertA: 403, expertB: 403, leaderA: 403, advisorA: 403, leaderB: 403, admin: 404, anonymous: 401 }],
];

async function send(who: Caller, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${h.url}${path}`, {
    method,
    headers: { ...(who !== 'anonymous' && { authorization: `Bearer ${h.tokens[who]}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: type.includes('json') ? await response.json() : (await response.arrayBuffer(), '') };
}

describe('events: access matrix', () => {
  it.each(rows.flatMap(([name, method, path, body, expected]) => callers.map((who) => [name, who, method, path, body, expected[who]] as const)))(
    'when %s as %s, then the status is as granted',
    async (_name, who, method, path, body, status) => {
      const payload = typeof body === 'function' ? (body as () => unknown)() : body;
      const res = await send(who, method, path(), payload);
      expect(res.status).toBe(status);
      if (status === 404 && (who === 'leaderB' || who === 'organiserB')) expect(JSON.stringify(res.body)).not.toContain('Org A');
    },
  );

  it('when an expert of another workshop lists the participants, then A is not among them; the organiser sees A', async () => {
    expect((await h.call('expertB', 'GET', `/events/${e1}/participants`)).body.participants).toEqual([]);
    expect((await h.call('organiser', 'GET', `/events/${e1}/participants`)).body.participants.map((p: { name: string }) => p.name)).toEqual(['Org A']);
  });

  it('when a participant of another event lists events, then event 1 is not among them', async () => {
    const ids = (await h.call('leaderB', 'GET', '/events')).body.map((e: { id: number }) => e.id);
    expect(ids).not.toContain(e1);
    expect((await h.call('organiserB', 'GET', '/events')).body.map((e: { id: number }) => e.id)).not.toContain(e1);
  });

  it('when A shares its draft, then A’s workshop expert comments on it and the other workshop’s expert still finds nothing', async () => {
    const plan = (await h.call('leaderA', 'GET', `/plans/${draftPlan}`)).body;
    await h.call('leaderA', 'POST', `/plans/${draftPlan}/share`, { version: plan.version, shared: true });
    expect((await h.call('expertA', 'POST', `/plans/${draftPlan}/comments`, { body: 'Bien parti.' })).status).toBe(201);
    expect((await h.call('expertB', 'GET', `/plans/${draftPlan}`)).status).toBe(404);
    expect((await h.call('expertA', 'POST', `/plans/${draftPlan}/review`, { version: plan.version + 1, decision: 'approve' })).status).toBe(409);
  });
});
