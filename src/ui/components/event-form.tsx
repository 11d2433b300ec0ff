import { useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import type { Questionnaires } from '../api-types.js';
import { SaveError } from '../event-save.js';
import { emptyWorkshop, toBody, type EventBody, type EventDraft, type WorkshopDraft } from '../event-draft.js';
import { t } from '../i18n.js';
import { describedBy, Field } from './field.js';
import { IntentionsFields } from './intentions-fields.js';
import { ErrorBox } from './page.js';
import { WorkshopFields, type TestimonyChoice } from './workshop-fields.js';

type TextField = 'title' | 'date' | 'followUp' | 'place' | 'partners';

/**
 * The whole event in one form: what, when and where, the intentions, the workshops. Nothing is
 * lost on a refusal: the fields keep what was typed and each problem shows next to its field.
 */
export function EventForm({ initial, content, catalogue, submitLabel, onSubmit }: {
  initial: EventDraft;
  content: Questionnaires;
  catalogue: TestimonyChoice[];
  submitLabel: string;
  /** Sends it; throws the API's refusal (with the draft as saved so far, when part of it was). */
  onSubmit: (body: EventBody, draft: EventDraft) => Promise<void>;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState(new Map<string, string>());
  const [general, setGeneral] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<EventDraft>) => setDraft({ ...draft, ...patch });
  const setWorkshop = (key: number, patch: Partial<WorkshopDraft>) => set({ workshops: draft.workshops.map((w) => (w.key === key ? { ...w, ...patch } : w)) });

  const submit = async (e: Event) => {
    e.preventDefault();
    const { body, problems } = toBody(draft);
    if (problems.length > 0) {
      setErrors(new Map(problems.map((p) => [p, t('wholeNumber')])));
      setGeneral(undefined);
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(body, draft);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'client', String(err));
      if (err instanceof SaveError) setDraft(err.draft);
      setErrors(apiError.byPath());
      setGeneral(apiError);
      focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  const text = (field: TextField, label: string, input: 'text' | 'date' | 'lines', hint?: string) => {
    const id = `event-${field}`;
    const error = errors.get(`/${field}`) ?? (field === 'partners' ? [...errors].find(([p]) => p.startsWith('/partners/'))?.[1] : undefined);
    const common = { id, value: draft[field], 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, { hint: hint !== undefined, error }) };
    return (
      <Field id={id} label={label} hint={hint} error={error}>
        {input === 'lines'
          ? <textarea rows={3} {...common} onInput={(e) => set({ [field]: e.currentTarget.value })} />
          : input === 'date'
            ? <input type="date" {...common} onInput={(e) => set({ [field]: e.currentTarget.value })} />
            : <input {...common} maxLength={200} onInput={(e) => set({ [field]: e.currentTarget.value })} />}
      </Field>
    );
  };

  return (
    <form class="event-form" onSubmit={(e) => void submit(e)} noValidate>
      {general ? <ErrorBox error={general} /> : null}
      <fieldset class="card form-section">
        <legend>{t('eventAbout')}</legend>
        {text('title', t('eventTitle'), 'text')}
        <div class="field-row">
          {text('date', t('eventDate'), 'date')}
          {text('followUp', t('eventFollowUp'), 'date', t('eventFollowUpHint'))}
        </div>
        {text('place', t('eventPlace'), 'text')}
        {text('partners', t('eventPartners'), 'lines', t('eventPartnersHint'))}
      </fieldset>
      <IntentionsFields intentions={draft.intentions} errors={errors} onChange={(intentions) => set({ intentions })} />
      <h2>{t('eventWorkshops')}</h2>
      <p class="hint">{t('eventWorkshopsHint')}</p>
      {errors.get('/workshops') ? <p class="field-error">{errors.get('/workshops')}</p> : null}
      {draft.workshops.map((w, n) => (
        <WorkshopFields key={w.key} workshop={w} n={n} content={content} catalogue={catalogue} errors={errors}
          onChange={(patch) => setWorkshop(w.key, patch)} onRemove={() => set({ workshops: draft.workshops.filter((x) => x.key !== w.key) })} />
      ))}
      <div class="button-row">
        <button type="button" class="button-secondary" onClick={() => {
          const added = emptyWorkshop();
          set({ workshops: [...draft.workshops, added] });
          setTimeout(() => document.getElementById(`workshop-${added.key}-title`)?.focus());
        }}>{t('addWorkshop')}</button>
      </div>
      <div class="button-row form-submit">
        <button type="submit" disabled={busy}>{busy ? t('saving') : submitLabel}</button>
      </div>
    </form>
  );
}

/** After a refusal, the focus goes to the first field in error (or the message above the form). */
function focusFirstError() {
  setTimeout(() => {
    const field = document.querySelector<HTMLElement>('.event-form [aria-invalid="true"]');
    if (field) field.focus();
    else document.querySelector('.event-form .alert-error')?.scrollIntoView();
  });
}
