import type { Actor } from '../core/access.js';
import { buildBilanDocument, type BilanDocument } from '../core/bilan-document.js';
import { bilingual, type Lang } from '../core/text.js';
import type { AppContext } from './app-context.js';
import { fail, notFound, ok, type Result } from './app-error.js';
import { compareAssessments } from './insights.js';

/**
 * The bilan document of an assessment against an earlier one, for someone allowed to read both:
 * each plan drawn from the earlier one, intended vs achieved. Nothing to tell without a plan.
 */
export async function bilanDocument(ctx: AppContext, actor: Actor, assessmentId: number, withId: number | undefined, lang: Lang): Promise<Result<BilanDocument>> {
  const found = await compareAssessments(ctx, actor, assessmentId, withId, lang);
  if (!found.ok) return found;
  const c = found.value;
  if (c.plans.length === 0) {
    return fail('not-found', 'no-plan', bilingual(
      `Aucun plan n’est parti de l’évaluation n° ${c.before.number} : le bilan compare un plan à ce qui a été obtenu.`,
      `No plan started from assessment no.\u00a0${c.before.number}: the report compares a plan with what was achieved.`,
    ));
  }
  const organisation = await ctx.store.organisations.get((await ctx.store.assessments.get(assessmentId))!.organisationId);
  if (!organisation) return notFound('Organisation', 'Organisation');
  return ok(buildBilanDocument(ctx.scorer.index, {
    lang,
    organisation: organisation.name,
    before: { number: c.before.number, submittedAt: c.before.submittedAt },
    after: { number: c.after.number, submittedAt: c.after.submittedAt },
    sameContent: c.sameContent,
    comparison: c,
    plans: c.plans.map((p) => ({
      title: p.title,
      status: p.status,
      decision: p.lastDecision && { decision: p.lastDecision.decision, by: p.lastDecision.reviewerName, at: p.lastDecision.at },
      bilan: { scores: p.scores, items: p.items.map(({ projected, achieved, ...item }) => ({ item, projected, achieved })) },
    })),
  }));
}
