import { organisationAccess, type Actor } from '../core/access.js';
import { openDataRows } from '../core/open-data-rows.js';
import { publicationSnapshot } from '../core/publication-snapshot.js';
import { bilingual } from '../core/text.js';
import type { Publication } from '../store/publications-repository.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, notFound, ok, type Result } from './app-error.js';
import { newSecret } from './secrets.js';

export interface PublishInput {
  assessmentId: number;
  /** Show the headline actions of the plan drawn from that assessment, and its expert approval. */
  includePlan: boolean;
}

const forbidden = () => fail('forbidden', 'forbidden', bilingual('Seuls les dirigeants de l’organisation publient ses résultats.', 'Only the organisation’s leaders publish its results.'));

/** The organisation's publication as its members see it; 404 for anyone who may not see the organisation. */
export async function getPublication(ctx: AppContext, actor: Actor, organisationId: number): Promise<Result<Publication>> {
  if (organisationAccess(actor, organisationId) === 'none') return notFound('Organisation', 'Organisation');
  const found = await ctx.store.publications.ofOrganisation(organisationId);
  return found ? ok(found) : notFound('Publication', 'Publication');
}

/** Leaders (and admins) of an organisation that can edit it. */
async function mayPublish(ctx: AppContext, actor: Actor, organisationId: number): Promise<Result<true>> {
  const access = organisationAccess(actor, organisationId);
  if (access === 'none' || !(await ctx.store.organisations.get(organisationId))) return notFound('Organisation', 'Organisation');
  return access === 'edit' && (actor.role === 'leader' || actor.role === 'admin') ? ok(true) : forbidden();
}

/**
 * Publishes a submitted assessment's result (or publishes again, replacing the snapshot at the
 * same address): a snapshot, so later edits change nothing until published again. Audited.
 */
export async function publish(ctx: AppContext, actor: Actor, organisationId: number, input: PublishInput): Promise<Result<Publication>> {
  const allowed = await mayPublish(ctx, actor, organisationId);
  if (!allowed.ok) return allowed;
  const assessment = await ctx.store.assessments.get(input.assessmentId);
  const stored = assessment?.organisationId === organisationId && assessment.status === 'submitted' ? await ctx.store.assessments.result(assessment.id) : undefined;
  if (!assessment || !stored || assessment.submittedAt === null) {
    return fail('invalid', 'not-publishable', bilingual('Seule une évaluation soumise de cette organisation peut être publiée.', 'Only a submitted assessment of this organisation can be published.'));
  }
  const organisation = (await ctx.store.organisations.get(organisationId))!;
  const plan = input.includePlan ? (await ctx.store.plans.listByOrganisation(organisationId)).filter((p) => p.assessmentId === assessment.id).at(-1) : undefined;
  const reviewer = plan?.status === 'approved' && plan.reviewedBy !== null ? await ctx.store.accounts.getUser(plan.reviewedBy) : undefined;
  const snapshot = publicationSnapshot({
    organisation: { name: organisation.name, profile: assessment.profile },
    assessment: { number: assessment.number, submittedAt: assessment.submittedAt, result: stored.result },
    ...(plan && {
      plan: {
        items: plan.items.map((i) => ({ actionId: i.actionId, title: i.title, indicator: i.indicator, status: i.status })),
        approval: reviewer && plan.reviewedAt ? { by: reviewer.name, at: plan.reviewedAt } : null,
      },
    }),
    options: { headlineActions: input.includePlan, approval: input.includePlan },
  });
  const now = isoNow(ctx);
  return ok(await ctx.store.transaction(async (tx) => {
    const published = await tx.publications.publish({ slug: newSecret('p').slice(2, 26), organisationId, assessmentId: assessment.id, snapshot, includePlan: input.includePlan, userId: actor.userId }, now);
    await tx.audit.record({ at: now, userId: actor.userId, organisationId, action: 'publish', entity: 'publication', entityId: assessment.id, detail: { slug: published.slug, includePlan: input.includePlan } });
    return published;
  }));
}

/** Unpublishes: the address then answers 410, the list and the open data leave it out. Audited. */
export async function unpublish(ctx: AppContext, actor: Actor, organisationId: number): Promise<Result<Publication>> {
  const allowed = await mayPublish(ctx, actor, organisationId);
  if (!allowed.ok) return allowed;
  const now = isoNow(ctx);
  const done = await ctx.store.transaction(async (tx) => {
    const p = await tx.publications.unpublish(organisationId, now);
    if (p) await tx.audit.record({ at: now, userId: actor.userId, organisationId, action: 'unpublish', entity: 'publication', entityId: p.assessmentId, detail: { slug: p.slug } });
    return p;
  });
  return done ? ok(done) : notFound('Publication', 'Publication');
}

/** A published page by its slug, for anyone: 410 once unpublished, 404 when unknown. */
export async function publicPage(ctx: AppContext, slug: string): Promise<Result<Publication>> {
  const found = await ctx.store.publications.bySlug(slug);
  if (!found) return notFound('Publication', 'Publication');
  if (found.unpublishedAt !== null) {
    return fail('not-found', 'unpublished', bilingual('Cette organisation a retiré la publication de son score.', 'This organisation has withdrawn its published score.'));
  }
  return ok(found);
}

export interface PublicFilters {
  region?: string | undefined;
  sector?: string | undefined;
}

/** The published results, newest first, filtered by region and sector; nothing unpublished. */
export async function publishedList(ctx: AppContext, filters: PublicFilters): Promise<Publication[]> {
  return (await ctx.store.publications.listPublished()).filter((p) =>
    (filters.region === undefined || p.snapshot.organisation.region === filters.region) && (filters.sector === undefined || p.snapshot.organisation.sector === filters.sector));
}

/** The open data: one row per published result, with its content version. */
export async function openData(ctx: AppContext, filters: PublicFilters) {
  const index = ctx.scorer.index;
  return openDataRows(await publishedList(ctx, filters), { pillars: index.pillars.map((p) => p.id), indicators: [...index.indicators.keys()] });
}
