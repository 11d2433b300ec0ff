import { organisationAccess, planAccess, type Access, type Actor } from '../core/access.js';
import { canReview, canSubmit, changedFields, editKind, statusAfterEdit, statusAfterReview, type EditKind, type ReviewDecision } from '../core/plan-workflow.js';
import { bilingual } from '../core/text.js';
import type { ItemFields, Plan, PlanHistoryEntry } from '../store/plan-records.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, notFound, ok, type Result } from './app-error.js';
import { readOnly } from './organisations.js';
import { dueInput, missingTitle, newItemFields, ownTitle, type ItemInput } from './plan-item-input.js';

const planNotFound = () => notFound('Plan d’action', 'Action plan');

/** A plan the actor may see: its organisation's members, admins, and once submitted the experts of its workshops. */
function visible(ctx: AppContext, actor: Actor, id: number): Result<{ plan: Plan; access: Access }> {
  const plan = ctx.store.plans.get(id);
  const access = plan ? planAccess(organisationAccess(actor, plan.organisationId), plan) : 'none';
  return plan && access !== 'none' ? ok({ plan, access }) : planNotFound();
}

function editable(ctx: AppContext, actor: Actor, id: number, version: number): Result<Plan> {
  const found = visible(ctx, actor, id);
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

export function getPlan(ctx: AppContext, actor: Actor, id: number): Result<Plan> {
  const found = visible(ctx, actor, id);
  return found.ok ? ok(found.value.plan) : found;
}

export function listPlans(ctx: AppContext, actor: Actor, organisationId: number): Result<Plan[]> {
  const access = organisationAccess(actor, organisationId);
  if (access === 'none' || !ctx.store.organisations.get(organisationId)) return notFound('Organisation', 'Organisation');
  return ok(ctx.store.plans.listByOrganisation(organisationId).filter((plan) => planAccess(access, plan) !== 'none'));
}

export function planHistory(ctx: AppContext, actor: Actor, id: number): Result<PlanHistoryEntry[]> {
  const found = visible(ctx, actor, id);
  return found.ok ? ok(ctx.store.plans.history(id)) : found;
}

/** Starts a plan from a submitted assessment, optionally with suggested actions as its first items. */
export function createPlan(ctx: AppContext, actor: Actor, assessmentId: number, input: { title?: string; actionIds?: string[] }): Result<Plan> {
  const assessment = ctx.store.assessments.get(assessmentId);
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
  const plan = ctx.store.transaction(() => {
    const id = ctx.store.plans.create({ organisationId: assessment.organisationId, assessmentId, title: input.title ?? `Plan d’action ${now.slice(0, 4)}`, createdBy: actor.userId }, now);
    for (const item of items) ctx.store.plans.addItem(id, item);
    ctx.store.plans.recordHistory(id, { version: 1, at: now, userId: actor.userId, action: 'create', detail: { assessmentId, actionIds: input.actionIds ?? [] } });
    ctx.store.audit.record({ at: now, userId: actor.userId, organisationId: assessment.organisationId, action: 'create', entity: 'plan', entityId: id, detail: {} });
    return ctx.store.plans.get(id)!;
  });
  return ok(plan);
}

/** What an edit does to a plan, once checked: null when it changes nothing. */
interface Change {
  kind: EditKind;
  action: string;
  detail: Record<string, unknown>;
  apply: () => void;
  title?: string;
}

/** One edit of a plan: version checked, status moved by the workflow, history kept. */
function edit(ctx: AppContext, actor: Actor, id: number, version: number, work: (plan: Plan) => Result<Change | null>): Result<Plan> {
  const found = editable(ctx, actor, id, version);
  if (!found.ok) return found;
  const prepared = work(found.value);
  if (!prepared.ok) return prepared;
  const change = prepared.value;
  if (change === null) return ok(found.value);
  const changed = ctx.store.plans.change(id, version, {
    status: statusAfterEdit(found.value.status, change.kind), action: change.action, detail: change.detail, userId: actor.userId, now: isoNow(ctx),
    ...(change.title !== undefined && { fields: { title: change.title } }),
  }, change.apply);
  return changed ? ok(changed) : conflict(ctx.store.plans.get(id)!);
}

export function renamePlan(ctx: AppContext, actor: Actor, id: number, version: number, title: string): Result<Plan> {
  return edit(ctx, actor, id, version, (plan) => ok(plan.title === title ? null : { kind: 'content', action: 'rename', detail: { title }, apply: () => {}, title }));
}

export function addItem(ctx: AppContext, actor: Actor, id: number, version: number, input: ItemInput): Result<Plan> {
  const fields = newItemFields(ctx, input);
  if (!fields.ok) return fields;
  return edit(ctx, actor, id, version, (plan) => ok({ kind: 'content', action: 'add-item', detail: { item: fields.value }, apply: () => void ctx.store.plans.addItem(plan.id, fields.value) }));
}

/**
 * Changes an item. Only fields whose value really changes count: the page's form sends them all,
 * and recording progress on an approved plan must keep its approval.
 */
export function updateItem(ctx: AppContext, actor: Actor, id: number, itemId: number, version: number, input: Omit<ItemInput, 'actionId' | 'indicator'>): Result<Plan> {
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
    return ok({ kind, action: kind === 'progress' ? 'progress' : 'update-item', detail: { itemId, changes, before }, apply: () => ctx.store.plans.updateItem(plan.id, itemId, { ...current, ...changes }) });
  });
}

export function removeItem(ctx: AppContext, actor: Actor, id: number, itemId: number, version: number): Result<Plan> {
  return edit(ctx, actor, id, version, (plan) =>
    plan.items.some((i) => i.id === itemId)
      ? ok({ kind: 'content', action: 'remove-item', detail: { itemId }, apply: () => ctx.store.plans.removeItem(plan.id, itemId, isoNow(ctx)) })
      : notFound('Élément du plan', 'Plan item'));
}

/** Puts a removed item back where it was, with its fields and comments: the undo of a removal. */
export function restoreItem(ctx: AppContext, actor: Actor, id: number, itemId: number, version: number): Result<Plan> {
  return edit(ctx, actor, id, version, (plan) =>
    ctx.store.plans.isRemoved(plan.id, itemId)
      ? ok({ kind: 'content', action: 'restore-item', detail: { itemId }, apply: () => ctx.store.plans.restoreItem(plan.id, itemId) })
      : notFound('Élément retiré du plan', 'Removed plan item'));
}

export function reorderItems(ctx: AppContext, actor: Actor, id: number, version: number, itemIds: number[]): Result<Plan> {
  return edit(ctx, actor, id, version, (plan) => {
    const same = itemIds.length === plan.items.length && plan.items.every((i) => itemIds.includes(i.id));
    if (!same) return fail('invalid', 'invalid-order', bilingual('L’ordre doit citer chaque élément du plan une fois.', 'The order must name every item of the plan once.'));
    if (plan.items.every((item, i) => item.id === itemIds[i])) return ok(null);
    return ok({ kind: 'content', action: 'reorder', detail: { itemIds }, apply: () => ctx.store.plans.reorder(plan.id, itemIds) });
  });
}

export function submitPlan(ctx: AppContext, actor: Actor, id: number, version: number): Result<Plan> {
  const found = editable(ctx, actor, id, version);
  if (!found.ok) return found;
  if (!canSubmit(found.value.status)) return wrongState(found.value, 'submit');
  if (found.value.items.length === 0) return fail('invalid', 'empty-plan', bilingual('Ajoutez au moins une action avant de soumettre le plan.', 'Add at least one action before submitting the plan.'));
  const now = isoNow(ctx);
  const changed = ctx.store.plans.change(id, version, { status: 'submitted', action: 'submit', detail: {}, userId: actor.userId, now, fields: { submitted_at: now } });
  return changed ? ok(changed) : conflict(ctx.store.plans.get(id)!);
}

/** The workshop's expert approves the plan or asks for changes, with an optional comment. */
export function reviewPlan(ctx: AppContext, actor: Actor, id: number, input: { version: number; decision: ReviewDecision; comment?: string }): Result<Plan> {
  const found = visible(ctx, actor, id);
  if (!found.ok) return found;
  const { plan, access } = found.value;
  if (access !== 'review' || actor.role !== 'expert') {
    return fail('forbidden', 'not-reviewer', bilingual('Seul l’expert de l’atelier de cette organisation relit ses plans.', 'Only the expert of this organisation’s workshop reviews its plans.'));
  }
  if (plan.version !== input.version) return conflict(plan);
  if (!canReview(plan.status)) return wrongState(plan, 'review');
  const now = isoNow(ctx);
  const changed = ctx.store.plans.change(id, input.version, {
    status: statusAfterReview(input.decision), action: input.decision, detail: { comment: input.comment ?? null }, userId: actor.userId, now,
    fields: { reviewed_at: now, reviewed_by: actor.userId },
  }, () => {
    if (input.comment) ctx.store.plans.addComment(id, null, actor.userId, input.comment, now, input.decision);
  });
  return changed ? ok(changed) : conflict(ctx.store.plans.get(id)!);
}

/** A comment on the plan or one of its items, by its organisation or its expert. */
export function commentPlan(ctx: AppContext, actor: Actor, id: number, input: { itemId?: number; body: string }): Result<Plan> {
  const found = visible(ctx, actor, id);
  if (!found.ok) return found;
  const { plan } = found.value;
  if (input.itemId !== undefined && !plan.items.some((i) => i.id === input.itemId)) return notFound('Élément du plan', 'Plan item');
  const now = isoNow(ctx);
  ctx.store.transaction(() => {
    ctx.store.plans.addComment(id, input.itemId ?? null, actor.userId, input.body, now);
    ctx.store.plans.recordHistory(id, { version: plan.version, at: now, userId: actor.userId, action: 'comment', detail: { itemId: input.itemId ?? null, body: input.body } });
  });
  return ok(ctx.store.plans.get(id)!);
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
