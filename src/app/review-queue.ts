import type { Actor } from '../core/access.js';
import type { PlanStatus } from '../core/plan-workflow.js';
import type { AppContext } from './app-context.js';

export interface ReviewQueueEntry {
  planId: number;
  title: string;
  status: PlanStatus;
  organisationId: number;
  organisationName: string;
  workshops: { id: number; title: string; date: string }[];
  items: number;
  comments: number;
  submittedAt: string | null;
  reviewedAt: string | null;
}

/** Waiting for a decision first, then changes requested, then approved; oldest submission first. */
const ORDER: Record<PlanStatus, number> = { submitted: 0, 'changes-requested': 1, approved: 2, draft: 3 };

/**
 * The plans an expert reviews: those of the organisations in the workshops they run (every
 * workshop for an admin). Drafts stay out: they are the organisation's work in progress.
 */
export async function reviewQueue(ctx: AppContext, actor: Actor): Promise<ReviewQueueEntry[]> {
  const workshops = actor.role === 'admin' ? await ctx.store.workshops.list() : await ctx.store.workshops.byExpert(actor.userId);
  const organisationIds = [...new Set(workshops.flatMap((w) => w.organisationIds))];
  const entries: ReviewQueueEntry[] = [];
  for (const organisationId of organisationIds) {
    const organisation = await ctx.store.organisations.get(organisationId);
    if (!organisation) continue;
    const its = workshops.filter((w) => w.organisationIds.includes(organisationId)).map((w) => ({ id: w.id, title: w.title, date: w.date }));
    for (const plan of await ctx.store.plans.listByOrganisation(organisationId)) {
      if (plan.status === 'draft') continue;
      entries.push({
        planId: plan.id, title: plan.title, status: plan.status, organisationId, organisationName: organisation.name, workshops: its,
        items: plan.items.length, comments: plan.comments.length, submittedAt: plan.submittedAt, reviewedAt: plan.reviewedAt,
      });
    }
  }
  return entries.sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.planId - b.planId);
}
