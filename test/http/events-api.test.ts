import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { submittedAssessment } from '../support/plan-fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.addUser('organiser', 'organiser');
});
afterAll(async () => h.close());

const event = {
  title: 'De l’Impact Score à l’action — Montpellier',
  date: '2026-12-10',
  followUp: '2027-06-10',
  place: 'Montpellier',
  partners: ['Région Occitanie', 'Montpellier Méditerranée Métropole'],
  intentions: [
    { kind: 'participants', target: 2 },
    { kind: 'plans-approved', target: 1, withinWeeks: 6 },
    { kind: 'actions-done', target: 2 },
    { kind: 'words', text: 'Des liens durables entre participants' },
  ],
  workshops: [
    { title: 'Externalités', pillar: 'externalities', experts: ['expertA@test.org'], testimonies: ['boost-inclusive-recruitment'] },
    { title: 'Partage', pillar: 'sharing', experts: ['expertA@test.org'] },
    { title: 'Stratégie', pillar: 'strategy', recordedTestimonies: [{ organisation: { name: 'Scop du Lez', sector: 'F', city: 'Montpellier' }, title: 'Une gouvernance partagée', action: 'Les salariés votent la stratégie.', outcome: 'Moins de départs.', source: { url: 'https://example.org/lez', publisher: 'Le Lez' }, date: '2025' }] },
  ],
};

describe('an event from its creation to its bilan', () => {
  let id: number;
  let code: string;

  it('when an organiser creates it, then it has its intentions and three workshops with experts and testimonies', async () => {
    const created = await h.call('organiser', 'POST', '/events', event);
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({ access: 'organise', phase: 'before', version: 1, partners: event.partners, organiser: { name: 'organiser' } });
    expect(created.body.intentions.map((i: { kind: string }) => i.kind)).toEqual(['participants', 'plans-approved', 'actions-done', 'words']);
    expect(created.body.workshops.map((w: { title: string; experts: { name: string }[] }) => [w.title, w.experts.map((e) => e.name)])).toEqual([['Externalités', ['expertA']], ['Partage', ['expertA']], ['Stratégie', []]]);
    expect(created.body.workshops[0].testimonyViews[0].id).toBe('boost-inclusive-recruitment');
    expect(created.body.workshops[2].testimonyViews[0]).toMatchObject({ id: `event-${created.body.workshops[2].id}-1`, title: 'Une gouvernance partagée' });
  });

  it('when what it names does not exist, then each problem is said at its place and nothing is created', async () => {
    const before = (await h.call('organiser', 'GET', '/events')).body.length;
    const bad = await h.call('organiser', 'POST', '/events', { ...event, workshops: [{ title: 'X', pillar: 'nope', experts: ['leaderA@test.org'] }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['/workshops/0/pillar', '/workshops/0/experts/0']);
    expect((await h.call('organiser', 'GET', '/events')).body.length).toBe(before);
    expect((await h.call('leaderA', 'POST', '/events', event)).status).toBe(403);
  });

  it('when organisations join with the code, then the organiser sees who joined and who submitted before the day', async () => {
    const invitation = await h.call('organiser', 'POST', `/events/${id}/invitations`);
    expect(invitation.status).toBe(201);
    code = invitation.body.code;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(invitation.body.path).toBe(`/#/join/${code}`);
    const preview = await h.call(null, 'POST', '/invitations/preview', { code: code.toLowerCase().replace(/-/g, ' ') });
    expect(preview.body).toMatchObject({ eventId: id, title: event.title, open: true });
    expect((await h.call(null, 'POST', '/invitations/preview', { code: 'AAAA-BBBB-CCCC-DDDD' })).status).toBe(404);
    const joined = await h.call('leaderA', 'POST', '/invitations/join', { code, organisationId: h.orgA, named: true });
    expect(joined.body).toMatchObject({ eventId: id, organisationId: h.orgA, alreadyJoined: false });
    expect((await h.call('leaderA', 'POST', '/invitations/join', { code, organisationId: h.orgA })).body.alreadyJoined).toBe(true);
    expect((await h.call('leaderA', 'POST', '/invitations/join', { code, organisationId: h.orgB })).status).toBe(404);
    const signup = await h.call(null, 'POST', '/invitations/signup', { code, name: 'Nouvelle', email: 'nouvelle@test.org', password: 'un mot de passe long', organisation: { name: 'Coop Nouvelle' } });
    expect(signup.status).toBe(201);
    expect(signup.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    await submittedAssessment(h, 'leaderA', h.orgA);
    const people = await h.call('organiser', 'GET', `/events/${id}/participants`);
    expect(people.body).toMatchObject({ joined: 2, submittedBeforeEvent: 1 });
    expect(people.body.participants.map((p: { name: string; assessment: { status: string } }) => [p.name, p.assessment.status])).toEqual([['Org A', 'submitted'], ['Coop Nouvelle', 'none']]);
  });

  it('when the organiser reads the cohort, then there are no figures under five, and each assessed participant has a proposed workshop', async () => {
    const cohort = await h.call('organiser', 'GET', `/events/${id}/cohort`);
    expect(cohort.body).toMatchObject({ minimumGroup: 5, assessed: 1, gaps: [] });
    expect(cohort.body.scores.every((s: { quartiles: unknown }) => s.quartiles === null)).toBe(true);
    const a = cohort.body.participants.find((p: { organisationId: number }) => p.organisationId === h.orgA);
    expect(a.proposedWorkshopId).toEqual(expect.any(Number));
    expect(a.scores).not.toBeNull(); // Org A agreed to be named
    const assigned = await h.call('organiser', 'POST', `/events/${id}/assignments`, { assignments: [{ organisationId: h.orgA, workshopId: a.proposedWorkshopId }] });
    expect(assigned.body.participants[0].workshopId).toBe(a.proposedWorkshopId);
  });

  it('when the leader shares a draft, then the workshop’s expert sees it with the gaps and comments on it; approved once submitted', async () => {
    const mine = await h.call('leaderA', 'GET', `/events/${id}/mine`);
    const workshop = mine.body.participations[0].workshop;
    expect(workshop.experts[0].name).toBe('expertA');
    // An expert's address is for the organisers, who name experts by it; a participant does not read it, nor the expert's view.
    expect(workshop.experts[0]).not.toHaveProperty('email');
    const organised = (await h.call('organiser', 'GET', `/events/${id}`)).body;
    expect(organised.workshops.find((w: { id: number }) => w.id === workshop.id).experts[0].email).toBe('expertA@test.org');
    const view = await h.call('expertA', 'GET', `/events/${id}/workshops/${workshop.id}`);
    expect(view.status).toBe(200);
    expect(view.body.workshop.experts[0]).not.toHaveProperty('email');
    const row = view.body.participants[0];
    expect(row.gaps.length).toBeGreaterThan(0);
    expect(row.suggestions.every((s: { pillar: string }) => s.pillar === workshop.pillar)).toBe(true);
    const assessmentId = mine.body.participations[0].assessment.assessmentId;
    const actionIds = row.suggestions.slice(0, 2).map((s: { actionId: string }) => s.actionId);
    const plan = await h.call('leaderA', 'POST', `/assessments/${assessmentId}/plans`, { actionIds });
    expect((await h.call('expertA', 'POST', `/plans/${plan.body.id}/comments`, { body: 'Trop tôt' })).status).toBe(404);
    const shared = await h.call('leaderA', 'POST', `/plans/${plan.body.id}/share`, { version: plan.body.version, shared: true });
    expect(shared.body.sharedAt).toEqual(expect.any(String));
    expect((await h.call('expertA', 'POST', `/plans/${plan.body.id}/comments`, { body: 'Datez la première action.' })).status).toBe(201);
    const submitted = await h.call('leaderA', 'POST', `/plans/${plan.body.id}/submit`, { version: shared.body.version });
    const approved = await h.call('expertA', 'POST', `/plans/${plan.body.id}/review`, { version: submitted.body.version, decision: 'approve' });
    expect(approved.body.status).toBe('approved');
    let version = approved.body.version;
    for (const item of approved.body.items) {
      const done = await h.call('leaderA', 'PATCH', `/plans/${plan.body.id}/items/${item.id}`, { version, status: 'done' });
      expect(done.status).toBe(200);
      version = done.body.version;
    }
  });

  it('when time reaches the follow-up, then the leader is invited to re-assess, and the bilan measures each intention', async () => {
    h.setNow('2027-06-11T09:00:00Z');
    const mine = await h.call('leaderA', 'GET', `/events/${id}/mine`);
    expect(mine.body.participations[0].reassessment).toMatchObject({ open: true, status: 'none' });
    expect(mine.body.participations[0].missing.map((m: { code: string }) => m.code)).toContain('reassess');
    await submittedAssessment(h, 'leaderA', h.orgA);
    const after = await h.call('leaderA', 'GET', `/events/${id}/mine`);
    expect(after.body.participations[0].reassessment.status).toBe('submitted');
    expect(after.body.participations[0].bilan).toMatchObject({ itemsDone: 2, items: 2, before: { global: expect.any(Number) }, after: { global: expect.any(Number) } });
    const bilan = await h.call('organiser', 'GET', `/events/${id}/bilan`);
    expect(bilan.body.intentions.map((i: { kind: string; achieved: number | null; outcome: string }) => [i.kind, i.achieved, i.outcome])).toEqual([
      ['participants', 2, 'met'], ['plans-approved', 1, 'met'], ['actions-done', 2, 'met'], ['words', null, 'in-words'],
    ]);
    expect(bilan.body.counts).toMatchObject({ participants: 2, plansApproved: 1, itemsDone: 2, reassessed: 1 });
    expect(bilan.body.participants.map((p: { name: string }) => p.name)).toEqual(['Org A', 'Participant 2']);
    const pdf = await fetch(`${h.url}/events/${id}/bilan/pdf`, { headers: { authorization: `Bearer ${h.tokens.organiser}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    h.setNow('2026-11-21T10:00:00Z');
  });

  it('when two organisers write the same version, then the second gets 409 with the current event; the next event starts from this one', async () => {
    const current = (await h.call('organiser', 'GET', `/events/${id}`)).body;
    const first = await h.call('organiser', 'PATCH', `/events/${id}`, { version: current.version, improvements: 'Envoyer le lien plus tôt.' });
    expect(first.body.improvements).toBe('Envoyer le lien plus tôt.');
    const stale = await h.call('organiser', 'PATCH', `/events/${id}`, { version: current.version, place: 'Sète' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(current.version + 1);
    const next = await h.call('organiser', 'POST', `/events/${id}/next`, { title: 'Deuxième édition', date: '2027-10-10', followUp: '2028-04-10', place: 'Nîmes' });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ previous: { id, improvements: 'Envoyer le lien plus tôt.' }, participants: 0, partners: event.partners });
    expect(next.body.workshops.map((w: { title: string }) => w.title)).toEqual(['Externalités', 'Partage', 'Stratégie']);
    const history = await h.call('organiser', 'GET', `/events/${id}/history`);
    expect(history.body.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`)).toEqual(expect.arrayContaining(['event:create', 'invitation:create', 'participant:join', 'participant:assign', 'event:update']));
  });
});

describe('a participant changed with nothing to change', () => {
  it('when the body is empty, then it answers the participant unchanged (the fuzz probe saw a 500)', async () => {
    const created = await h.call('organiser', 'POST', '/events', { ...event, workshops: [] });
    const { code } = (await h.call('organiser', 'POST', `/events/${created.body.id}/invitations`)).body;
    await h.call('leaderB', 'POST', '/invitations/join', { code, organisationId: h.orgB });
    const unchanged = await h.call('organiser', 'PATCH', `/events/${created.body.id}/participants/${h.orgB}`, {});
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ organisationId: h.orgB, workshopId: null, named: false });
  });
});
