/**
 * The life of an action plan: draft → submitted → changes-requested | approved. Editing what the
 * plan says (items, owners, dates, targets) sends it back to draft, so an approval always covers
 * the plan as approved; recording progress (an item's status, its notes) does not.
 */
export type PlanStatus = 'draft' | 'submitted' | 'changes-requested' | 'approved';
export type EditKind = 'content' | 'progress';
export type ReviewDecision = 'approve' | 'request-changes';

export function statusAfterEdit(status: PlanStatus, kind: EditKind): PlanStatus {
  return kind === 'progress' ? status : 'draft';
}

export function canSubmit(status: PlanStatus): boolean {
  return status === 'draft' || status === 'changes-requested';
}

export function canReview(status: PlanStatus): boolean {
  return status === 'submitted';
}

export function statusAfterReview(decision: ReviewDecision): PlanStatus {
  return decision === 'approve' ? 'approved' : 'changes-requested';
}

/** Which fields of an item are progress rather than content. */
export const PROGRESS_FIELDS = ['status', 'notes'] as const;
