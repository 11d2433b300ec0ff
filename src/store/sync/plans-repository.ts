import type { Db } from './database.js';
import type { ItemFields, Plan, PlanComment, PlanDecision, PlanHistoryEntry, PlanItem, PlanStatus } from '../plan-records.js';

interface PlanRow {
  id: number;
  organisation_id: number;
  assessment_id: number;
  title: string;
  status: PlanStatus;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
}

interface ItemRow {
  id: number;
  position: number;
  action_id: string | null;
  indicator: string;
  title: string | null;
  owner: string | null;
  due: string | null;
  status: PlanItem['status'];
  target: string | null;
  success_indicator: string | null;
  notes: string | null;
}

const toItem = (r: ItemRow): PlanItem => ({
  id: r.id, position: r.position, actionId: r.action_id, indicator: r.indicator, title: r.title, owner: r.owner,
  due: r.due, status: r.status, target: r.target, successIndicator: r.success_indicator, notes: r.notes,
});

/**
 * Plans with their items, comments and history. Every change goes through `change`, which bumps
 * the plan's version only if it is still the one the caller read: concurrent edits are detected.
 */
export class PlansRepository {
  constructor(private readonly db: Db) {}

  create(input: { organisationId: number; assessmentId: number; title: string; createdBy: number | null }, now: string): number {
    return Number(this.db
      .prepare("INSERT INTO plans (organisation_id, assessment_id, title, status, created_by, created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?)")
      .run(input.organisationId, input.assessmentId, input.title, input.createdBy, now, now).lastInsertRowid);
  }

  get(id: number): Plan | undefined {
    const row = this.db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
    if (!row) return undefined;
    const items = (this.db.prepare('SELECT * FROM plan_items WHERE plan_id = ? AND removed_at IS NULL ORDER BY position, id').all(id) as ItemRow[]).map(toItem);
    // Comments on a removed item wait with it, out of sight, until it is put back.
    const comments = (this.db
      .prepare(`SELECT plan_comments.*, users.name AS author_name FROM plan_comments JOIN users ON users.id = author_id
        WHERE plan_id = ? AND (item_id IS NULL OR item_id IN (SELECT id FROM plan_items WHERE removed_at IS NULL)) ORDER BY plan_comments.id`)
      .all(id) as { id: number; item_id: number | null; author_id: number; author_name: string; body: string; created_at: string; decision: PlanComment['decision'] }[])
      .map((c): PlanComment => ({ id: c.id, itemId: c.item_id, authorId: c.author_id, authorName: c.author_name, body: c.body, createdAt: c.created_at, decision: c.decision }));
    return {
      id: row.id, organisationId: row.organisation_id, assessmentId: row.assessment_id, title: row.title, status: row.status,
      version: row.version, createdBy: row.created_by, createdAt: row.created_at, updatedAt: row.updated_at,
      submittedAt: row.submitted_at, reviewedAt: row.reviewed_at, reviewedBy: row.reviewed_by, items, comments, lastDecision: this.lastDecision(id),
    };
  }

  private lastDecision(planId: number): PlanDecision | null {
    const row = this.db
      .prepare(`SELECT h.action, h.at, h.user_id, users.name, json_extract(h.detail, '$.comment') AS comment FROM plan_history h
        LEFT JOIN users ON users.id = h.user_id WHERE h.plan_id = ? AND h.action IN ('approve', 'request-changes') ORDER BY h.id DESC LIMIT 1`)
      .get(planId) as { action: PlanDecision['decision']; at: string; user_id: number | null; name: string | null; comment: string | null } | undefined;
    return row ? { decision: row.action, at: row.at, reviewerId: row.user_id, reviewerName: row.name, comment: row.comment } : null;
  }

  listByOrganisation(organisationId: number): Plan[] {
    const ids = this.db.prepare('SELECT id FROM plans WHERE organisation_id = ? ORDER BY created_at, id').pluck().all(organisationId) as number[];
    return ids.map((id) => this.get(id)!);
  }

  /** Plans whose baseline is one of these assessments. */
  byAssessment(assessmentId: number): Plan[] {
    const ids = this.db.prepare('SELECT id FROM plans WHERE assessment_id = ? ORDER BY id').pluck().all(assessmentId) as number[];
    return ids.map((id) => this.get(id)!);
  }

  /**
   * Applies `work` to a plan at `expectedVersion` in one transaction, bumps its version, sets its
   * status, and records the change in its history. Undefined when the version is stale.
   */
  change(id: number, expectedVersion: number, change: { status: PlanStatus; action: string; detail: Record<string, unknown>; userId: number | null; now: string; fields?: Partial<Pick<PlanRow, 'title' | 'submitted_at' | 'reviewed_at' | 'reviewed_by'>> }, work: () => void = () => {}): Plan | undefined {
    return this.db.transaction(() => {
      const f = change.fields ?? {};
      const bumped = this.db
        .prepare(`UPDATE plans SET version = version + 1, status = ?, updated_at = ?, title = coalesce(?, title),
          submitted_at = CASE WHEN ? THEN ? ELSE submitted_at END, reviewed_at = CASE WHEN ? THEN ? ELSE reviewed_at END,
          reviewed_by = CASE WHEN ? THEN ? ELSE reviewed_by END WHERE id = ? AND version = ?`)
        .run(change.status, change.now, f.title ?? null, 'submitted_at' in f ? 1 : 0, f.submitted_at ?? null, 'reviewed_at' in f ? 1 : 0, f.reviewed_at ?? null, 'reviewed_by' in f ? 1 : 0, f.reviewed_by ?? null, id, expectedVersion).changes;
      if (bumped !== 1) return undefined;
      work();
      const plan = this.get(id)!;
      const { comments: _comments, lastDecision: _decision, ...snapshot } = plan;
      this.db
        .prepare('INSERT INTO plan_history (plan_id, version, at, user_id, action, detail, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, plan.version, change.now, change.userId, change.action, JSON.stringify(change.detail), JSON.stringify(snapshot));
      // A decision is read from the history just written.
      return { ...plan, lastDecision: this.lastDecision(id) };
    })();
  }

  addItem(planId: number, fields: ItemFields): number {
    const position = (this.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM plan_items WHERE plan_id = ?').pluck().get(planId) as number);
    return Number(this.db
      .prepare('INSERT INTO plan_items (plan_id, position, action_id, indicator, title, owner, due, status, target, success_indicator, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(planId, position, fields.actionId, fields.indicator, fields.title, fields.owner, fields.due, fields.status, fields.target, fields.successIndicator, fields.notes).lastInsertRowid);
  }

  updateItem(planId: number, itemId: number, fields: ItemFields): void {
    this.db
      .prepare('UPDATE plan_items SET title = ?, owner = ?, due = ?, status = ?, target = ?, success_indicator = ?, notes = ? WHERE id = ? AND plan_id = ?')
      .run(fields.title, fields.owner, fields.due, fields.status, fields.target, fields.successIndicator, fields.notes, itemId, planId);
  }

  /** Sets an item aside: it leaves the plan, and `restoreItem` can bring it back as it was. */
  removeItem(planId: number, itemId: number, now: string): void {
    this.db.prepare('UPDATE plan_items SET removed_at = ? WHERE id = ? AND plan_id = ?').run(now, itemId, planId);
  }

  /** True when the item was removed from this plan and can be put back. */
  isRemoved(planId: number, itemId: number): boolean {
    return this.db.prepare('SELECT 1 FROM plan_items WHERE id = ? AND plan_id = ? AND removed_at IS NOT NULL').get(itemId, planId) !== undefined;
  }

  restoreItem(planId: number, itemId: number): void {
    this.db.prepare('UPDATE plan_items SET removed_at = NULL WHERE id = ? AND plan_id = ?').run(itemId, planId);
  }

  reorder(planId: number, itemIds: readonly number[]): void {
    const set = this.db.prepare('UPDATE plan_items SET position = ? WHERE id = ? AND plan_id = ?');
    itemIds.forEach((id, i) => set.run(i + 1, id, planId));
  }

  addComment(planId: number, itemId: number | null, authorId: number, body: string, now: string, decision: PlanComment['decision'] = null): number {
    return Number(this.db
      .prepare('INSERT INTO plan_comments (plan_id, item_id, author_id, body, created_at, decision) VALUES (?, ?, ?, ?, ?, ?)')
      .run(planId, itemId, authorId, body, now, decision).lastInsertRowid);
  }

  history(planId: number): PlanHistoryEntry[] {
    const rows = this.db.prepare('SELECT * FROM plan_history WHERE plan_id = ? ORDER BY id').all(planId) as { version: number; at: string; user_id: number | null; action: string; detail: string; snapshot: string }[];
    return rows.map((r) => ({ version: r.version, at: r.at, userId: r.user_id, action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown>, snapshot: JSON.parse(r.snapshot) as PlanHistoryEntry['snapshot'] }));
  }

  recordHistory(planId: number, entry: Omit<PlanHistoryEntry, 'snapshot'>): void {
    const { comments: _comments, lastDecision: _decision, ...snapshot } = this.get(planId)!;
    this.db
      .prepare('INSERT INTO plan_history (plan_id, version, at, user_id, action, detail, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(planId, entry.version, entry.at, entry.userId, entry.action, JSON.stringify(entry.detail), JSON.stringify(snapshot));
  }
}
