import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Plan, Suggestion } from '../api-types.js';
import { WorkshopExperts, WorkshopTestimonies } from '../components/workshop-sections.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { pillarOfIndicator, scopeOf } from '../content-titles.js';
import type { EventDetail, EventWorkshop, MyEvent } from '../api-types.js';
import { colon, t } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';
import { ActionCard } from './suggestions.js';

/**
 * A participant drafting their plan in their workshop: the experts, the testimonies told there,
 * then their suggested actions with those of the workshop's scope first; the draft can be shown
 * to the experts for comments, then submitted to them from the plan.
 */
export function WorkshopParticipantPage({ event, workshopId, titles }: { event: EventDetail; workshopId: number; titles: Map<string, string> }) {
  const state = useLoad(async () => {
    const [mine, content] = await Promise.all([api<MyEvent>('GET', `/events/${event.id}/mine`), questionnaires()]);
    // The participation placed in this workshop (an organisation takes part once per event).
    const p = mine.participations.find((x) => x.workshop?.id === workshopId);
    if (!p || !p.workshop) throw new ApiError(404, 'not-found', t('notFoundText'));
    const assessmentId = p.assessment.status === 'submitted' ? p.assessment.assessmentId : null;
    const [suggestions, plan] = await Promise.all([
      assessmentId === null ? [] : api<{ suggestions: Suggestion[] }>('GET', `/assessments/${assessmentId}/suggestions?limit=60`).then((r) => r.suggestions),
      p.plan.planId !== null ? api<Plan>('GET', `/plans/${p.plan.planId}`) : undefined,
    ]);
    return { workshop: p.workshop, assessmentId, suggestions, plan, pillarOf: pillarOfIndicator(content) };
  }, [event.id, workshopId]);
  return (
    <Loadable state={state}>
      {(data) => (
        <Page title={data.workshop.title}>
          <p class="muted"><a href={href.event(event.id)}>{event.title}</a> · {scopeOf(data.workshop, titles)}</p>
          <WorkshopExperts workshop={data.workshop} />
          {data.assessmentId === null
            ? <p class="alert">{t('planAfterAssessment')} <a href={href.event(event.id)}>{t('backToEvent')}</a></p>
            : <Drafting workshop={data.workshop} assessmentId={data.assessmentId} suggestions={data.suggestions} initialPlan={data.plan} pillarOf={data.pillarOf} />}
        </Page>
      )}
    </Loadable>
  );
}

function Drafting({ workshop, assessmentId, suggestions, initialPlan, pillarOf }: {
  workshop: EventWorkshop; assessmentId: number; suggestions: Suggestion[]; initialPlan: Plan | undefined; pillarOf: Map<string, string>;
}) {
  const [plan, setPlan] = useState(initialPlan);
  const shared = plan?.sharedAt != null;
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const inScope = (s: Suggestion) => (workshop.pillar !== null ? pillarOf.get(s.indicator) === workshop.pillar : workshop.indicators.includes(s.indicator));
  const told = new Set(workshop.testimonyViews.map((tm) => tm.id));
  // The workshop's actions first, in the order of their gain for the effort; the rest after.
  const ours = suggestions.filter(inScope);
  const others = suggestions.filter((s) => !inScope(s)).slice(0, 10);
  const inPlan = new Set(plan?.items.map((i) => i.actionId) ?? []);
  const add = async (actionId: string) => {
    setBusy(actionId);
    try {
      setPlan(plan
        ? await api<Plan>('POST', `/plans/${plan.id}/items`, { version: plan.version, actionId })
        : await api<Plan>('POST', `/assessments/${assessmentId}/plans`, { actionIds: [actionId], title: workshop.title }));
      setError(undefined);
      setTimeout(() => document.getElementById(`in-plan-${actionId}`)?.focus());
    } catch (e) {
      setError(e as ApiError);
      if ((e as ApiError).status === 409 && plan) setPlan(await api<Plan>('GET', `/plans/${plan.id}`));
    } finally {
      setBusy(undefined);
    }
  };
  const share = async () => {
    if (!plan) return;
    try {
      setPlan(await api<Plan>('POST', `/plans/${plan.id}/share`, { version: plan.version, shared: true }));
      setError(undefined);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const button = (s: Suggestion) => (inPlan.has(s.actionId)
    ? <p class="badge badge-approved" id={`in-plan-${s.actionId}`} tabIndex={-1}>{t('inPlan')}</p>
    : <button type="button" disabled={busy !== undefined} onClick={() => void add(s.actionId)} aria-label={`${plan ? t('addToPlan') : t('createPlanWith')}${colon()}${s.title}`}>{plan ? t('addToPlan') : t('createPlanWith')}</button>);
  const card = (s: Suggestion) => {
    const ordered = { ...s, testimonyViews: [...s.testimonyViews].sort((a, b) => Number(told.has(b.id)) - Number(told.has(a.id))) };
    return <li key={s.actionId} class="suggestion-group"><ActionCard action={ordered} button={button(s)} /></li>;
  };
  return (
    <>
      {error ? <ErrorBox error={error} /> : null}
      <section class="card workshop-plan" aria-labelledby="my-plan-title">
        <h2 id="my-plan-title">{t('myWorkshopPlan')}</h2>
        {plan ? (
          <>
            <p><a href={href.plan(plan.id)}>{plan.title}</a> <span class={`badge badge-${plan.status}`} data-plan-status={plan.status}>{t(`planStatus_${plan.status}`)}</span></p>
            <p class="button-row">
              <a class="button" href={href.plan(plan.id)}>{t('openPlanToSubmit')}</a>
              {plan.status === 'draft' && !shared ? <button type="button" class="button-secondary" onClick={() => void share()}>{t('shareDraft')}</button> : null}
              {plan.status === 'draft' && shared ? <span class="muted" data-shared="true">{t('draftShared')}</span> : null}
            </p>
          </>
        ) : <p>{t('noPlanInWorkshop')}</p>}
      </section>
      {workshop.testimonyViews.length > 0 ? <WorkshopTestimonies workshop={workshop} /> : null}
      <h2>{t('workshopActions')}</h2>
      {ours.length === 0 ? <p class="muted">{t('noWorkshopActions')}</p> : <ol class="suggestions">{ours.map(card)}</ol>}
      {others.length > 0 ? (
        <details class="other-actions">
          <summary>{t('otherActions')}</summary>
          <ol class="suggestions">{others.map(card)}</ol>
        </details>
      ) : null}
    </>
  );
}
