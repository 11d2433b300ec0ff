import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let id: number;
beforeAll(async () => {
  h = await startHarness();
  await h.addUser('organiser', 'organiser');
  const created = await h.call('organiser', 'POST', '/events', {
    title: 'Rencontre', date: '2026-12-10', followUp: '2027-06-10', place: 'Sète',
    intentions: [{ kind: 'participants', target: 10 }], workshops: [{ title: 'Partage', pillar: 'sharing', experts: ['expertA@test.org'] }],
  });
  id = created.body.id;
});
afterAll(async () => h.close());

describe('writing an event’s parts', () => {
  it('when an intention is changed twice from the same version, then the second gets 409 with the current one; removed, it is gone', async () => {
    const [intention] = (await h.call('organiser', 'GET', `/events/${id}`)).body.intentions;
    const changed = await h.call('organiser', 'PATCH', `/events/${id}/intentions/${intention.id}`, { version: intention.version, intention: { kind: 'plans-approved', target: 6, withinWeeks: 8 } });
    expect(changed.body).toMatchObject({ kind: 'plans-approved', target: 6, withinWeeks: 8, version: 2 });
    const stale = await h.call('organiser', 'PATCH', `/events/${id}/intentions/${intention.id}`, { version: intention.version, intention: { kind: 'participants', target: 3 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ kind: 'plans-approved', version: 2 });
    const bad = await h.call('organiser', 'POST', `/events/${id}/intentions`, { kind: 'plans-approved', target: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['/target', '/withinWeeks']);
    expect((await h.call('organiser', 'DELETE', `/events/${id}/intentions/${intention.id}?version=2`)).body).toEqual({ deleted: intention.id });
    expect((await h.call('organiser', 'GET', `/events/${id}`)).body.intentions).toEqual([]);
  });

  it('when the workshop’s expert writes its notes, then they are kept; renaming it is the organisers’', async () => {
    const [workshop] = (await h.call('expertA', 'GET', `/events/${id}`)).body.workshops;
    const notes = await h.call('expertA', 'PATCH', `/events/${id}/workshops/${workshop.id}`, { version: workshop.version, notes: 'Trois actions datées par participant.' });
    expect(notes.body).toMatchObject({ notes: 'Trois actions datées par participant.', version: workshop.version + 1 });
    expect((await h.call('expertA', 'PATCH', `/events/${id}/workshops/${workshop.id}`, { version: notes.body.version, title: 'Autre' })).status).toBe(403);
    const scope = await h.call('organiser', 'PATCH', `/events/${id}/workshops/${workshop.id}`, { version: notes.body.version, pillar: null });
    expect(scope.status).toBe(422);
    expect(scope.body.error.issues[0]).toMatchObject({ code: 'workshop-scope' });
  });

  it('when an invitation is withdrawn, then its code no longer opens the event; after the follow-up, no code does', async () => {
    const first = (await h.call('organiser', 'POST', `/events/${id}/invitations`)).body;
    const withdrawn = await h.call('organiser', 'DELETE', `/events/${id}/invitations/${first.id}?version=${first.version}`);
    expect(withdrawn.body.revokedAt).toEqual(expect.any(String));
    expect((await h.call('leaderB', 'POST', '/invitations/join', { code: first.code, organisationId: h.orgB })).status).toBe(404);
    const second = (await h.call('organiser', 'POST', `/events/${id}/invitations`)).body;
    h.setNow('2027-06-10T08:00:00Z');
    try {
      expect((await h.call(null, 'POST', '/invitations/preview', { code: second.code })).body.open).toBe(false);
      const late = await h.call('leaderB', 'POST', '/invitations/join', { code: second.code, organisationId: h.orgB });
      expect(late).toMatchObject({ status: 409, body: { error: { code: 'invitation-closed' } } });
    } finally {
      h.setNow('2026-11-21T10:00:00Z');
    }
  });

  it('when someone signs up with a taken email or a short password, then it is refused in words and no organisation is left behind', async () => {
    const { code } = (await h.call('organiser', 'POST', `/events/${id}/invitations`)).body;
    const before = (await h.call('admin', 'GET', '/organisations')).body.length;
    const taken = await h.call(null, 'POST', '/invitations/signup', { code, name: 'A', email: 'leaderA@test.org', password: 'un mot de passe long', organisation: { name: 'Doublon' } });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'email-taken' } } });
    expect(taken.body.error.message).toContain('connectez-vous');
    const short = await h.call(null, 'POST', '/invitations/signup', { code, name: 'A', email: 'a@test.org', password: 'court', organisation: { name: 'Court' } });
    expect(short.status).toBe(400);
    expect(short.body.error.issues).toEqual([expect.objectContaining({ path: '/password', message: 'Au moins 10 caractères.' })]);
    expect((await h.call('admin', 'GET', '/organisations')).body.length).toBe(before);
  });

  it('when one address signs up twice at once (a double click), then one account is made, the other is told it exists, and one organisation, not two', async () => {
    const { code } = (await h.call('organiser', 'POST', `/events/${id}/invitations`)).body;
    const before = (await h.call('admin', 'GET', '/organisations')).body.length;
    const body = { code, name: 'Double', email: 'double@test.org', password: 'un mot de passe long', organisation: { name: 'Coop Double' } };
    const both = await Promise.all([h.call(null, 'POST', '/invitations/signup', body), h.call(null, 'POST', '/invitations/signup', body)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('email-taken');
    const organisations = (await h.call('admin', 'GET', '/organisations')).body as { name: string }[];
    expect(organisations.length).toBe(before + 1);
    expect(organisations.filter((o) => o.name === 'Coop Double')).toHaveLength(1);
  });

  it('when the expert writes a profile, then a participant of their workshop reads it in the event', async () => {
    const first = await h.call('expertA', 'PATCH', '/me/expert-profile', { version: 0, indicators: ['inclusion-hires-x'], territory: 'Hérault', organisation: 'CCI' });
    expect(first.status).toBe(422);
    const indicator = [...h.ctx.scorer.index.indicators.keys()][0]!;
    const saved = await h.call('expertA', 'PATCH', '/me/expert-profile', { version: 0, indicators: [indicator], territory: 'Hérault', organisation: 'CCI' });
    expect(saved.body).toMatchObject({ version: 1, territory: 'Hérault', indicatorTitles: [expect.any(String)] });
    const { code } = (await h.call('organiser', 'POST', `/events/${id}/invitations`)).body;
    await h.call('leaderB', 'POST', '/invitations/join', { code, organisationId: h.orgB });
    const event = (await h.call('leaderB', 'GET', `/events/${id}`)).body;
    expect(event.workshops[0].experts[0]).toMatchObject({ name: 'expertA', territory: 'Hérault', organisation: 'CCI' });
    expect(event.intentions).toEqual([]);
  });

  it('when an admin makes a leader an organiser, then the leader may create events and keeps their organisation', async () => {
    await h.addUser('futureOrganiser', 'leader', [h.orgB]);
    expect((await h.call('futureOrganiser', 'POST', '/events', { title: 'X', date: '2027-01-01', followUp: '2027-02-01', place: 'Y' })).status).toBe(403);
    const made = await h.call('admin', 'POST', '/organisers', { email: 'futureOrganiser@test.org' });
    expect(made.body.role).toBe('organiser');
    expect((await h.call('admin', 'POST', '/organisers', { email: 'expertA@test.org' })).status).toBe(409);
    expect((await h.call('futureOrganiser', 'POST', '/events', { title: 'X', date: '2027-01-01', followUp: '2027-02-01', place: 'Y' })).status).toBe(201);
    expect((await h.call('futureOrganiser', 'GET', `/organisations/${h.orgB}`)).status).toBe(200);
  });
});
