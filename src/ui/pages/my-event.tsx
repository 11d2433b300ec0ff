import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Assessment } from '../api-types.js';
import { ExpertCard } from '../components/expert-card.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { scopeOf } from '../content-titles.js';
import type { MyEvent } from '../api-types.js';
import { formatDate, formatNumber, t, tn } from '../i18n.js';
import { href, navigate } from '../router.js';
import { signed } from '../signed.js';
import { useLoad } from '../use-load.js';

type Participation = MyEvent['participations'][number];

/**
 * A participant's event: for each of their organisations taking part, what is left to do before
 * the day, their workshop and its experts, their plan there, and at the follow-up the invitation
 * to re-assess and their own bilan.
 */
export function MyEventView({ eventId, titles }: { eventId: number; titles: Map<string, string> }) {
  const state = useLoad(() => api<MyEvent>('GET', `/events/${eventId}/mine`), [eventId]);
  return (
    <Loadable state={state}>
      {(mine) => (
        <Page title={mine.event.title}>
          <p class="muted">{formatDate(mine.event.date)} · {mine.event.place}</p>
          {mine.participations.map((p) => <ParticipationView key={p.organisationId} mine={mine} p={p} titles={titles} several={mine.participations.length > 1} />)}
        </Page>
      )}
    </Loadable>
  );
}

function ParticipationView({ mine, p, titles, several }: { mine: MyEvent; p: Participation; titles: Map<string, string>; several: boolean }) {
  const { event } = mine;
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // A new assessment starts from the latest submitted one's answers: the leader changes only what changed.
  const startAssessment = async () => {
    setBusy(true);
    try {
      const created = await api<Assessment>('POST', `/organisations/${p.organisationId}/assessments`);
      navigate(href.fill(created.id));
    } catch (e) {
      setError(e as ApiError);
      setBusy(false);
    }
  };
  const ready = p.assessment.status === 'submitted';
  // Several organisations in one event (rare): each under its own heading, its parts one level down.
  const Sub = several ? 'h3' : 'h2';
  return (
    <div class="participation" data-organisation={p.organisationId}>
      {several ? <h2>{p.name}</h2> : <p class="muted">{p.name}</p>}
      {error ? <ErrorBox error={error} /> : null}
      {p.reassessment.open ? <FollowUp Sub={Sub} p={p} followUp={event.followUp} busy={busy} start={() => void startAssessment()} /> : null}
      {p.missing.length > 0 ? (
        <section class="card still-to-do" aria-label={t('stillToDo')}>
          <Sub>{t('stillToDo')}</Sub>
          <ul class="missing">{p.missing.map((m) => <li key={m.code} data-missing={m.code}>{m.message}</li>)}</ul>
        </section>
      ) : null}
      <section class="card" aria-label={t('beforeEventTitle')}>
        <Sub>{t('beforeEventTitle')}</Sub>
        {ready ? (
          <p class="done-mark" data-ready="true">{t('assessmentReadyOn', { date: formatDate(p.assessment.submittedAt ?? event.date) })}{' '}
            {p.assessment.assessmentId !== null ? <a href={href.result(p.assessment.assessmentId)}>{t('seeResult')}</a> : null}</p>
        ) : (
          <>
            <p>{t('assessmentMissing')}</p>
            {p.assessment.status === 'draft' && p.assessment.assessmentId !== null
              ? <a class="button" href={href.fill(p.assessment.assessmentId)}>{t('continueFilling')}</a>
              : <button type="button" disabled={busy} onClick={() => void startAssessment()}>{t('newAssessment')}</button>}
          </>
        )}
      </section>
      <section class="card" aria-label={t('yourWorkshop')}>
        <Sub>{t('yourWorkshop')}</Sub>
        {p.workshop === null ? <p>{p.missing.some((m) => m.code === 'workshop') ? t('notAssignedShort') : t('notAssignedYet')}</p> : (
          <>
            <p><strong>{p.workshop.title}</strong> — {scopeOf(p.workshop, titles)}</p>
            {p.workshop.experts.map((x) => <ExpertCard key={x.userId} expert={x} />)}
            {ready ? (
              <p class="button-row">
                <a class="button" href={href.workshop(event.id, p.workshop.id)}>{p.plan.planId !== null ? t('workshopPlanContinue') : t('workshopPlanStart')}</a>
                {p.plan.planId !== null && p.plan.status !== 'none' ? <span class={`badge badge-${p.plan.status}`}>{t(`planStatus_${p.plan.status}`)}</span> : null}
              </p>
            ) : <p class="muted">{t('planAfterAssessment')}</p>}
          </>
        )}
      </section>
    </div>
  );
}

/** At the follow-up: mark what was done, re-assess with the answers taken over, then read one's own bilan. */
function FollowUp({ Sub, p, followUp, busy, start }: { Sub: 'h2' | 'h3'; p: Participation; followUp: string; busy: boolean; start: () => void }) {
  const again = p.reassessment;
  const { bilan } = p;
  return (
    <section class="alert follow-up-invitation" aria-labelledby={`follow-up-${p.organisationId}`}>
      <Sub id={`follow-up-${p.organisationId}`}>{t('followUpTitle')}</Sub>
      {again.status === 'submitted' && again.assessmentId !== null ? (
        <>
          <p>{t('followUpDone')}</p>
          <p data-own-bilan="true">
            {tn('ownBilanLine', bilan.itemsDone, { items: bilan.items })}
            {bilan.before?.global != null && bilan.after?.global != null
              ? ` · ${t('ownBilanGlobal', { before: formatNumber(bilan.before.global), after: formatNumber(bilan.after.global), delta: signed(bilan.after.global - bilan.before.global) })}`
              : ''}
          </p>
          <a class="button" href={href.compare(again.assessmentId)}>{t('ownBilan')}</a>
        </>
      ) : (
        <>
          <p>{t('followUpIntro', { date: formatDate(followUp) })}</p>
          {p.plan.planId !== null ? <p><a href={href.plan(p.plan.planId)}>{t('followUpMarkDone')}</a></p> : null}
          {again.status === 'draft' && again.assessmentId !== null
            ? <a class="button" href={href.fill(again.assessmentId)}>{t('followUpContinue')}</a>
            : <button type="button" disabled={busy} onClick={start}>{t('followUpStart')}</button>}
        </>
      )}
    </section>
  );
}
