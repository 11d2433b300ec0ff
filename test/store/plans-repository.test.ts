import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemFields } from '../../src/store/plan-records.js';
import type { Store } from '../../src/store/store.js';
import { aResult, later, NOW, people } from '../support/store-fixtures.js';
import { openTestStore } from '../support/test-store.js';

let store: Store;
let close: () => Promise<void>;
let ids: Awaited<ReturnType<typeof people>>;
let planId: number;
const item = (indicator: string): ItemFields => ({ actionId: null, indicator, title: `Action ${indicator}`, owner: null, due: '2027-03', status: 'todo', target: null, successIndicator: null, notes: null });

beforeEach(async () => {
  ({ store, close } = await openTestStore());
  ids = await people(store);
  const a = await store.assessments.create({ organisationId: ids.orgId, profile: {}, createdBy: ids.leaderId }, NOW);
  await store.assessments.submit(a.id, 1, aResult(50), ids.leaderId, NOW);
  planId = await store.plans.create({ organisationId: ids.orgId, assessmentId: a.id, title: 'Plan 2026', createdBy: ids.leaderId }, NOW);
});
afterEach(() => close());

const change = (version: number, action = 'edit') => ({ status: 'draft' as const, action, detail: {}, userId: ids.leaderId, now: later(version) });

describe('plans repository', () => {
  it('when a change is made at the plan’s version, then its work, the new version and a history entry land together', async () => {
    const plan = await store.plans.change(planId, 1, change(1, 'add-item'), async (plans) => {
      await plans.addItem(planId, item('carbon'));
      await plans.addItem(planId, item('inclusion'));
    });
    expect(plan).toMatchObject({ version: 2, items: [{ position: 1, indicator: 'carbon' }, { position: 2, indicator: 'inclusion' }] });
    expect((await store.plans.history(planId)).map((h) => [h.version, h.action, h.snapshot.items.length])).toEqual([[2, 'add-item', 2]]);
  });

  it('when a change comes at a stale version, or its work fails, then nothing of it lands', async () => {
    expect(await store.plans.change(planId, 7, change(7), async (plans) => void (await plans.addItem(planId, item('x'))))).toBeUndefined();
    await expect(store.plans.change(planId, 1, change(1), async (plans) => {
      await plans.addItem(planId, item('y'));
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await store.plans.get(planId)).toMatchObject({ version: 1, items: [] });
    expect(await store.plans.history(planId)).toEqual([]);
  });

  it('when two changes of one version race, then exactly one lands', async () => {
    const outcomes = await Promise.all(['a', 'b', 'c'].map((x) => store.plans.change(planId, 1, change(1), async (plans) => void (await plans.addItem(planId, item(x))))));
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    expect((await store.plans.get(planId))!.items).toHaveLength(1);
  });

  it('when an item is removed, its comments wait out of sight; when it is restored, both come back', async () => {
    const itemId = await store.plans.addItem(planId, item('carbon'));
    await store.plans.addComment(planId, itemId, ids.expertId, 'Chiffrez-la.', NOW);
    await store.plans.addComment(planId, null, ids.expertId, 'Bien.', NOW);
    await store.plans.removeItem(planId, itemId, later(1));
    expect(await store.plans.isRemoved(planId, itemId)).toBe(true);
    expect((await store.plans.get(planId))!.comments.map((c) => c.body)).toEqual(['Bien.']);
    await store.plans.restoreItem(planId, itemId);
    const plan = (await store.plans.get(planId))!;
    expect(plan.items.map((i) => i.id)).toEqual([itemId]);
    expect(plan.comments.map((c) => [c.body, c.authorName])).toEqual([['Chiffrez-la.', 'Halima'], ['Bien.', 'Halima']]);
  });

  it('when items are reordered or updated, then the plan reads them so', async () => {
    const [a, b] = [await store.plans.addItem(planId, item('a')), await store.plans.addItem(planId, item('b'))];
    await store.plans.reorder(planId, [b, a]);
    await store.plans.updateItem(planId, a, { ...item('a'), status: 'done', notes: 'fait' });
    expect((await store.plans.get(planId))!.items.map((i) => [i.id, i.status, i.notes])).toEqual([[b, 'todo', null], [a, 'done', 'fait']]);
  });

  it('when an expert decides, then the last decision is read from the history with its comment and reviewer', async () => {
    expect((await store.plans.get(planId))!.lastDecision).toBeNull();
    const reviewed = await store.plans.change(planId, 1, { status: 'changes-requested', action: 'request-changes', detail: { comment: 'Datez.' }, userId: ids.expertId, now: later(1), fields: { reviewed_at: later(1), reviewed_by: ids.expertId } });
    expect(reviewed).toMatchObject({ status: 'changes-requested', reviewedBy: ids.expertId, reviewedAt: later(1), lastDecision: { decision: 'request-changes', comment: 'Datez.', reviewerName: 'Halima', at: later(1) } });
    await store.plans.change(planId, 2, { status: 'approved', action: 'approve', detail: { comment: null }, userId: ids.expertId, now: later(2), fields: { title: 'Plan revu' } });
    expect((await store.plans.get(planId))).toMatchObject({ title: 'Plan revu', reviewedAt: later(1), lastDecision: { decision: 'approve', comment: null } });
  });

  it('when plans are listed, then by organisation and by baseline assessment', async () => {
    const plan = (await store.plans.get(planId))!;
    expect((await store.plans.listByOrganisation(ids.orgId)).map((p) => p.id)).toEqual([planId]);
    expect((await store.plans.byAssessment(plan.assessmentId)).map((p) => p.id)).toEqual([planId]);
  });
});
