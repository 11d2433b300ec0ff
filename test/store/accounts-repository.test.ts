import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { later, NOW, people } from '../support/store-fixtures.js';
import { openTestStore } from '../support/test-store.js';

let store: Store;
let close: () => Promise<void>;
beforeEach(async () => ({ store, close } = await openTestStore()));
afterEach(() => close());

describe('accounts, organisations, workshops and audit repositories', () => {
  it('when a user is looked up by email in another case, then it is found, and a second account with that email in any case is refused', async () => {
    const { leaderId } = await people(store);
    expect((await store.accounts.findByEmail('LEADER@Test.org'))?.id).toBe(leaderId);
    expect((await store.accounts.findByEmail('leader@test.org'))?.passwordHash).toBe('hash');
    await expect(store.accounts.createUser({ email: 'Leader@TEST.org', name: 'Twin', passwordHash: null, role: 'leader' }, NOW)).rejects.toThrow();
    expect(await store.accounts.countUsers()).toBe(3);
    expect(typeof (await store.accounts.countUsers())).toBe('number');
  });

  it('when a membership is added twice, then it is kept once with the latest role', async () => {
    const { orgId, advisorId } = await people(store);
    await store.accounts.addMembership(advisorId, orgId, 'leader');
    expect(await store.accounts.memberships(advisorId)).toEqual([{ userId: advisorId, organisationId: orgId, role: 'leader' }]);
  });

  it('when a session expires or is deleted, then it names nobody', async () => {
    const { leaderId } = await people(store);
    await store.accounts.createSession('s1', leaderId, NOW, later(60));
    await store.accounts.createSession('s2', leaderId, NOW, later(1));
    expect((await store.accounts.sessionUser('s1', later(30)))?.id).toBe(leaderId);
    expect(await store.accounts.sessionUser('s2', later(30))).toBeUndefined();
    expect(await store.accounts.deleteExpiredSessions(later(30))).toBe(1);
    await store.accounts.deleteSession('s1');
    expect(await store.accounts.sessionUser('s1', later(30))).toBeUndefined();
  });

  it('when a token is used then revoked, then its last use is kept and it names nobody any more; revoking it again changes nothing', async () => {
    const { leaderId, advisorId } = await people(store);
    const token = await store.accounts.createToken(leaderId, 'export', 't1', NOW);
    expect((await store.accounts.tokenUser('t1', later(5)))?.id).toBe(leaderId);
    expect((await store.accounts.tokens(leaderId))[0]).toMatchObject({ id: token.id, name: 'export', lastUsedAt: later(5), revokedAt: null });
    expect(await store.accounts.revokeToken(advisorId, token.id, later(6))).toBe(false);
    expect(await store.accounts.revokeToken(leaderId, token.id, later(6))).toBe(true);
    expect(await store.accounts.revokeToken(leaderId, token.id, later(7))).toBe(false);
    expect(await store.accounts.tokenUser('t1', later(8))).toBeUndefined();
  });

  it('when organisations are listed, then they come by name (code-point order, as SQLite sorts), all or only those asked', async () => {
    const names = ['garrigue', 'Zèbre', 'Abeille', 'Émeraude', 'Abeille'];
    const ids: number[] = [];
    for (const name of names) ids.push((await store.organisations.create({ name, siren: null, profile: {} }, NOW)).id);
    expect((await store.organisations.list()).map((o) => o.name)).toEqual(['Abeille', 'Abeille', 'Zèbre', 'garrigue', 'Émeraude']);
    expect((await store.organisations.list([ids[0]!, ids[3]!])).map((o) => o.name)).toEqual(['garrigue', 'Émeraude']);
    expect(await store.organisations.list([])).toEqual([]);
    expect(await store.organisations.count()).toBe(5);
  });

  it('when an organisation is updated, then only the fields given change', async () => {
    const { orgId } = await people(store);
    expect(await store.organisations.update(orgId, { name: 'Garrigue SAS' })).toMatchObject({ name: 'Garrigue SAS', siren: '123456789', profile: { headcount: '10-49' } });
    expect(await store.organisations.update(orgId, { profile: { headcount: '50-249' } })).toMatchObject({ name: 'Garrigue SAS', profile: { headcount: '50-249' } });
    expect(await store.organisations.update(orgId, {})).toMatchObject({ name: 'Garrigue SAS' });
    expect(await store.organisations.update(9999, { name: 'x' })).toBeUndefined();
  });

  it('when workshops are created, then each lists its organisations, and an expert sees those of their workshops', async () => {
    const { orgId, expertId } = await people(store);
    const other = await store.organisations.create({ name: 'Bâti-Loire', siren: null, profile: {} }, NOW);
    const first = await store.workshops.create({ title: 'Atelier 2', expertUserId: expertId, date: '2026-12-01', place: 'Nîmes', pillar: null, organisationIds: [other.id, orgId] }, NOW);
    await store.workshops.create({ title: 'Atelier 1', expertUserId: expertId, date: '2026-10-01', place: 'Sète', pillar: 'sharing', organisationIds: [] }, NOW);
    await store.workshops.addOrganisation(first.id, orgId);
    expect(first.organisationIds).toEqual([orgId, other.id]);
    expect((await store.workshops.list()).map((w) => [w.title, w.organisationIds])).toEqual([['Atelier 1', []], ['Atelier 2', [orgId, other.id]]]);
    expect((await store.workshops.organisationsOfExpert(expertId)).sort()).toEqual([orgId, other.id].sort());
    expect(await store.workshops.byExpert(expertId + 100)).toEqual([]);
  });

  it('when changes are audited, then the organisation reads them in order with their details', async () => {
    const { orgId, leaderId } = await people(store);
    await store.audit.record({ at: NOW, userId: leaderId, organisationId: orgId, action: 'create', entity: 'assessment', entityId: 1, detail: { a: 1 } });
    await store.audit.record({ at: later(1), userId: null, organisationId: orgId, action: 'save', entity: 'assessment', entityId: 1, detail: { answers: { q: 'é' } } });
    expect((await store.audit.byOrganisation(orgId)).map((e) => [e.action, e.detail])).toEqual([['create', { a: 1 }], ['save', { answers: { q: 'é' } }]]);
  });
});
