import type { Actor } from '../core/access.js';
import type { AnswersDocument } from '../core/content-model.js';
import { buildPlanDocument, type PlanDocument, type PlanDocumentInput } from '../core/plan-document.js';
import { itemGains, projectPlan } from '../core/project-plan.js';
import type { Scorer } from '../core/score.js';
import type { ScoreResult } from '../core/score-result.js';
import { suggestActions } from './suggest-actions.js';
import type { Lang } from '../core/text.js';
import type { AppContext } from './app-context.js';
import { invalid, notFound, ok, type Result } from './app-error.js';
import { getPlan } from './plans.js';

type Item = PlanDocumentInput['plan']['items'][number];

/** Items with the global points each would gain on its own (null for an action of one's own). */
async function withGains(scorer: Scorer, doc: AnswersDocument, current: ScoreResult, items: Omit<Item, 'gain'>[]): Promise<Item[]> {
  const gains = await itemGains(scorer, doc, current, items);
  return items.map((item) => ({ ...item, gain: gains.get(item.id)?.global ?? null }));
}

/** The document of a stored plan, for someone allowed to read it (else "not found"). */
export async function storedPlanDocument(ctx: AppContext, actor: Actor, planId: number, lang: Lang): Promise<Result<PlanDocument>> {
  const found = await getPlan(ctx, actor, planId);
  if (!found.ok) return found;
  const plan = found.value;
  const assessment = await ctx.store.assessments.get(plan.assessmentId);
  const organisation = await ctx.store.organisations.get(plan.organisationId);
  if (!assessment || !organisation) return notFound('Évaluation', 'Assessment');
  const doc: AnswersDocument = { profile: assessment.profile, answers: assessment.answers };
  const projection = await projectPlan(ctx.scorer, doc, plan.items);
  if (!projection.ok) return invalid(projection.issues);
  const items = await withGains(ctx.scorer, doc, projection.value.current, plan.items.map(({ position: _p, ...i }) => i));
  const reviewer = plan.reviewedBy === null ? undefined : await ctx.store.accounts.getUser(plan.reviewedBy);
  return ok(buildPlanDocument(ctx.scorer.index, {
    lang,
    organisation: organisation.name,
    assessment: { number: assessment.number, submittedAt: assessment.submittedAt, doc, result: projection.value.current },
    projected: projection.value.projected,
    plan: {
      title: plan.title,
      status: plan.status,
      date: plan.updatedAt,
      reviewedBy: reviewer?.name ?? null,
      reviewedAt: plan.reviewedAt,
      decision: plan.lastDecision && { decision: plan.lastDecision.decision, by: plan.lastDecision.reviewerName, at: plan.lastDecision.at, comment: plan.lastDecision.comment },
      items,
      comments: plan.comments.map((c) => ({ itemId: c.itemId, author: c.authorName, body: c.body, createdAt: c.createdAt, decision: c.decision })),
    },
  }));
}

/**
 * A draft plan straight from an answers file, with no database: the top suggestions as its items.
 * `date` is the date the document carries (the caller's today).
 */
export async function draftPlanDocument(scorer: Scorer, doc: AnswersDocument, lang: Lang, date: string, top = 5): Promise<Result<PlanDocument>> {
  const suggested = await suggestActions(scorer, doc);
  if (!suggested.ok) return invalid(suggested.issues);
  const chosen = suggested.value.suggestions.slice(0, top);
  const items: Item[] = chosen.map((s, i) => ({
    id: i + 1, actionId: s.actionId, indicator: s.indicator, title: null, owner: null, due: null, status: 'todo',
    target: null, successIndicator: null, notes: null, gain: s.gains.global,
  }));
  const projection = await projectPlan(scorer, doc, items);
  if (!projection.ok) return invalid(projection.issues);
  return ok(buildPlanDocument(scorer.index, {
    lang,
    organisation: doc.organisation?.name ?? 'Organisation',
    assessment: { number: null, submittedAt: null, doc, result: projection.value.current },
    projected: projection.value.projected,
    plan: { title: lang === 'fr' ? 'Projet de plan d’action' : 'Draft action plan', status: 'draft', date, reviewedBy: null, reviewedAt: null, decision: null, items, comments: [] },
  }));
}
