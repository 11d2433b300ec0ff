import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { later, NOW, people } from '../support/store-fixtures.js';
import { openTestStore } from '../support/test-store.js';

let store: Store;
let close: () => Promise<void>;
beforeEach(async () => ({ store, close } = await openTestStore()));
afterEach(() => close());

const fields = { title: 'Atelier Montpellier', date: '2027-03-12', followUp: '2027-09-12', place: 'Montpellier', partners: ['Région'], improvements: null, previousEventId: null, organiserUserId: null };

describe('events, their workshops and participants', () => {
  it('when an event is written at a stale version, then nothing changes; at the current one, its version moves on', async () => {
    const event = await store.events.create(fields, NOW);
    expect(event).toMatchObject({ ...fields, version: 1 });
    expect(await store.events.update(event.id, 1, { improvements: 'Plus tôt' }, later(1))).toMatchObject({ improvements: 'Plus tôt', version: 2, title: fields.title });
    expect(await store.events.update(event.id, 1, { place: 'Sète' }, later(2))).toBeUndefined();
    expect((await store.events.get(event.id))!.place).toBe('Montpellier');
  });

  it('when intentions are added, changed and removed, then each keeps its place and version', async () => {
    const event = await store.events.create(fields, NOW);
    const a = await store.events.addIntention(event.id, { kind: 'participants', target: 20, withinWeeks: null, text: null }, NOW);
    const b = await store.events.addIntention(event.id, { kind: 'words', target: null, withinWeeks: null, text: 'Des liens' }, NOW);
    expect([a.position, b.position]).toEqual([1, 2]);
    expect(await store.events.updateIntention(a.id, 1, { kind: 'participants', target: 25, withinWeeks: null, text: null }, later(1))).toMatchObject({ target: 25, version: 2 });
    expect(await store.events.updateIntention(a.id, 1, { kind: 'participants', target: 30, withinWeeks: null, text: null }, later(2))).toBeUndefined();
    expect(await store.events.removeIntention(b.id, 2)).toBe(false);
    expect(await store.events.removeIntention(b.id, 1)).toBe(true);
    expect((await store.events.intentions(event.id)).map((i) => i.target)).toEqual([25]);
  });

  it('when a workshop has experts and participants join it, then the expert reviews exactly those organisations', async () => {
    const { orgId, expertId, leaderId } = await people(store);
    const other = await store.organisations.create({ name: 'Bâti-Loire', siren: null, profile: {} }, NOW);
    const event = await store.events.create(fields, NOW);
    const w = await store.eventWorkshops.create(event.id, { title: 'Partage', pillar: 'sharing', indicators: [], testimonies: ['t1'], recordedTestimonies: [], notes: null }, [expertId], NOW);
    expect(w).toMatchObject({ expertIds: [expertId], testimonies: ['t1'], version: 1 });
    expect(await store.eventParticipants.join({ eventId: event.id, organisationId: orgId, workshopId: null, joinedAt: NOW, joinedBy: leaderId, invitationId: null, named: true })).toBe(true);
    expect(await store.eventParticipants.join({ eventId: event.id, organisationId: orgId, workshopId: null, joinedAt: later(1), joinedBy: leaderId, invitationId: null, named: false })).toBe(false);
    await store.eventParticipants.join({ eventId: event.id, organisationId: other.id, workshopId: null, joinedAt: later(2), joinedBy: null, invitationId: null, named: false });
    expect(await store.workshops.organisationsOfExpert(expertId)).toEqual([]);
    await store.eventParticipants.update(event.id, orgId, { workshopId: w.id });
    expect(await store.workshops.organisationsOfExpert(expertId)).toEqual([orgId]);
    expect((await store.eventParticipants.byEvent(event.id)).map((p) => [p.organisationName, p.named, p.workshopId])).toEqual([['Garrigue', true, w.id], ['Bâti-Loire', false, null]]);
    expect(await store.eventWorkshops.update(w.id, 1, { notes: 'Compte rendu' }, [], later(3))).toMatchObject({ notes: 'Compte rendu', expertIds: [], version: 2 });
    expect(await store.workshops.organisationsOfExpert(expertId)).toEqual([]);
  });

  it('when an invitation is withdrawn, then its digest finds it withdrawn; withdrawing it again changes nothing', async () => {
    const event = await store.events.create(fields, NOW);
    const i = await store.eventParticipants.createInvitation(event.id, 'digest-1', null, NOW);
    expect(await store.eventParticipants.invitationByHash('digest-1')).toMatchObject({ id: i.id, revokedAt: null });
    expect(await store.eventParticipants.revokeInvitation(i.id, 1, later(1))).toBe(true);
    expect(await store.eventParticipants.revokeInvitation(i.id, 2, later(2))).toBe(false);
    expect((await store.eventParticipants.invitationByHash('digest-1'))!.revokedAt).toBe(later(1));
  });

  it('when an expert writes a profile, then the first write names version 0 and later ones the current version', async () => {
    const { expertId } = await people(store);
    expect(await store.expertProfiles.save(expertId, 0, { indicators: ['a'], territory: 'Hérault', organisation: 'CCI' }, NOW)).toMatchObject({ version: 1, territory: 'Hérault' });
    expect(await store.expertProfiles.save(expertId, 0, { indicators: [], territory: null, organisation: null }, NOW)).toBeUndefined();
    expect(await store.expertProfiles.save(expertId, 1, { indicators: ['b'], territory: null, organisation: 'CCI' }, later(1))).toMatchObject({ version: 2, indicators: ['b'] });
  });

  it('when changes are audited with their event, then the event’s trail reads them in order', async () => {
    const event = await store.events.create(fields, NOW);
    await store.audit.record({ at: NOW, userId: null, organisationId: null, action: 'create', entity: 'event', entityId: event.id, eventId: event.id, detail: {} });
    await store.audit.record({ at: later(1), userId: null, organisationId: null, action: 'create', entity: 'workshop', entityId: 7, eventId: event.id, detail: { title: 'x' } });
    expect((await store.audit.byEvent(event.id)).map((e) => `${e.entity}:${e.action}`)).toEqual(['event:create', 'workshop:create']);
  });
});
