export type PlanStatus = 'draft' | 'submitted' | 'changes-requested' | 'approved';
export type ItemStatus = 'todo' | 'in-progress' | 'done' | 'dropped';

export interface PlanItem {
  id: number;
  position: number;
  /** The suggested action it comes from, or null for an action of the organisation's own. */
  actionId: string | null;
  indicator: string;
  /** Null: the action's own title, in the reader's language. */
  title: string | null;
  owner: string | null;
  /** "2027-03" (a month) or "2027-Q1" (a quarter). */
  due: string | null;
  status: ItemStatus;
  target: string | null;
  successIndicator: string | null;
  notes: string | null;
}

export interface PlanComment {
  id: number;
  itemId: number | null;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: string;
  /** Set on the comment an expert wrote with their decision. */
  decision: 'approve' | 'request-changes' | null;
}

/** The expert's last decision on the plan, kept even when the plan has changed since. */
export interface PlanDecision {
  decision: 'approve' | 'request-changes';
  at: string;
  reviewerId: number | null;
  reviewerName: string | null;
  comment: string | null;
}

export interface Plan {
  id: number;
  organisationId: number;
  assessmentId: number;
  title: string;
  status: PlanStatus;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewedBy: number | null;
  /** A draft its organisation shared with its workshop's experts, to read and comment on (issue #24). */
  sharedAt: string | null;
  items: PlanItem[];
  comments: PlanComment[];
  lastDecision: PlanDecision | null;
}

export interface PlanHistoryEntry {
  version: number;
  at: string;
  userId: number | null;
  action: string;
  detail: Record<string, unknown>;
  snapshot: Omit<Plan, 'comments' | 'lastDecision'>;
}

export type ItemFields = Omit<PlanItem, 'id' | 'position'>;
