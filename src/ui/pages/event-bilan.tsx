import { API, api } from '../api.js';
import { Loadable, Page } from '../components/page.js';
import { TextRecordForm } from '../components/text-record-form.js';
import type { EventBilan, EventDetail } from '../api-types.js';
import { currentLang, formatDate, formatNumber, t, tn } from '../i18n.js';
import { href } from '../router.js';
import { signed } from '../signed.js';
import { useLoad } from '../use-load.js';

const num = (v: number | null) => (v === null ? '–' : formatNumber(v));
const delta = (v: number | null) => (v === null ? '–' : signed(v));

/**
 * The event's bilan: each intention against its figure, what the participants did, how the scores
 * of those who re-assessed moved, each workshop's notes, and the improvements for next time.
 * Participants are anonymised unless they agreed to be named; the PDF says the same for partners.
 */
export function EventBilanPage({ id }: { id: number }) {
  const state = useLoad(async () => {
    const [event, bilan] = await Promise.all([api<EventDetail>('GET', `/events/${id}`), api<EventBilan>('GET', `/events/${id}/bilan`)]);
    return { event, bilan };
  }, [id]);
  return (
    <Loadable state={state}>
      {({ event, bilan }) => (
        <Page title={t('bilanEventTitle', { title: event.title })}
          actions={<a class="button button-secondary" href={`${API}/events/${id}/bilan/pdf?lang=${currentLang()}`} download>{t('downloadPdf')}</a>}>
          <p class="muted"><a href={href.event(event.id)}>{t('backToEvent')}</a> · {t('bilanOn', { date: formatDate(bilan.today) })}</p>
          <Intentions bilan={bilan} />
          <section aria-labelledby="happened-title">
            <h2 id="happened-title">{t('bilanHappened')}</h2>
            <ul class="bilan-counts">
              <li data-count="participants">{tn('bilanParticipants', bilan.counts.participants)} · {tn('bilanAssessedBefore', bilan.counts.assessedBefore)}</li>
              <li data-count="plans">{tn('bilanPlansDrafted', bilan.counts.plansDrafted)} · {tn('bilanPlansSubmitted', bilan.counts.plansSubmitted)} · {tn('bilanPlansApproved', bilan.counts.plansApproved)}</li>
              <li data-count="items">{tn('bilanItemsDone', bilan.counts.itemsDone, { items: bilan.counts.items })} · {tn('bilanReassessed', bilan.counts.reassessed)}</li>
            </ul>
          </section>
          <Changes bilan={bilan} />
          <Participants bilan={bilan} />
          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t('bilanNotes')}</h2>
            {bilan.workshops.map((w) => (
              <article key={w.id} class="card">
                <h3>{w.title}</h3>
                <p class="pre-line">{w.notes ?? t('noNotesYet')}</p>
              </article>
            ))}
          </section>
          <Improvements event={event} />
        </Page>
      )}
    </Loadable>
  );
}

function Intentions({ bilan }: { bilan: EventBilan }) {
  return (
    <section aria-labelledby="bilan-intentions-title">
      <h2 id="bilan-intentions-title">{t('bilanIntentions')}</h2>
      <div class="table-scroll">
        <table class="stacked bilan-intentions">
          <caption class="sr-only">{t('bilanIntentions')}</caption>
          <thead><tr><th scope="col">{t('bilanIntention')}</th><th scope="col" class="numeric">{t('bilanTarget')}</th><th scope="col" class="numeric">{t('bilanAchieved')}</th><th scope="col">{t('bilanOutcome')}</th></tr></thead>
          <tbody>
            {bilan.intentions.map((m) => (
              <tr key={m.id} data-intention={m.kind} data-outcome={m.outcome}>
                <th scope="row">{m.label}</th>
                <td class="numeric" data-label={t('bilanTarget')}>{num(m.target)}</td>
                <td class="numeric" data-label={t('bilanAchieved')} data-achieved={m.achieved ?? ''}>{num(m.achieved)}</td>
                <td data-label={t('bilanOutcome')}><span class={`badge badge-outcome-${m.outcome}`}>{t(`outcome_${m.outcome}`)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Changes({ bilan }: { bilan: EventBilan }) {
  const tooFew = bilan.changes.every((c) => c.delta === null);
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">{t('bilanChanges')}</h2>
      {tooFew ? <p class="alert">{t('bilanTooFew')}</p> : (
        <div class="table-scroll">
          <table class="stacked bilan-changes">
            <caption class="sr-only">{t('bilanChanges')}</caption>
            <thead><tr><th scope="col">{t('scoreHeading')}</th><th scope="col" class="numeric">{t('bilanCount')}</th><th scope="col" class="numeric">{t('bilanBefore')}</th><th scope="col" class="numeric">{t('bilanAfter')}</th><th scope="col" class="numeric">{t('bilanDelta')}</th></tr></thead>
            <tbody>
              {bilan.changes.map((c) => (
                <tr key={c.id} data-change={c.id}>
                  <th scope="row">{c.title}</th>
                  <td class="numeric" data-label={t('bilanCount')}>{c.count}</td>
                  <td class="numeric" data-label={t('bilanBefore')}>{num(c.before)}</td>
                  <td class="numeric" data-label={t('bilanAfter')}>{num(c.after)}</td>
                  <td class="numeric" data-label={t('bilanDelta')}>{delta(c.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Participants({ bilan }: { bilan: EventBilan }) {
  return (
    <section aria-labelledby="bilan-participants-title">
      <h2 id="bilan-participants-title">{t('bilanParticipantsTitle')}</h2>
      <p class="muted">{t('bilanAnonymised')}</p>
      <div class="table-scroll">
        <table class="stacked bilan-participants">
          <caption class="sr-only">{t('bilanParticipantsTitle')}</caption>
          <thead><tr><th scope="col">{t('bilanParticipant')}</th><th scope="col">{t('workshop')}</th><th scope="col">{t('planLabel')}</th><th scope="col" class="numeric">{t('bilanActions')}</th><th scope="col" class="numeric">{t('bilanGlobalChange')}</th></tr></thead>
          <tbody>
            {bilan.participants.map((p) => (
              <tr key={p.number} data-bilan-participant={p.number}>
                <th scope="row">{p.name}</th>
                <td data-label={t('workshop')}>{p.workshopTitle ?? '–'}</td>
                <td data-label={t('planLabel')}>{t(`bilanPlan_${p.plan}`)}</td>
                <td class="numeric" data-label={t('bilanActions')}>{p.itemsDone} / {p.items}</td>
                <td class="numeric" data-label={t('bilanGlobalChange')}>{delta(p.globalDelta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What the team will do differently: kept with the event, shown when the next one starts from it. */
function Improvements({ event }: { event: EventDetail }) {
  return (
    <TextRecordForm id="improvements" title={t('improvementsTitle')} label={t('improvementsLabel')} hint={t('improvementsHint')} field="/improvements"
      initial={event.improvements} version={event.version}
      save={async (improvements, version) => (await api<EventDetail>('PATCH', `/events/${event.id}`, { version, improvements })).version}>
      <a href={href.eventNew(event.id)}>{t('nextEventLink')}</a>
    </TextRecordForm>
  );
}
