import { organisationAccess, planAccess, type Access, type Actor } from '../core/access.js';
import { canReview, canSubmit, changedFields, editKind, statusAfterEdit, statusAfterReview, type EditKind, type ReviewDecision } from '../core/plan-workflow.js';
import { bilingual } from '../core/text.js';
import type { ItemFields, Plan, PlanHistoryEntry } from '../store/plan-records.js';
import type { PlansRepository } from '../store/plans-repository.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, notFound, ok, type Result } from './app-error.js';
import { readOnly } from './organisations.js';
import { dueInput, missingTitle, newItemFields, ownTitle, type ItemInput } from './plan-item-input.js';

const planNotFound = () => notFound('Plan d’action', 'Action plan');

/** A plan the actor may see: its organisation's members, admins, and once submitted the experts of its workshops. */
async function visible(ctx: AppContext, actor: Actor, id: number): Promise<Result<{ plan: Plan; access: Access }>> {
  const plan = await ctx.store.plans.get(id);
  const access = plan ? planAccess(organisationAccess(actor, plan.organisationId), plan) : 'none';
  return plan && access !== 'none' ? ok({ plan, access }) : planNotFound();
}

async function editable(ctx: AppContext, actor: Actor, id: number, version: number): Promise<Result<Plan>> {
  const found = await visible(ctx, actor, id);
  if (!found.ok) return found;
  if (found.value.access !== 'edit') return readOnly();
  if (found.value.plan.version !== version) return conflict(found.value.plan);
  return ok(found.value.plan);
}

function conflict(current: Plan) {
  return fail('conflict', 'version-conflict', bilingual(
    'Ce plan a été modifié entre-temps : rechargez-le avant de recommencer.',
    'This plan was changed meanwhile: reload it before trying again.',
  ), { current });
}

export async function getPlan(ctx: AppContext, actor: Actor, id: number): Promise<Result<Plan>> {
  const found = await visible(ctx, actor, id);
  return found.ok ? ok(found.value.plan) : found;
}

export async function listPlans(ctx: AppContext, actor: Actor, organisationId: number): Promise<Result<Plan[]>> {
  const access = organisationAccess(actor, organisationId);
  if (access === 'none' || !(await ctx.store.organisations.get(organisationId))) return notFound('Organisation', 'Organisation');
  return ok((await ctx.store.plans.listByOrganisation(organisationId)).filter((plan) => planAccess(access, plan) !== 'none'));
}

export async function planHistory(ctx: AppContext, actor: Actor, id: number): Promise<Result<PlanHistoryEntry[]>> {
  const found = await visible(ctx, actor, id);
  return found.ok ? ok(await ctx.store.plans.history(id)) : found;
}

/** Starts a plan from a submitted assessment, optionally with suggested actions as its first items. */
export async function createPlan(ctx: AppContext, actor: Actor, assessmentId: number, input: { title?: string; actionIds?: string[] }): Promise<Result<Plan>> {
  const assessment = await ctx.store.assessments.get(assessmentId);
  const access = assessment ? organisationAccess(actor, assessment.organisationId) : 'none';
  if (!assessment || access === 'none' || (access === 'review' && assessment.status !== 'submitted')) return notFound('Évaluation', 'Assessment');
  if (access !== 'edit') return readOnly();
  if (assessment.status !== 'submitted') {
    return fail('conflict', 'assessment-not-submitted', bilingual('Un plan part d’une évaluation soumise : soumettez-la d’abord.', 'A plan starts from a submitted assessment: submit it first.'));
  }
  const items: ItemFields[] = [];
  for (const actionId of input.actionIds ?? []) {
    const fields = newItemFields(ctx, { actionId });
    if (!fields.ok) return fields;
    items.push(fields.value);
  }
  const now = isoNow(ctx);
  const plan = await ctx.store.transaction(async (tx) => {
    const id = await tx.plans.create({ organisationId: assessment.organisationId, assessmentId, title: input.title ?? `Plan d’action ${now.slice(0, 4)}`, createdBy: actor.userId }, now);
    for (const item of items) await tx.plans.addItem(id, item);
    await tx.plans.recordHistory(id, { version: 1, at: now, userId: actor.userId, action: 'create', detail: { assessmentId, actionIds: input.actionIds ?? [] } });
    await tx.audit.record({ at: now, userId: actor.userId, organisationId: assessment.organisationId, action: 'create', entity: 'plan', entityId: id, detail: {} });
    return (await tx.plans.get(id))!;
  });
  return ok(plan);
}

/** What an edit does to a plan, once checked: null when it changes nothing. */
interface Change {
  kind: EditKind;
  action: string;
  detail: Record<string, unknown>;
  /** Given the plans of the change's transaction. */
  apply: (plans: PlansRepository) => Promise<void>;
  title?: string;
}

/** One edit of a plan: version checked, status moved by the workflow, history kept. */
async function edit(ctx: AppContext, actor: Actor, id: number, version: number, work: (plan: Plan) => Promise<Result<Change | null>> | Result<Change | null>): Promise<Result<Plan>> {
  const found = await editable(ctx, actor, id, version);
  if (!found.ok) return found;
  const prepared = await work(found.value);
  if (!prepared.ok) return prepared;
  const change = prepared.value;
  if (change === null) return ok(found.value);
  const changed = await ctx.store.plans.change(id, version, {
    status: statusAfterEdit(found.value.status, change.kind), action: change.action, detail: change.detail, userId: actor.userId, now: isoNow(ctx),
    ...(change.title !== undefined && { fields: { title: change.title } }),
  }, change.apply);
  return changed ? ok(changed) : conflict((await ctx.store.plans.get(id))!);
}

export function renamePlan(ctx: AppContext, actor: Actor, id: number, version: number, title: string): Promise<Result<Plan>> {
  return edit(ctx, actor, id, version, (plan) => ok(plan.title === title ? null : { kind: 'content', action: 'rename', detail: { title }, apply: async () => {}, title }));
}

export async function addItem(ctx: AppContext, actor: Actor, id: number, version: number, input: ItemInput): Promise<Result<Plan>> {
  const fields = newItemFields(ctx, input);
  if (!fields.ok) return fields;
  return edit(ctx, actor, id, version, (plan) => ok({ kind: 'content', action: 'add-item', detail: { item: fields.value }, apply: async (plans) => void (await plans.addItem(plan.id, fields.value)) }));
}

/**
 * Changes an item. Only fields whose value really changes count: the page's form sends them all,
 * and recording progress on an approved plan must keep its approval.
 */
export async function updateItem(ctx: AppContext, actor: Actor, id: number, itemId: number, version: number, input: Omit<ItemInput, 'actionId' | 'indicator'>): Promise<Result<Plan>> {
  const due = dueInput(input.due);
  if (!due.ok) return due;
  return edit(ctx, actor, id, version, (plan) => {
    const item = plan.items.find((i) => i.id === itemId);
    if (!item) return notFound('Élément du plan', 'Plan item');
    const { id: _id, position: _position, ...current } = item;
    const wanted = { ...input, ...(input.due !== undefined && { due: due.value }), ...(input.notes !== undefined && { notes: input.notes?.trim() ? input.notes : null }) };
    if (input.title !== undefined) wanted.title = ownTitle(ctx, item, input.title);
    if (item.actionId === null && wanted.title === null) return missingTitle();
    const changes = changedFields(current, wanted);
    if (Object.keys(changes).length === 0) return ok(null);
    const kind = editKind(changes);
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof typeof current]]));
    return ok({ kind, action: kind === 'progress' ? 'progress' : 'update-item', detail: { itemId, changes, before }, apply: (plans) => plans.updateItem(plan.id, itemId, { ...current, ...changes }) });
  });
}

export function removeItem(ctx: AppContext, actor: Actor, id: number, itemId: number, version: number): Promise<Result<Plan>> {
  return edit(ctx, actor, id, version, (plan) =>
    plan.items.some((i) => i.id === itemId)
      ? ok({ kind: 'content', action: 'remove-item', detail: { itemId }, apply: (plans) => plans.removeItem(plan.id, itemId, isoNow(ctx)) })
      : notFound('Élément du plan', 'Plan item'));
}

/** Puts a removed item back where it was, with its fields and comments: the undo of a removal. */
export function restoreItem(ctx: AppContext, actor: Actor, id: number, itemId: number, version: number): Promise<Result<Plan>> {
  return edit(ctx, actor, id, version, async (plan) =>
    (await ctx.store.plans.isRemoved(plan.id, itemId))
      ? ok({ kind: 'content', action: 'restore-item', detail: { itemId }, apply: (plans) => plans.restoreItem(plan.id, itemId) })
      : notFound('Élément retiré du plan', 'Removed plan item'));
}

export function reorderItems(ctx: AppContext, actor: Actor, id: number, version: number, itemIds: number[]): Promise<Result<Plan>> {
  return edit(ctx, actor, id, version, (plan) => {
    const same = itemIds.length === plan.items.length && plan.items.every((i) => itemIds.includes(i.id));
    if (!same) return fail('invalid', 'invalid-order', bilingual('L’ordre doit citer chaque élément du plan une fois.', 'The order must name every item of the plan once.'));
    if (plan.items.every((item, i) => item.id === itemIds[i])) return ok(null);
    return ok({ kind: 'content', action: 'reorder', detail: { itemIds }, apply: (plans) => plans.reorder(plan.id, itemIds) });
  });
}

export async function submitPlan(ctx: AppContext, actor: Actor, id: number, version: number): Promise<Result<Plan>> {
  const found = await editable(ctx, actor, id, version);
  if (!found.ok) return found;
  if (!canSubmit(found.value.status)) return wrongState(found.value, 'submit');
  if (found.value.items.length === 0) return fail('invalid', 'empty-plan', bilingual('Ajoutez au moins une action avant de soumettre le plan.', 'Add at least one action before submitting the plan.'));
  const now = isoNow(ctx);
  const changed = await ctx.store.plans.change(id, version, { status: 'submitted', action: 'submit', detail: {}, userId: actor.userId, now, fields: { submitted_at: now } });
  return changed ? ok(changed) : conflict((await ctx.store.plans.get(id))!);
}

/** The organisation shares its draft with its workshop's experts (or stops sharing it): they may then read and comment on it. */
export async function sharePlan(ctx: AppContext, actor: Actor, id: number, input: { version: number; shared: boolean }): Promise<Result<Plan>> {
  const found = await editable(ctx, actor, id, input.version);
  if (!found.ok) return found;
  const now = isoNow(ctx);
  const changed = await ctx.store.plans.change(id, input.version, {
    status: found.value.status, action: input.shared ? 'share' : 'unshare', detail: {}, userId: actor.userId, now, fields: { shared_at: input.shared ? now : null },
  });
  return changed ? ok(changed) : conflict((await ctx.store.plans.get(id))!);
}

/** The workshop's expert approves the plan or asks for changes, with an optional comment. */
export async function reviewPlan(ctx: AppContext, actor: Actor, id: number, input: { version: number; decision: ReviewDecision; comment?: string }): Promise<Result<Plan>> {
  const found = await visible(ctx, actor, id);
  if (!found.ok) return found;
  const { plan, access } = found.value;
  if (access !== 'review' || actor.role !== 'expert') {
    return fail('forbidden', 'not-reviewer', bilingual('Seul l’expert de l’atelier de cette organisation relit ses plans.', 'Only the expert of this organisation’s workshop reviews its plans.'));
  }
  if (plan.version !== input.version) return conflict(plan);
  if (!canReview(plan.status)) return wrongState(plan, 'review');
  const now = isoNow(ctx);
  const changed = await ctx.store.plans.change(id, input.version, {
    status: statusAfterReview(input.decision), action: input.decision, detail: { comment: input.comment ?? null }, userId: actor.userId, now,
    fields: { reviewed_at: now, reviewed_by: actor.userId },
  }, async (plans) => {
    if (input.comment) await plans.addComment(id, null, actor.userId, input.comment, now, input.decision);
  });
  return changed ? ok(changed) : conflict((await ctx.store.plans.get(id))!);
}

/** A comment on the plan or one of its items, by its organisation or its expert. */
export async function commentPlan(ctx: AppContext, actor: Actor, id: number, input: { itemId?: number; body: string }): Promise<Result<Plan>> {
  const found = await visible(ctx, actor, id);
  if (!found.ok) return found;
  const { plan } = found.value;
  if (input.itemId !== undefined && !plan.items.some((i) => i.id === input.itemId)) return notFound('Élément du plan', 'Plan item');
  const now = isoNow(ctx);
  return ok(await ctx.store.transaction(async (tx) => {
    await tx.plans.addComment(id, input.itemId ?? null, actor.userId, input.body, now);
    await tx.plans.recordHistory(id, { version: plan.version, at: now, userId: actor.userId, action: 'comment', detail: { itemId: input.itemId ?? null, body: input.body } });
    return (await tx.plans.get(id))!;
  }));
}

const STATUS_WORDS: Record<Plan['status'], [string, string]> = {
  draft: ['brouillon', 'draft'], submitted: ['soumis pour relecture', 'submitted for review'],
  'changes-requested': ['modifications demandées', 'changes requested'], approved: ['approuvé', 'approved'],
};

function wrongState(plan: Plan, what: 'submit' | 'review') {
  const [fr, en] = STATUS_WORDS[plan.status];
  return fail('conflict', 'invalid-plan-state', bilingual(
    what === 'submit' ? `Ce plan est « ${fr} » : il ne peut pas être soumis.` : `Ce plan est « ${fr} » : il n’attend pas de relecture.`,
    what === 'submit' ? `This plan is "${en}": it cannot be submitted.` : `This plan is "${en}": it is not awaiting review.`,
  ), { current: plan });
}
