import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { EventForm } from '../components/event-form.js';
import { describedBy, Field } from '../components/field.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import type { TestimonyChoice } from '../components/workshop-fields.js';
import { emptyEvent } from '../event-draft.js';
import { draftOf, saveEvent } from '../event-save.js';
import type { EventDetail, Questionnaires, TestimonyLibrary } from '../api-types.js';
import { t } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href, navigate } from '../router.js';
import { useLoad } from '../use-load.js';

/** The content's testimonies to pick for a workshop, by organisation. */
const catalogue = async (): Promise<TestimonyChoice[]> =>
  (await api<TestimonyLibrary>('GET', '/testimonies')).testimonies.map((x) => ({ id: x.id, title: x.title, organisation: x.organisation.name, indicators: x.indicators }));

/** A new event: blank, or the next one of a previous event. */
export function EventNewPage({ from }: { from: number | null }) {
  return from === null ? <BlankEventPage /> : <NextEventPage from={from} />;
}

/** The whole form, sent at once. */
function BlankEventPage() {
  const state = useLoad(async () => {
    const [content, choices] = await Promise.all([questionnaires(), catalogue()]);
    return { content, choices };
  }, []);
  return (
    <Page title={t('eventNew')}>
      <Loadable state={state}>
        {({ content, choices }) => (
          <EventForm initial={emptyEvent()} content={content} catalogue={choices} submitLabel={t('eventCreate')}
            onSubmit={async (body) => navigate(href.event((await api<EventDetail>('POST', '/events', body)).id))} />
        )}
      </Loadable>
    </Page>
  );
}

/** Editing: each part that changed is saved in turn (the API versions them apart). */
export function EventEditPage({ id }: { id: number }) {
  const state = useLoad(async () => {
    const [content, choices, event] = await Promise.all([questionnaires(), catalogue(), api<EventDetail>('GET', `/events/${id}`)]);
    return { content, choices, event };
  }, [id]);
  return (
    <Page title={t('eventEdit')}>
      <Loadable state={state}>
        {({ content, choices, event }) => <EditForm key={event.id} event={event} content={content} choices={choices} />}
      </Loadable>
    </Page>
  );
}

function EditForm({ event, content, choices }: { event: EventDetail; content: Questionnaires; choices: TestimonyChoice[] }) {
  // What is stored, refreshed after a refusal so that sending again starts from it.
  const [original, setOriginal] = useState(event);
  return (
    <EventForm initial={draftOf(event)} content={content} catalogue={choices} submitLabel={t('save')}
      onSubmit={async (_, draft) => {
        try {
          await saveEvent(original, draft);
          navigate(href.event(event.id));
        } catch (e) {
          setOriginal(await api<EventDetail>('GET', `/events/${event.id}`));
          throw e;
        }
      }} />
  );
}

/**
 * The next event from a previous one: its partners, intentions, workshops, experts and testimonies
 * are taken over; here only what is new (title, dates, place), with the improvements in sight.
 */
function NextEventPage({ from }: { from: number }) {
  const state = useLoad(() => api<EventDetail>('GET', `/events/${from}`), [from]);
  return (
    <Page title={t('eventNewFrom')}>
      <Loadable state={state}>{(previous) => <NextEventForm previous={previous} />}</Loadable>
    </Page>
  );
}

type NextField = 'title' | 'date' | 'followUp' | 'place';

function NextEventForm({ previous }: { previous: EventDetail }) {
  const [fields, setFields] = useState<Record<NextField, string>>({ title: '', date: '', followUp: '', place: previous.place });
  const [error, setError] = useState<ApiError | undefined>(undefined);
  // Creating carries no version: a second click while the first is on its way would make a second event.
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const errors = error?.byPath() ?? new Map<string, string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    try {
      const created = await api<EventDetail>('POST', `/events/${previous.id}/next`, fields);
      navigate(href.eventEdit(created.id));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };
  const input = (field: NextField, label: string, date = false) => {
    const id = `next-${field}`;
    const props = { id, value: fields[field], 'aria-invalid': errors.has(`/${field}`) || undefined, 'aria-describedby': describedBy(id, { error: errors.get(`/${field}`) }),
      onInput: (ev: Event) => setFields({ ...fields, [field]: (ev.currentTarget as HTMLInputElement).value }) };
    return <Field id={id} label={label} error={errors.get(`/${field}`)}>{date ? <input type="date" {...props} /> : <input {...props} />}</Field>;
  };
  return (
    <>
      <section class="alert previous-event" aria-labelledby="previous-title">
        <h2 id="previous-title">{t('previousImprovements', { title: previous.title })}</h2>
        <p class="pre-line">{previous.improvements ?? t('noImprovementsYet')}</p>
      </section>
      <p>{t('nextEventTakesOver', { workshops: previous.workshops.map((w) => w.title).join(', ') || '–' })}</p>
      <form class="card form-narrow" onSubmit={(e) => void submit(e)} noValidate>
        {error && error.issues.length === 0 ? <ErrorBox error={error} /> : null}
        {input('title', t('eventTitle'))}
        {input('date', t('eventDate'), true)}
        {input('followUp', t('eventFollowUp'), true)}
        {input('place', t('eventPlace'))}
        <button type="submit" disabled={busy}>{t('eventCreate')}</button>
      </form>
    </>
  );
}
