import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { QuartileChart } from '../components/standing-chart.js';
import { contentTitles } from '../content-titles.js';
import type { EventDetail, EventCohort } from '../api-types.js';
import { colon, formatNumber, t, tn } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

/**
 * The participants as one group, for the organisers: how they stand per pillar and the gaps most
 * of them share (only over five or more, so no one can be recognised), then each participant's
 * workshop — the proposed one (covering their weakest pillar) already chosen.
 */
export function EventCohortPage({ id }: { id: number }) {
  const state = useLoad(async () => {
    const [event, cohort, content] = await Promise.all([api<EventDetail>('GET', `/events/${id}`), api<EventCohort>('GET', `/events/${id}/cohort`), questionnaires()]);
    return { event, cohort, titles: contentTitles(content) };
  }, [id]);
  return (
    <Loadable state={state}>
      {({ event, cohort, titles }) => (
        <Page title={t('cohortTitle', { title: event.title })}>
          <p><a href={href.event(event.id)}>{t('backToEvent')}</a></p>
          <Distribution cohort={cohort} titles={titles} />
          <Assignments event={event} cohort={cohort} titles={titles} onSaved={state.reload} />
        </Page>
      )}
    </Loadable>
  );
}

function Distribution({ cohort, titles }: { cohort: EventCohort; titles: Map<string, string> }) {
  const shown = cohort.scores.some((s) => s.quartiles !== null);
  return (
    <section aria-labelledby="distribution-title">
      <h2 id="distribution-title">{t('cohortDistribution')}</h2>
      <p>{tn('cohortAssessed', cohort.assessed)}</p>
      {!shown ? <p class="alert">{t('cohortTooFew', { minimum: cohort.minimumGroup })}</p> : (
        <div class="standing card">
          <ul>
            {cohort.scores.map((s) => (
              <li key={s.id} data-cohort-score={s.id}>
                <span class="standing-label">{s.title}</span>
                {s.quartiles ? <>
                  <QuartileChart score={{ score: null, quartiles: [s.quartiles.q1, s.quartiles.median, s.quartiles.q3] }} />
                  <span class="standing-quartiles">{t('cohortQuartiles', { q1: formatNumber(s.quartiles.q1), median: formatNumber(s.quartiles.median), q3: formatNumber(s.quartiles.q3), count: s.count })}</span>
                </> : <span class="standing-quartiles">{t('cohortTooFewHere', { minimum: cohort.minimumGroup })}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2>{t('cohortGaps')}</h2>
      {cohort.gaps.length === 0 ? <p class="muted">{shown ? t('cohortNoGaps') : t('cohortGapsHidden')}</p> : (
        <ol class="gaps">
          {cohort.gaps.slice(0, 8).map((g) => (
            <li key={g.indicator} data-gap={g.indicator}>
              <strong>{g.indicatorTitle}</strong> ({titles.get(g.pillar)}) — {t('cohortGapLine', { below: g.below50, count: g.count, mean: formatNumber(g.mean) })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * One choice per participant, the proposed workshop chosen in advance; saved together. A
 * participant's scores show only when their organisation agreed to be shown.
 */
function Assignments({ event, cohort, titles, onSaved }: { event: EventDetail; cohort: EventCohort; titles: Map<string, string>; onSaved: () => void }) {
  const initial = new Map(cohort.participants.map((p) => [p.organisationId, String(p.workshopId ?? p.proposedWorkshopId ?? '')]));
  const [choice, setChoice] = useState(initial);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    const assignments = cohort.participants.map((p) => ({ organisationId: p.organisationId, workshopId: choice.get(p.organisationId) ? Number(choice.get(p.organisationId)) : null }));
    try {
      await api('POST', `/events/${event.id}/assignments`, { assignments });
      setError(undefined);
      setSaved(true);
      onSaved();
    } catch (err) {
      setSaved(false);
      setError(err as ApiError);
    }
  };
  return (
    <form aria-labelledby="assign-title" onSubmit={(e) => void save(e)} noValidate>
      <h2 id="assign-title">{t('assignTitle')}</h2>
      <p>{t('assignIntro')}</p>
      {error ? <ErrorBox error={error} /> : null}
      {cohort.participants.length === 0 ? <p class="muted">{t('noParticipants')}</p> : (
        <ul class="list assignments">
          {cohort.participants.map((p) => {
            const id = `assign-${p.organisationId}`;
            const proposed = event.workshops.find((w) => w.id === p.proposedWorkshopId);
            return (
              <li key={p.organisationId} class="list-row" data-participant={p.organisationId}>
                <div>
                  <label for={id}><strong>{p.name}</strong></label>
                  <p class="muted">
                    {p.weakestPillar ? `${t('weakestPillar')}${colon()}${titles.get(p.weakestPillar)}` : t('noAssessmentYet')}
                    {proposed ? ` · ${t('proposedWorkshop')}${colon()}${proposed.title}` : ''}
                    {p.scores?.global != null ? ` · ${t('global')}${colon()}${formatNumber(p.scores.global)}` : ''}
                  </p>
                </div>
                <select id={id} class="assign-select" value={choice.get(p.organisationId) ?? ''} onChange={(e) => { setChoice(new Map(choice).set(p.organisationId, e.currentTarget.value)); setSaved(false); }}>
                  <option value="">{t('notAssigned')}</option>
                  {event.workshops.map((w) => <option key={w.id} value={String(w.id)}>{w.title}</option>)}
                </select>
              </li>
            );
          })}
        </ul>
      )}
      {cohort.participants.length > 0 ? (
        <div class="button-row">
          <button type="submit">{t('assignSave')}</button>
          {saved ? <span role="status" class="save-status save-saved">{t('saved')}</span> : null}
        </div>
      ) : null}
    </form>
  );
}
