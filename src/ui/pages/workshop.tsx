import { api } from '../api.js';
import { Loadable, Page } from '../components/page.js';
import { TestimonyCard } from '../components/testimony.js';
import { TextRecordForm } from '../components/text-record-form.js';
import { WorkshopExperts, WorkshopTestimonies } from '../components/workshop-sections.js';
import { contentTitles, scopeOf } from '../content-titles.js';
import type { EventDetail, EventParticipants, ExpertWorkshopView } from '../api-types.js';
import { colon, formatDate, formatNumber, t, tn } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';
import { WorkshopParticipantPage } from './workshop-participant.js';

/**
 * A workshop. Its experts and organisers prepare and run it here: who comes, each one's gaps in
 * the workshop's scope with the actions that address them, each one's plan; then the notes. A
 * participant drafts their plan here (see workshop-participant.tsx).
 */
export function WorkshopPage({ eventId, id }: { eventId: number; id: number }) {
  const state = useLoad(async () => {
    const [event, content] = await Promise.all([api<EventDetail>('GET', `/events/${eventId}`), questionnaires()]);
    return { event, titles: contentTitles(content) };
  }, [eventId]);
  return (
    <Loadable state={state}>
      {({ event, titles }) => event.access === 'participate' ? <WorkshopParticipantPage event={event} workshopId={id} titles={titles} />
        : event.access === 'lead' ? <LeadPage event={event} workshopId={id} titles={titles} />
        : <OrganiserWorkshop event={event} workshopId={id} titles={titles} />}
    </Loadable>
  );
}

function LeadPage({ event, workshopId, titles }: { event: EventDetail; workshopId: number; titles: Map<string, string> }) {
  const state = useLoad(() => api<ExpertWorkshopView>('GET', `/events/${event.id}/workshops/${workshopId}`), [event.id, workshopId]);
  return <Loadable state={state}>{(view) => <LeadView event={event} view={view} titles={titles} />}</Loadable>;
}

/**
 * The organisers' side of a workshop: who leads it, who is placed there, what is told there, and
 * its notes. Participants' scores are the experts' to read; the organisers see the group's in the cohort.
 */
function OrganiserWorkshop({ event, workshopId, titles }: { event: EventDetail; workshopId: number; titles: Map<string, string> }) {
  const workshop = event.workshops.find((w) => w.id === workshopId);
  const state = useLoad(() => api<EventParticipants>('GET', `/events/${event.id}/participants`), [event.id]);
  if (!workshop) return <p class="alert" role="alert">{t('notFoundText')}</p>;
  return (
    <Page title={workshop.title}>
      <WorkshopHead event={event} workshop={workshop} titles={titles} />
      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t('participantsTitle')}</h2>
        <Loadable state={state}>
          {(list) => {
            const here = list.participants.filter((p) => p.workshopId === workshop.id);
            return here.length === 0 ? <p class="muted">{t('noParticipantsAssigned')}</p> : (
              <ul class="list">{here.map((p) => <li key={p.organisationId} class="list-row" data-participant={p.organisationId}><strong>{p.name}</strong>
                <span class="muted">{t('planLabel')}{colon()}{p.plan.status === 'none' ? t('noPlanYet') : t(`planStatus_${p.plan.status}`)}</span></li>)}</ul>
            );
          }}
        </Loadable>
        <p><a href={href.eventCohort(event.id)}>{t('cohortLink')}</a></p>
      </section>
      <WorkshopTestimonies workshop={workshop} />
      <NotesForm eventId={event.id} workshop={workshop} />
    </Page>
  );
}

/** Where the workshop stands (its event, day and scope) and who leads it: the top of both views. */
function WorkshopHead({ event, workshop, titles }: { event: EventDetail; workshop: EventDetail['workshops'][number]; titles: Map<string, string> }) {
  return (
    <>
      <p class="muted"><a href={href.event(event.id)}>{event.title}</a> · {formatDate(event.date)} · {scopeOf(workshop, titles)}</p>
      <WorkshopExperts workshop={workshop} />
    </>
  );
}

type Participant = ExpertWorkshopView['participants'][number];
type Workshop = ExpertWorkshopView['workshop'];

function LeadView({ event, view, titles }: { event: EventDetail; view: ExpertWorkshopView; titles: Map<string, string> }) {
  const { workshop, participants } = view;
  return (
    <Page title={workshop.title}>
      <WorkshopHead event={event} workshop={workshop} titles={titles} />
      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t('participantsTitle')}</h2>
        <p>{tn('workshopParticipants', participants.length)}</p>
        {participants.length === 0 ? <p class="muted">{t('noParticipantsAssigned')}</p> : (
          <ul class="participant-cards">
            {participants.map((p) => <ParticipantCard key={p.organisationId} participant={p} workshop={workshop} />)}
          </ul>
        )}
      </section>
      <WorkshopTestimonies workshop={workshop} />
      <NotesForm eventId={event.id} workshop={workshop} />
    </Page>
  );
}

/** One participant: their gaps in the workshop's scope, the actions for them with testimonies, their plans. */
function ParticipantCard({ participant: p, workshop }: { participant: Participant; workshop: Workshop }) {
  const told = new Set(workshop.testimonies);
  return (
    <li class="card participant-card" data-participant={p.organisationId}>
      <h3>{p.name}</h3>
      {p.assessment.status !== 'submitted' ? <p class="muted">{t('noAssessmentYet')}</p> : (
        <>
          <p class="moves-label">{t('gapsInWorkshop')}</p>
          <ul class="participant-gaps">
            {p.gaps.filter((g) => g.score === null || g.score < 100).slice(0, 5).map((g) => <li key={g.indicator}>{g.indicatorTitle} — {g.score === null ? t('notScored') : t('outOf100', { score: formatNumber(g.score) })}</li>)}
          </ul>
          {p.suggestions.length > 0 ? (
            <details>
              <summary>{t('actionsForGaps')} ({p.suggestions.length})</summary>
              <ol class="gap-actions">
                {p.suggestions.slice(0, 5).map((s) => (
                  <li key={s.actionId}>
                    <strong>{s.title}</strong> <span class="gain">{tn('gainPoints', s.gains.global)}</span>
                    <p class="muted">{s.indicatorTitle} · {s.effortLabel}</p>
                    {[...s.testimonyViews].sort((a, b) => Number(told.has(b.id)) - Number(told.has(a.id))).slice(0, 2).map((tm) => <TestimonyCard key={tm.id} testimony={tm} level={4} />)}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </>
      )}
      {p.plans.length === 0 ? <p class="muted">{t('noPlanYet')}</p> : (
        <ul class="participant-plans">
          {p.plans.map((plan) => (
            <li key={plan.id} data-plan={plan.id}>
              <a href={href.plan(plan.id)}>{plan.title}</a> <span class={`badge badge-${plan.status}`}>{t(`planStatus_${plan.status}`)}</span>
              {plan.status === 'draft' && plan.shared ? <span class="muted"> · {t('draftSharedShort')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The compte rendu, written after the event by the organisers or the workshop's experts. */
function NotesForm({ eventId, workshop }: { eventId: number; workshop: Workshop }) {
  const path = `/events/${eventId}/workshops/${workshop.id}`;
  return (
    <TextRecordForm id="workshop-notes" title={t('workshopNotes')} label={t('workshopNotesLabel')} hint={t('workshopNotesHint')} field="/notes"
      initial={workshop.notes} version={workshop.version}
      save={async (notes, version) => (await api<Workshop>('PATCH', path, { version, notes })).version} />
  );
}
