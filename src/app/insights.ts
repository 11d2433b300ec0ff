import { canReadAssessment, organisationAccess, planAccess, type Actor } from '../core/access.js';
import { compareResults, type Comparison } from '../core/compare.js';
import { withFollowUps, type WithFollowUps } from '../core/follow-ups.js';
import type { Suggestion } from '../core/suggest.js';
import { bilingual, type Lang } from '../core/text.js';
import type { Assessment } from '../store/records.js';
import type { AppContext } from './app-context.js';
import { suggestActions } from './suggest-actions.js';
import { bilans, type PlanBilanView } from './bilan.js';
import { fail, invalid, notFound, ok, type Result } from './app-error.js';

async function readableAssessment(ctx: AppContext, actor: Actor, id: number): Promise<Assessment | undefined> {
  const a = await ctx.store.assessments.get(id);
  return a && canReadAssessment(organisationAccess(actor, a.organisationId), a.status) ? a : undefined;
}

/** Ranked actions for an assessment's answers, gains computed by re-scoring, each with the actions that build on it. */
export async function suggestionsFor(ctx: AppContext, actor: Actor, assessmentId: number): Promise<Result<{ assessment: Assessment; global: number | null; suggestions: WithFollowUps<Suggestion>[] }>> {
  const assessment = await readableAssessment(ctx, actor, assessmentId);
  if (!assessment) return notFound('Évaluation', 'Assessment');
  const doc = { profile: assessment.profile, answers: assessment.answers };
  const outcome = await suggestActions(ctx.scorer, doc);
  if (!outcome.ok) return invalid(outcome.issues);
  return ok({ assessment, global: outcome.value.result.global, suggestions: await withFollowUps(ctx.scorer, doc, outcome.value.suggestions) });
}

export interface ComparisonView extends Comparison {
  /** `number` is the assessment's number within its organisation (its fifth is n° 5), the one readers know. */
  before: { assessmentId: number; number: number; submittedAt: string | null; contentVersion: string };
  after: { assessmentId: number; number: number; submittedAt: string | null; contentVersion: string };
  /** False when the two were scored with different content: deltas then mix real change and content change. */
  sameContent: boolean;
  /** Intended vs achieved, for each plan drawn from the earlier assessment. */
  plans: PlanBilanView[];
}

/**
 * Compares an assessment with an earlier one of the same organisation (by default the previous
 * submitted one), and sets each plan drawn from the earlier one beside what was achieved.
 */
export async function compareAssessments(ctx: AppContext, actor: Actor, assessmentId: number, withId?: number, lang: Lang = 'fr'): Promise<Result<ComparisonView>> {
  const after = await readableAssessment(ctx, actor, assessmentId);
  if (!after) return notFound('Évaluation', 'Assessment');
  // By default the latest submitted before it (before all of them, for a draft).
  const before = withId !== undefined ? await readableAssessment(ctx, actor, withId)
    : await ctx.store.assessments.latestSubmitted(after.organisationId, after.submittedAt === null ? undefined : { submittedAt: after.submittedAt, id: after.id });
  if (!before || before.organisationId !== after.organisationId) {
    return withId === undefined
      ? fail('not-found', 'no-previous-assessment', bilingual('Aucune évaluation soumise plus ancienne à comparer.', 'No earlier submitted assessment to compare with.'))
      : notFound('Évaluation', 'Assessment');
  }
  const [a, b] = await Promise.all([ctx.store.assessments.result(before.id), ctx.store.assessments.result(after.id)]);
  if (!a || !b) return fail('conflict', 'not-submitted', bilingual('Les deux évaluations doivent être soumises pour être comparées.', 'Both assessments must be submitted to be compared.'));
  // Plans the reader may see only: an expert neither counts nor reads a draft's items.
  const access = organisationAccess(actor, after.organisationId);
  const plans = (await ctx.store.plans.byAssessment(before.id)).filter((p) => planAccess(access, p) !== 'none');
  const items = plans.flatMap((p) => p.items);
  return ok({
    ...compareResults(a.result, b.result, items),
    before: { assessmentId: before.id, number: before.number, submittedAt: before.submittedAt, contentVersion: a.contentVersion },
    after: { assessmentId: after.id, number: after.number, submittedAt: after.submittedAt, contentVersion: b.contentVersion },
    sameContent: a.contentVersion === b.contentVersion,
    plans: await bilans(ctx, before, plans, { before: a.result, after: b.result }, lang),
  });
}
