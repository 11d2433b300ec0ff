import { api } from '../api.js';
import type { EventDetail, EventParticipants } from '../api-types.js';
import { InvitationPanel } from '../components/invitation-panel.js';
import { Loadable, Page } from '../components/page.js';
import { colon, formatDate, t, tn } from '../i18n.js';
import { contentTitles, scopeOf } from '../content-titles.js';
import { intentionWords } from '../intention-words.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { MyEventView } from './my-event.js';

/**
 * One event, as the reader stands to it: the organisers see everything and run it from here; an
 * expert sees the workshops they lead; a participant sees their own part.
 */
export function EventPage({ id }: { id: number }) {
  const state = useLoad(async () => {
    const [event, content] = await Promise.all([api<EventDetail>('GET', `/events/${id}`), questionnaires()]);
    return { event, titles: contentTitles(content) };
  }, [id]);
  return (
    <Loadable state={state}>
      {({ event, titles }) => event.access === 'organise' ? <OrganiserEvent event={event} titles={titles} />
        : event.access === 'lead' ? <ExpertEvent event={event} titles={titles} />
        : <MyEventView eventId={event.id} titles={titles} />}
    </Loadable>
  );
}

function EventFacts({ event }: { event: EventDetail }) {
  return (
    <dl class="facts">
      <div><dt>{t('eventDate')}</dt><dd>{formatDate(event.date)}</dd></div>
      <div><dt>{t('eventPlace')}</dt><dd>{event.place}</dd></div>
      <div><dt>{t('eventFollowUp')}</dt><dd>{formatDate(event.followUp)}</dd></div>
      {event.partners.length > 0 ? <div><dt>{t('eventPartners')}</dt><dd>{event.partners.join(', ')}</dd></div> : null}
    </dl>
  );
}


function OrganiserEvent({ event, titles }: { event: EventDetail; titles: Map<string, string> }) {
  const state = useLoad(() => api<EventParticipants>('GET', `/events/${event.id}/participants`), [event.id]);
  return (
    <Page title={event.title} actions={<>
      <a class="button button-secondary" href={href.eventEdit(event.id)}>{t('eventEditShort')}</a>
      <a class="button" href={href.eventBilan(event.id)}>{t('eventBilanLink')}</a>
    </>}>
      <p><span class={`badge badge-phase-${event.phase}`}>{t(`eventPhase_${event.phase}`)}</span></p>
      <EventFacts event={event} />
      <section aria-labelledby="intentions-title">
        <h2 id="intentions-title">{t('eventIntentions')}</h2>
        {event.intentions.length === 0 ? <p class="muted">{t('noIntentions')}</p> : (
          <ul class="intentions-list">{event.intentions.map((i) => <li key={i.id}>{intentionWords(i)}</li>)}</ul>
        )}
      </section>
      <InvitationPanel eventId={event.id} />
      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t('participantsTitle')}</h2>
        <Loadable state={state}>{(list) => <ParticipantList event={event} list={list} />}</Loadable>
        <p><a class="button button-secondary" href={href.eventCohort(event.id)}>{t('cohortLink')}</a></p>
      </section>
      <WorkshopList event={event} titles={titles} />
      <section aria-labelledby="next-title" class="card">
        <h2 id="next-title">{t('nextEventTitle')}</h2>
        <p>{t('nextEventIntro')}</p>
        <a class="button button-secondary" href={href.eventNew(event.id)}>{t('nextEventLink')}</a>
      </section>
    </Page>
  );
}

/** Who joined, whether they submitted an assessment by the day, and their workshop. */
function ParticipantList({ event, list }: { event: EventDetail; list: EventParticipants }) {
  const workshopTitle = new Map(event.workshops.map((w) => [w.id, w.title]));
  return (
    <>
      <p>{tn('participantsJoined', list.joined)} · {tn('participantsAssessed', list.submittedBeforeEvent)}</p>
      {list.participants.length === 0 ? <p class="muted">{t('noParticipants')}</p> : (
        <ul class="list participants">
          {list.participants.map((p) => {
            const ready = p.assessment.status === 'submitted' && p.assessment.beforeEvent;
            return (
              <li key={p.organisationId} class="list-row" data-participant={p.organisationId}>
                <span><strong>{p.name}</strong> <span class="muted">· {t('joinedOn', { date: formatDate(p.joinedAt) })}</span></span>
                <span class="row-actions">
                  <span class={`badge ${ready ? 'badge-approved' : 'badge-draft'}`} data-assessed={ready}>{ready ? t('assessedYes') : t('assessedNo')}</span>
                  <span class="muted">{t('workshop')}{colon()}{p.workshopId === null ? t('notAssigned') : workshopTitle.get(p.workshopId)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function WorkshopList({ event, titles, mine }: { event: EventDetail; titles: Map<string, string>; mine?: number }) {
  // An expert is shown the workshops they lead (the others' pages are not theirs to open).
  const shown = mine === undefined ? event.workshops : event.workshops.filter((w) => w.experts.some((x) => x.userId === mine));
  return (
    <section aria-labelledby="workshops-title">
      <h2 id="workshops-title">{mine === undefined ? t('eventWorkshops') : t('yourWorkshops')}</h2>
      {shown.length === 0 ? <p class="muted">{t('noWorkshops')}</p> : (
        <ul class="cards">
          {shown.map((w) => (
            <li key={w.id} class="card" data-workshop={w.id}>
              <h3><a href={href.workshop(event.id, w.id)}>{w.title}</a></h3>
              <p class="muted">{scopeOf(w, titles)}</p>
              <p>{w.experts.length === 0 ? t('noExperts') : w.experts.map((x) => x.name).join(', ')}</p>
              <p class="muted">{tn('workshopParticipants', w.participants)}{w.notes ? ` · ${t('notesWritten')}` : ''}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** An expert's view of an event: the workshops they lead in it. */
function ExpertEvent({ event, titles }: { event: EventDetail; titles: Map<string, string> }) {
  const { me } = useSession();
  return (
    <Page title={event.title}>
      <EventFacts event={event} />
      <WorkshopList event={event} titles={titles} mine={me.user.id} />
    </Page>
  );
}
