import type { Actor } from '../core/access.js';
import { presentSuggestions } from '../core/present-suggestions.js';
import { bilingual, type Lang } from '../core/text.js';
import type { AppContext } from './app-context.js';
import { fail, notFound, ok } from './app-error.js';
import { scoreSummary } from './event-facts.js';
import { loadEvent } from './event-load.js';
import { participantState } from './event-participants.js';
import { indicatorTitle, presentSummary, presentWorkshop } from './event-view.js';
import { suggestionsFor } from './insights.js';

/**
 * A workshop as its expert runs it: each participant's gaps in the workshop's
 * scope, the suggested actions there with their testimonies, and the plans to comment on.
 */
export async function expertWorkshopView(ctx: AppContext, actor: Actor, eventId: number, workshopId: number, lang: Lang) {
  const loaded = await loadEvent(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const { event, workshops, participants, access } = loaded.value;
  const workshop = workshops.find((w) => w.id === workshopId);
  if (!workshop) return notFound('Atelier', 'Workshop');
  // Organisers see scores only in the cohort, with consent: this view of each one's gaps is the experts' (and admins').
  if (!(actor.role === 'admin' || (access.kind === 'lead' && access.workshops.has(workshopId)))) {
    return fail('forbidden', 'workshop-experts-only', bilingual('Seuls les experts de cet atelier voient les écarts de ses participants.', 'Only this workshop’s experts see its participants’ gaps.'));
  }
  const scope = new Set(workshop.pillar === null ? workshop.indicators : [...ctx.scorer.index.indicators.values()].filter((e) => e.pillar === workshop.pillar).map((e) => e.indicator.id));
  const rows = [];
  for (const p of participants.filter((x) => x.workshopId === workshopId)) {
    const state = await participantState(ctx, event.date, p);
    const submitted = state.assessment.status === 'submitted' ? await ctx.store.assessments.get(state.assessment.assessmentId!) : undefined;
    const summary = await scoreSummary(ctx, submitted);
    const gaps = [...scope].map((id) => ({ indicator: id, indicatorTitle: indicatorTitle(ctx, id, lang), score: summary?.indicators[id] ?? null }))
      .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.indicator.localeCompare(b.indicator));
    const found = submitted ? await suggestionsFor(ctx, actor, submitted.id) : undefined;
    const inScope = found?.ok ? found.value.suggestions.filter((s) => scope.has(s.indicator)).slice(0, 5) : [];
    const plans = (await ctx.store.plans.listByOrganisation(p.organisationId)).filter((plan) => plan.status !== 'draft' || plan.sharedAt !== null);
    rows.push({
      organisationId: p.organisationId, name: p.organisationName, assessment: state.assessment, gaps,
      suggestions: presentSuggestions(ctx.scorer.index, inScope, lang),
      plans: plans.map((plan) => ({ id: plan.id, title: plan.title, status: plan.status, shared: plan.sharedAt !== null })),
    });
  }
  return ok({ event: presentSummary(ctx, event, access.kind, participants.length), workshop: await presentWorkshop(ctx, workshop, participants, lang), participants: rows });
}
