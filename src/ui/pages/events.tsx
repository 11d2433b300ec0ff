import { api } from '../api.js';
import type { EventSummary } from '../api-types.js';
import { Loadable, Page } from '../components/page.js';
import { formatDate, t } from '../i18n.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

/**
 * The events the reader has a part in: those they organise, those whose workshops they lead,
 * those their organisations take part in — the coming ones first, each with what it is to them.
 */
export function EventsPage() {
  const { me } = useSession();
  const state = useLoad(() => api<EventSummary[]>('GET', '/events'), []);
  const organiser = me.user.role === 'organiser' || me.user.role === 'admin';
  return (
    <Page title={t('eventsTitle')} actions={organiser ? <a class="button" href={href.eventNew()}>{t('eventNew')}</a> : null}>
      <p>{organiser ? t('eventsIntroOrganiser') : me.user.role === 'expert' ? t('eventsIntroExpert') : t('eventsIntroLeader')}</p>
      <Loadable state={state}>
        {(events) => events.length === 0 ? <p>{organiser ? t('noEventsOrganiser') : t('noEvents')}</p> : (
          <ul class="list event-list">
            {events.map((e) => (
              <li key={e.id} class="list-row" data-event={e.id}>
                <div>
                  <a class="event-link" href={href.event(e.id)}>{e.title}</a>
                  <p class="muted">{formatDate(e.date)} · {e.place} · {t(`eventRole_${e.access}`)}</p>
                </div>
                <p class="event-phase"><span class={`badge badge-phase-${e.phase}`}>{t(`eventPhase_${e.phase}`)}</span></p>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </Page>
  );
}
