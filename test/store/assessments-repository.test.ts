import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { aResult, later, NOW, people } from '../support/store-fixtures.js';
import { openTestStore } from '../support/test-store.js';

let store: Store;
let close: () => Promise<void>;
let orgId: number;
let leaderId: number;
beforeEach(async () => {
  ({ store, close } = await openTestStore());
  ({ orgId, leaderId } = await people(store));
});
afterEach(() => close());

const draft = () => store.assessments.create({ organisationId: orgId, profile: { headcount: '10-49' }, createdBy: leaderId }, NOW);

describe('assessments repository', () => {
  it('when drafts are started, even all at once, then each organisation numbers its own 1, 2, 3… without a gap or a twin', async () => {
    const other = await store.organisations.create({ name: 'Autre', siren: null, profile: {} }, NOW);
    const made = await Promise.all([...Array.from({ length: 6 }, draft), store.assessments.create({ organisationId: other.id, profile: {}, createdBy: null }, NOW)]);
    expect(made.slice(0, 6).map((a) => a.number).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(made[6]!.number).toBe(1);
    expect(made[0]).toMatchObject({ status: 'draft', version: 1, answers: {}, carried: [], sourceId: null, createdAt: NOW });
  });

  it('when a draft is saved at a stale version, then nothing changes and the save says so', async () => {
    const a = await draft();
    const saved = await store.assessments.saveDraft(a.id, 1, { profile: { headcount: '50-249' }, answers: { q: 'oui' }, carried: [] }, later(1));
    expect(saved).toMatchObject({ version: 2, answers: { q: 'oui' }, profile: { headcount: '50-249' }, updatedAt: later(1) });
    expect(await store.assessments.saveDraft(a.id, 1, { profile: {}, answers: { q: 'non' }, carried: [] }, later(2))).toBeUndefined();
    expect((await store.assessments.get(a.id))?.answers).toEqual({ q: 'oui' });
  });

  it('when two saves of one version race, then exactly one lands', async () => {
    const a = await draft();
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((v) => store.assessments.saveDraft(a.id, 1, { profile: {}, answers: { q: v }, carried: [] }, later(1))));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect((await store.assessments.get(a.id))?.version).toBe(2);
  });

  it('when a draft is submitted, then its result is stored with it; submitting again at the old version does nothing', async () => {
    const a = await draft();
    const submitted = await store.assessments.submit(a.id, 1, aResult(61.5), leaderId, later(1));
    expect(submitted).toMatchObject({ status: 'submitted', version: 2, submittedAt: later(1), submittedBy: leaderId });
    expect(await store.assessments.result(a.id)).toMatchObject({ global: 61.5, contentVersion: '2026.2', computedAt: later(1), result: { global: 61.5 } });
    expect(await store.assessments.submit(a.id, 1, aResult(10), leaderId, later(2))).toBeUndefined();
    expect((await store.assessments.result(a.id))?.global).toBe(61.5);
  });

  it('when a submitted assessment is reopened, then its result moves to the earlier results; a stale reopening changes nothing', async () => {
    const a = await draft();
    await store.assessments.submit(a.id, 1, aResult(40), leaderId, later(1));
    expect(await store.assessments.reopen(a.id, 1, leaderId, later(2))).toBeUndefined();
    const [first, second] = await Promise.all([store.assessments.reopen(a.id, 2, leaderId, later(2)), store.assessments.reopen(a.id, 2, leaderId, later(2))]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await store.assessments.get(a.id)).toMatchObject({ status: 'draft', version: 3, submittedAt: null, submittedBy: null });
    expect(await store.assessments.result(a.id)).toBeUndefined();
    expect(await store.assessments.earlierResults(a.id)).toEqual([
      expect.objectContaining({ global: 40, submittedAt: later(1), submittedBy: leaderId, reopenedAt: later(2), reopenedBy: leaderId }),
    ]);
  });

  it('when a draft is deleted, then only at its version and only while a draft', async () => {
    const a = await draft();
    expect(await store.assessments.deleteDraft(a.id, 2)).toBe(false);
    expect(await store.assessments.deleteDraft(a.id, 1)).toBe(true);
    expect(await store.assessments.get(a.id)).toBeUndefined();
    const b = await draft();
    await store.assessments.submit(b.id, 1, aResult(1), null, NOW);
    expect(await store.assessments.deleteDraft(b.id, 2)).toBe(false);
  });

  it('when a re-assessment starts from an earlier one, then it keeps where it came from and what it carried', async () => {
    const a = await draft();
    const b = await store.assessments.create({ organisationId: orgId, profile: {}, answers: { q: 'oui' }, createdBy: leaderId, sourceId: a.id, carried: ['q'] }, later(1));
    expect(b).toMatchObject({ number: 2, sourceId: a.id, carried: ['q'], answers: { q: 'oui' } });
    expect((await store.assessments.listByOrganisation(orgId)).map((x) => x.id)).toEqual([a.id, b.id]);
  });

  it('when asked for the latest submitted assessment, then it is the last submitted (the later one on a tie), drafts aside, and before a given one the one just before it', async () => {
    expect(await store.assessments.latestSubmitted(orgId)).toBeUndefined();
    const [a, b, c, d] = [await draft(), await draft(), await draft(), await draft()];
    // Submitted out of creation order; c and a at the same instant.
    await store.assessments.submit(b.id, 1, aResult(1), leaderId, later(1));
    await store.assessments.submit(c.id, 1, aResult(2), leaderId, later(3));
    await store.assessments.submit(a.id, 1, aResult(3), leaderId, later(3));
    const other = await store.organisations.create({ name: 'Autre', siren: null, profile: {} }, NOW);
    const elsewhere = await store.assessments.create({ organisationId: other.id, profile: {}, createdBy: null }, NOW);
    await store.assessments.submit(elsewhere.id, 1, aResult(4), null, later(9));
    expect((await store.assessments.latestSubmitted(orgId))?.id).toBe(c.id);
    expect((await store.assessments.latestSubmitted(orgId, { submittedAt: later(3), id: c.id }))?.id).toBe(a.id);
    expect((await store.assessments.latestSubmitted(orgId, { submittedAt: later(3), id: a.id }))?.id).toBe(b.id);
    expect(await store.assessments.latestSubmitted(orgId, { submittedAt: later(1), id: b.id })).toBeUndefined();
    expect((await store.assessments.get(d.id))?.status).toBe('draft');
  });
});
