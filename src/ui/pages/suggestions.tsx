import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Assessment, FollowUpSuggestion, Plan, Suggestion } from '../api-types.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { TestimonyCard } from '../components/testimony.js';
import { colon, formatNumber, t, tn } from '../i18n.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

/** `?indicator=` in the address: the result page links a gap to the actions that address it. */
function indicatorFilter(): string {
  return new URLSearchParams(location.hash.split('?')[1] ?? '').get('indicator') ?? '';
}

export function SuggestionsPage({ id }: { id: number }) {
  const { me } = useSession();
  const state = useLoad(async () => {
    const [assessment, suggestions] = await Promise.all([
      api<Assessment>('GET', `/assessments/${id}`),
      api<{ global: number | null; suggestions: Suggestion[] }>('GET', `/assessments/${id}/suggestions?limit=30`),
    ]);
    const plans = await api<Plan[]>('GET', `/organisations/${assessment.organisationId}/plans`);
    return { assessment, suggestions: suggestions.suggestions, plan: plans.filter((p) => p.assessmentId === id).at(-1) };
  }, [id]);
  const [pillar, setPillar] = useState('');
  const [indicator, setIndicator] = useState(indicatorFilter);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  return (
    <Loadable state={state}>
      {({ assessment, suggestions, plan }) => {
        const canEdit = me.organisations.some((o) => o.id === assessment.organisationId && o.access === 'edit') || me.user.role === 'admin';
        const inPlan = new Set(plan?.items.map((i) => i.actionId) ?? []);
        const pillars = [...new Map(suggestions.map((s) => [s.pillar, s.pillarTitle])).entries()];
        const forIndicator = (s: Suggestion | FollowUpSuggestion) => indicator === '' || s.indicator === indicator;
        const shown = suggestions.filter((s) => (pillar === '' || s.pillar === pillar) && (forIndicator(s) || s.followUpViews.some(forIndicator)));
        const indicatorTitle = [...suggestions, ...suggestions.flatMap((s) => s.followUpViews)].find((s) => s.indicator === indicator)?.indicatorTitle;
        const add = async (actionId: string) => {
          setBusy(actionId);
          try {
            const updated = plan
              ? await api<Plan>('POST', `/plans/${plan.id}/items`, { version: plan.version, actionId })
              : await api<Plan>('POST', `/assessments/${id}/plans`, { actionIds: [actionId] });
            state.setData({ assessment, suggestions, plan: updated });
            setError(undefined);
            // The button is replaced by "in the plan": the focus goes there rather than to the page's top.
            setTimeout(() => document.getElementById(`in-plan-${actionId}`)?.focus());
          } catch (e) {
            setError(e as ApiError);
            if ((e as ApiError).status === 409) state.reload();
          } finally {
            setBusy(undefined);
          }
        };
        const planButton = (s: Suggestion | FollowUpSuggestion) => (canEdit ? (
          inPlan.has(s.actionId)
            ? <p class="badge badge-approved" id={`in-plan-${s.actionId}`} tabIndex={-1}>{t('inPlan')}</p>
            : <button type="button" disabled={busy !== undefined} onClick={() => void add(s.actionId)} aria-label={`${plan ? t('addToPlan') : t('createPlanWith')}${colon()}${s.title}`}>{plan ? t('addToPlan') : t('createPlanWith')}</button>
        ) : null);
        return (
          <Page title={t('suggestionsTitle')} actions={plan ? <a class="button" href={href.plan(plan.id)}>{t('openPlan')} ({plan.items.length})</a> : null}>
            <p>{t('suggestionsIntro')}</p>
            {error ? <ErrorBox error={error} /> : null}
            {canEdit && plan && (plan.status === 'submitted' || plan.status === 'approved') ? <p class="alert alert-warning">{t('editingApprovedPlan', { title: plan.title })}</p> : null}
            {indicator !== '' ? (
              <p class="alert" role="status">
                {t('filteredByIndicator', { indicator: indicatorTitle ?? indicator })}{' '}
                <button type="button" class="button-link" onClick={() => { setIndicator(''); history.replaceState(null, '', href.suggestions(id)); }}>{t('showAllActions')}</button>
              </p>
            ) : (
              <div class="field field-inline">
                <label for="pillar-filter">{t('filterPillar')}</label>
                <select id="pillar-filter" value={pillar} onChange={(e) => setPillar(e.currentTarget.value)}>
                  <option value="">{t('allPillars')}</option>
                  {pillars.map(([pid, title]) => <option key={pid} value={pid}>{title}</option>)}
                </select>
              </div>
            )}
            {shown.length === 0 ? <p>{indicator === '' ? t('noSuggestions') : t('noActionFor')}</p> : (
              <ol class="suggestions">
                {shown.map((s) => (
                  <li key={s.actionId} class="suggestion-group">
                    <ActionCard action={s} button={planButton(s)} />
                    {s.followUpViews.length > 0 ? (
                      <ul class="follow-ups">
                        {s.followUpViews.map((f) => <li key={f.actionId}><ActionCard action={f} button={planButton(f)} /></li>)}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </Page>
        );
      }}
    </Loadable>
  );
}

/** One action: its gain, where it acts, effort and cost, what it changes, first steps and testimonies. */
export function ActionCard({ action: s, button }: { action: Suggestion | FollowUpSuggestion; button: ComponentChildren }) {
  const followUp = 'afterTitle' in s;
  return (
    <article class={followUp ? 'card suggestion follow-up' : 'card suggestion'} data-action={s.actionId}>
      <h2>
        <span>{s.title}</span>
        <span class="gain">{tn('gainPoints', s.gains.global)}</span>
      </h2>
      {followUp ? <p class="builds-on">{t('buildsOn', { action: s.afterTitle })}</p> : null}
      <p class="muted">{s.pillarTitle} · {t('gainDetail', { indicator: s.indicatorTitle, from: formatNumber(s.current.indicator ?? 0), to: formatNumber(s.projected.indicator ?? 0) })}</p>
      <p class="muted">{t('effortCost', { effort: s.effortLabel, cost: s.costLabel, duration: tn('durationMonths', s.durationMonths) })}</p>
      <p>{s.description}</p>
      <details>
        <summary>{t('whatChanges')}</summary>
        <ul>{s.changeViews.map((c) => <li key={c.question}><strong>{c.label}</strong>{colon()}{c.from} → {c.to}</li>)}</ul>
        <h3>{t('firstSteps')}</h3>
        <ol>{s.firstSteps.map((step) => <li key={step}>{step}</li>)}</ol>
      </details>
      {s.testimonyViews.length > 0 ? (
        <details>
          <summary>{t('testimonies')} ({s.testimonyViews.length})</summary>
          {s.testimonyViews.map((tm) => <TestimonyCard key={tm.id} testimony={tm} />)}
        </details>
      ) : null}
      {button}
    </article>
  );
}
