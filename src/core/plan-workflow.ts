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

/**
 * The fields of an edit whose value really differs from the item's: a form sends every field,
 * and an unchanged one must not count as a change (an absent value and null are the same).
 */
export function changedFields<T extends object>(current: T, input: Partial<T>): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(input) as (keyof T)[]) {
    if ((input[key] ?? null) !== (current[key] ?? null)) changed[key] = input[key];
  }
  return changed;
}

/** Content if any changed field is content; progress if only status or notes changed. */
export function editKind(changed: object): EditKind {
  return Object.keys(changed).every((k) => (PROGRESS_FIELDS as readonly string[]).includes(k)) ? 'progress' : 'content';
}
