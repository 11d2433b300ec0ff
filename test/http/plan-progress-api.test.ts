import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submittedAssessment } from '../support/plan-fixtures.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let assessmentId: number;

beforeAll(async () => {
  h = await startHarness();
  assessmentId = await submittedAssessment(h, 'leaderA', h.orgA);
});
afterAll(async () => h.close());

type Item = { id: number; title: string | null; displayTitle: string; owner: string | null; due: string | null; status: string; target: string | null; successIndicator: string | null; notes: string | null };
type PlanBody = { id: number; version: number; status: string; items: Item[] };

/** A plan of two suggested actions, one given an owner and a date, approved by the expert. */
async function approvedPlan(): Promise<PlanBody> {
  const { body: s } = await h.call('leaderA', 'GET', `/assessments/${assessmentId}/suggestions?limit=2`);
  let plan: PlanBody = (await h.call('leaderA', 'POST', `/assessments/${assessmentId}/plans`, { actionIds: s.suggestions.map((x: { actionId: string }) => x.actionId) })).body;
  plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[0]!.id}`, { version: plan.version, owner: 'Inès', due: '2027-03', target: '4 recrutements', successIndicator: 'part des embauches' })).body;
  plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/submit`, { version: plan.version })).body;
  plan = (await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'approve' })).body;
  expect(plan.status).toBe('approved');
  return plan;
}

/** Every field of an item as the edit form holds it: the displayed title, empty strings as null. */
const asForm = (item: Item) => ({
  title: item.displayTitle, owner: item.owner, due: item.due, status: item.status, target: item.target, successIndicator: item.successIndicator, notes: item.notes,
});

describe('recording progress on an approved plan', () => {
  it('when every field is sent unchanged but the status, then the plan stays approved and the history says progress', async () => {
    const plan = await approvedPlan();
    const item = plan.items[0]!;
    const res = await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${item.id}`, { version: plan.version, ...asForm(item), status: 'in-progress' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
    expect(res.body.items[0]).toMatchObject({ status: 'in-progress', title: null, owner: 'Inès', due: '2027-03' });
    const history = (await h.call('leaderA', 'GET', `/plans/${plan.id}/history`)).body as { action: string; detail: { changes?: Record<string, unknown> } }[];
    expect(history.at(-1)).toMatchObject({ action: 'progress', detail: { changes: { status: 'in-progress' } } });
  });

  it('when the due date is sent in another written form of the same month, then it is no change either', async () => {
    const plan = await approvedPlan();
    const item = plan.items[0]!;
    const res = await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${item.id}`, { version: plan.version, ...asForm(item), due: '03/2027', notes: 'Premier entretien fait.' });
    expect(res.body).toMatchObject({ status: 'approved', items: [expect.objectContaining({ due: '2027-03', notes: 'Premier entretien fait.' }), expect.anything()] });
  });

  it('when nothing at all changes, then the plan and its version stay as they were', async () => {
    const plan = await approvedPlan();
    const item = plan.items[1]!;
    const res = await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${item.id}`, { version: plan.version, ...asForm(item) });
    expect(res.body).toMatchObject({ status: 'approved', version: plan.version });
  });

  it('when the owner really changes, then the plan goes back to draft', async () => {
    const plan = await approvedPlan();
    const item = plan.items[0]!;
    const res = await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${item.id}`, { version: plan.version, ...asForm(item), owner: 'Nadia', status: 'done' });
    expect(res.body.status).toBe('draft');
    const history = (await h.call('leaderA', 'GET', `/plans/${plan.id}/history`)).body as { action: string; detail: { changes?: Record<string, unknown> } }[];
    expect(history.at(-1)).toMatchObject({ action: 'update-item', detail: { changes: { owner: 'Nadia', status: 'done' } } });
  });
});

describe('due dates and the words of errors', () => {
  it('when a due date is typed as people write it, then it is stored as a month or a quarter', async () => {
    let plan: PlanBody = (await h.call('leaderA', 'POST', `/assessments/${assessmentId}/plans`, {})).body;
    plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/items`, { version: plan.version, title: 'Former les encadrants', indicator: 'inclusion', due: 'T1 2027' })).body;
    const item = plan.items[0]!;
    expect(item.due).toBe('2027-Q1');
    for (const [typed, stored] of [['Q3 2027', '2027-Q3'], ['03/2027', '2027-03'], ['mars 2028', '2028-03'], ['2027-Q2', '2027-Q2']] as const) {
      plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${item.id}`, { version: plan.version, due: typed })).body;
      expect(plan.items[0]!.due).toBe(stored);
    }
  });

  it('when a due date cannot be read or a field is empty, then the message says it in words, on its field', async () => {
    const plan: PlanBody = (await h.call('leaderA', 'POST', `/assessments/${assessmentId}/plans`, {})).body;
    const bad = await h.call('leaderA', 'POST', `/plans/${plan.id}/items`, { version: plan.version, title: 'X', indicator: 'inclusion', due: '2027-13' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: '/due', message: expect.stringContaining('«\u00a02027-13\u00a0» non reconnue') })]);
    const empty = await h.call('leaderA', 'POST', `/plans/${plan.id}/comments`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues).toEqual([expect.objectContaining({ path: '/body', message: 'Le commentaire est vide.' })]);
    const long = await h.call('leaderA', 'POST', `/plans/${plan.id}/items`, { version: plan.version, title: 'x'.repeat(201), indicator: 'inclusion' }, { 'accept-language': 'en' });
    expect(long.body.error.issues).toEqual([expect.objectContaining({ path: '/title', message: 'The title: 200 characters at most.' })]);
    expect(JSON.stringify([bad.body, empty.body, long.body])).not.toMatch(/Trop petit|Too small|Too big|Trop grand|>=|<=/);
  });
});

describe('removing an item, and putting it back', () => {
  it('when an item with a comment is removed, then it leaves the plan, and restoring it brings it back in place with its comment', async () => {
    const plan = await approvedPlan();
    const [first, second] = plan.items;
    await h.call('expertA', 'POST', `/plans/${plan.id}/comments`, { itemId: first!.id, body: 'Chiffrez cette action.' });
    const removed = await h.call('leaderA', 'DELETE', `/plans/${plan.id}/items/${first!.id}?version=${plan.version}`);
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((i: Item) => i.id)).toEqual([second!.id]);
    expect(removed.body.comments.map((c: { body: string }) => c.body)).not.toContain('Chiffrez cette action.');
    const restored = await h.call('leaderA', 'POST', `/plans/${plan.id}/items/${first!.id}/restore`, { version: removed.body.version });
    expect(restored.status).toBe(200);
    expect(restored.body.items.map((i: Item) => i.id)).toEqual([first!.id, second!.id]);
    expect(restored.body.items[0]).toMatchObject({ owner: 'Inès', due: '2027-03', target: '4 recrutements' });
    expect(restored.body.comments).toEqual([expect.objectContaining({ itemId: first!.id, body: 'Chiffrez cette action.' })]);
    const history = (await h.call('leaderA', 'GET', `/plans/${plan.id}/history`)).body as { action: string }[];
    expect(history.slice(-2).map((e) => e.action)).toEqual(['remove-item', 'restore-item']);
    // Only a removed item of this plan comes back; twice is "not found".
    expect((await h.call('leaderA', 'POST', `/plans/${plan.id}/items/${first!.id}/restore`, { version: restored.body.version })).status).toBe(404);
    expect((await h.call('leaderB', 'POST', `/plans/${plan.id}/items/${first!.id}/restore`, { version: restored.body.version })).status).toBe(404);
    // Restoring an item edits the plan, so it is a draft again: the organisation's own, unseen by the expert.
    expect((await h.call('expertA', 'POST', `/plans/${plan.id}/items/${first!.id}/restore`, { version: restored.body.version })).status).toBe(404);
    expect((await h.call(null, 'POST', `/plans/${plan.id}/items/${first!.id}/restore`, { version: restored.body.version })).status).toBe(401);
  });
});

describe('what a plan still misses before review', () => {
  it('when items have no owner or no due date, then the plan lists them, and dropped items are left out', async () => {
    const { body: s } = await h.call('leaderA', 'GET', `/assessments/${assessmentId}/suggestions?limit=3`);
    let plan = (await h.call('leaderA', 'POST', `/assessments/${assessmentId}/plans`, { actionIds: s.suggestions.map((x: { actionId: string }) => x.actionId) })).body;
    const [a, b, c] = plan.items as Item[];
    plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${a!.id}`, { version: plan.version, owner: 'Inès', due: 'T2 2027' })).body;
    plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${b!.id}`, { version: plan.version, owner: 'Marc' })).body;
    plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${c!.id}`, { version: plan.version, status: 'dropped' })).body;
    expect(plan.incomplete).toEqual([{ itemId: b!.id, title: b!.displayTitle, missing: ['due'] }]);
  });
});
