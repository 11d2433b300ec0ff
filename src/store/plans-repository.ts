import type { Selectable } from 'kysely';
import type { ItemFields, Plan, PlanComment, PlanDecision, PlanHistoryEntry, PlanItem, PlanStatus } from './plan-records.js';
import { transactionQueries, type Queries } from './queries.js';
import type { Schema } from './schema.js';

/** Plan fields a change may set beside its status. */
export type PlanFields = Partial<Pick<Selectable<Schema['plans']>, 'title' | 'submitted_at' | 'reviewed_at' | 'reviewed_by' | 'shared_at'>>;

const toItem = (r: Selectable<Schema['plan_items']>): PlanItem => ({
  id: r.id, position: r.position, actionId: r.action_id, indicator: r.indicator, title: r.title, owner: r.owner,
  due: r.due, status: r.status, target: r.target, successIndicator: r.success_indicator, notes: r.notes,
});

/**
 * Plans with their items, comments and history. Every change goes through `change`, which bumps
 * the plan's version only if it is still the one the caller read: concurrent edits are detected.
 */
export class PlansRepository {
  constructor(private readonly q: Queries) {}

  async create(input: { organisationId: number; assessmentId: number; title: string; createdBy: number | null }, now: string): Promise<number> {
    const { id } = await this.q.db
      .insertInto('plans')
      .values({ organisation_id: input.organisationId, assessment_id: input.assessmentId, title: input.title, status: 'draft', created_by: input.createdBy, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async get(id: number): Promise<Plan | undefined> {
    const row = await this.q.db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const items = (await this.q.db.selectFrom('plan_items').selectAll().where('plan_id', '=', id).where('removed_at', 'is', null).orderBy('position').orderBy('id').execute()).map(toItem);
    // Comments on a removed item wait with it, out of sight, until it is put back.
    const comments = (await this.q.db
      .selectFrom('plan_comments')
      .innerJoin('users', 'users.id', 'plan_comments.author_id')
      .selectAll('plan_comments')
      .select('users.name as author_name')
      .where('plan_id', '=', id)
      .where((eb) => eb.or([eb('item_id', 'is', null), eb('item_id', 'in', eb.selectFrom('plan_items').select('id').where('removed_at', 'is', null))]))
      .orderBy('plan_comments.id')
      .execute())
      .map((c): PlanComment => ({ id: c.id, itemId: c.item_id, authorId: c.author_id, authorName: c.author_name, body: c.body, createdAt: c.created_at, decision: c.decision }));
    return {
      id: row.id, organisationId: row.organisation_id, assessmentId: row.assessment_id, title: row.title, status: row.status,
      version: row.version, createdBy: row.created_by, createdAt: row.created_at, updatedAt: row.updated_at,
      submittedAt: row.submitted_at, reviewedAt: row.reviewed_at, reviewedBy: row.reviewed_by, sharedAt: row.shared_at ?? null, items, comments, lastDecision: await this.lastDecision(id),
    };
  }

  private async lastDecision(planId: number): Promise<PlanDecision | null> {
    const row = await this.q.db
      .selectFrom('plan_history as h')
      .leftJoin('users', 'users.id', 'h.user_id')
      .select(['h.action', 'h.at', 'h.user_id', 'h.detail', 'users.name'])
      .where('h.plan_id', '=', planId)
      .where('h.action', 'in', ['approve', 'request-changes'])
      .orderBy('h.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return null;
    const comment = (JSON.parse(row.detail) as { comment?: unknown }).comment;
    return { decision: row.action as PlanDecision['decision'], at: row.at, reviewerId: row.user_id, reviewerName: row.name, comment: typeof comment === 'string' ? comment : null };
  }

  async listByOrganisation(organisationId: number): Promise<Plan[]> {
    const rows = await this.q.db.selectFrom('plans').select('id').where('organisation_id', '=', organisationId).orderBy('created_at').orderBy('id').execute();
    return this.plans(rows.map((r) => r.id));
  }

  /** Plans whose baseline is one of these assessments. */
  async byAssessment(assessmentId: number): Promise<Plan[]> {
    const rows = await this.q.db.selectFrom('plans').select('id').where('assessment_id', '=', assessmentId).orderBy('id').execute();
    return this.plans(rows.map((r) => r.id));
  }

  private async plans(ids: number[]): Promise<Plan[]> {
    const plans: Plan[] = [];
    for (const id of ids) plans.push((await this.get(id))!);
    return plans;
  }

  /**
   * Applies `work` to a plan at `expectedVersion` in one transaction, bumps its version, sets its
   * status, and records the change in its history. Undefined when the version is stale: the
   * version is checked by the update itself, which holds the plan until the transaction ends.
   * `work` is given the plans of that transaction.
   */
  async change(id: number, expectedVersion: number, change: { status: PlanStatus; action: string; detail: Record<string, unknown>; userId: number | null; now: string; fields?: PlanFields }, work: (plans: PlansRepository) => Promise<void> = async () => {}): Promise<Plan | undefined> {
    return this.q.atomic(async (db) => {
      const bumped = await db
        .updateTable('plans')
        .set((eb) => ({ ...change.fields, version: eb('version', '+', 1), status: change.status, updated_at: change.now }))
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returning('id')
        .executeTakeFirst();
      if (!bumped) return undefined;
      const plans = new PlansRepository(transactionQueries(db, this.q.dialect));
      await work(plans);
      const plan = (await plans.get(id))!;
      await plans.insertHistory(id, { version: plan.version, at: change.now, userId: change.userId, action: change.action, detail: change.detail }, plan);
      // A decision is read from the history just written.
      return { ...plan, lastDecision: await plans.lastDecision(id) };
    });
  }

  async addItem(planId: number, fields: ItemFields): Promise<number> {
    const { id } = await this.q.db
      .insertInto('plan_items')
      .values((eb) => ({
        plan_id: planId,
        position: eb.selectFrom('plan_items').select((s) => s(s.fn.coalesce(s.fn.max('position'), s.lit(0)), '+', 1).as('next')).where('plan_id', '=', planId),
        action_id: fields.actionId, indicator: fields.indicator, title: fields.title, owner: fields.owner, due: fields.due, status: fields.status,
        target: fields.target, success_indicator: fields.successIndicator, notes: fields.notes,
      }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async updateItem(planId: number, itemId: number, fields: ItemFields): Promise<void> {
    await this.q.db
      .updateTable('plan_items')
      .set({ title: fields.title, owner: fields.owner, due: fields.due, status: fields.status, target: fields.target, success_indicator: fields.successIndicator, notes: fields.notes })
      .where('id', '=', itemId)
      .where('plan_id', '=', planId)
      .execute();
  }

  /** Sets an item aside: it leaves the plan, and `restoreItem` can bring it back as it was. */
  async removeItem(planId: number, itemId: number, now: string): Promise<void> {
    await this.q.db.updateTable('plan_items').set({ removed_at: now }).where('id', '=', itemId).where('plan_id', '=', planId).execute();
  }

  /** True when the item was removed from this plan and can be put back. */
  async isRemoved(planId: number, itemId: number): Promise<boolean> {
    const row = await this.q.db.selectFrom('plan_items').select('id').where('id', '=', itemId).where('plan_id', '=', planId).where('removed_at', 'is not', null).executeTakeFirst();
    return row !== undefined;
  }

  async restoreItem(planId: number, itemId: number): Promise<void> {
    await this.q.db.updateTable('plan_items').set({ removed_at: null }).where('id', '=', itemId).where('plan_id', '=', planId).execute();
  }

  async reorder(planId: number, itemIds: readonly number[]): Promise<void> {
    for (const [i, id] of itemIds.entries()) await this.q.db.updateTable('plan_items').set({ position: i + 1 }).where('id', '=', id).where('plan_id', '=', planId).execute();
  }

  async addComment(planId: number, itemId: number | null, authorId: number, body: string, now: string, decision: PlanComment['decision'] = null): Promise<number> {
    const { id } = await this.q.db
      .insertInto('plan_comments')
      .values({ plan_id: planId, item_id: itemId, author_id: authorId, body, created_at: now, decision })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async history(planId: number): Promise<PlanHistoryEntry[]> {
    const rows = await this.q.db.selectFrom('plan_history').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
    return rows.map((r) => ({ version: r.version, at: r.at, userId: r.user_id, action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown>, snapshot: JSON.parse(r.snapshot) as PlanHistoryEntry['snapshot'] }));
  }

  async recordHistory(planId: number, entry: Omit<PlanHistoryEntry, 'snapshot'>): Promise<void> {
    await this.insertHistory(planId, entry, (await this.get(planId))!);
  }

  private async insertHistory(planId: number, entry: Omit<PlanHistoryEntry, 'snapshot'>, plan: Plan): Promise<void> {
    const { comments: _comments, lastDecision: _decision, ...snapshot } = plan;
    await this.q.db
      .insertInto('plan_history')
      .values({ plan_id: planId, version: entry.version, at: entry.at, user_id: entry.userId, action: entry.action, detail: JSON.stringify(entry.detail), snapshot: JSON.stringify(snapshot) })
      .execute();
  }
}
