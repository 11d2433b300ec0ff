import type { Questionnaires } from '../api-types.js';
import type { TestimonyDraft } from '../event-draft.js';
import { t, type MessageKey } from '../i18n.js';
import { describedBy, Field } from './field.js';

type TextKey = Exclude<keyof TestimonyDraft, 'key' | 'sector'>;

/** Where each field of a recorded testimony sits in the API's body, for its error. */
const PATHS: Record<TextKey | 'sector', string> = {
  name: 'organisation/name', sector: 'organisation/sector', city: 'organisation/city', title: 'title', action: 'action', outcome: 'outcome',
  url: 'source/url', publisher: 'source/publisher', date: 'date',
};
const LABELS: Record<TextKey, MessageKey> = {
  name: 'testimonyOrganisation', city: 'testimonyCity', title: 'testimonyTitle', action: 'testimonyAction', outcome: 'testimonyOutcome',
  url: 'testimonySourceUrl', publisher: 'testimonyPublisher', date: 'testimonyDate',
};
const LONG = new Set<TextKey>(['action', 'outcome']);

/**
 * A testimony told at the event, with the fields and source rules of those in data/: who, what
 * they did, what came of it, and a public page where it can be read.
 */
export function RecordedTestimonyFields({ testimony, at, number, content, errors, onChange, onRemove }: {
  testimony: TestimonyDraft;
  /** Its JSON pointer in the body: /workshops/0/recordedTestimonies/1. */
  at: string;
  number: number;
  content: Questionnaires;
  errors: Map<string, string>;
  onChange: (patch: Partial<TestimonyDraft>) => void;
  onRemove: () => void;
}) {
  const id = `testimony-${testimony.key}`;
  const sectors = content.profile.questions.find((q) => q.id === 'sector')?.options ?? [];
  const text = (field: TextKey) => {
    const error = errors.get(`${at}/${PATHS[field]}`);
    const hint = field === 'url' ? t('testimonySourceUrlHint') : field === 'date' ? t('testimonyDateHint') : undefined;
    const props = {
      id: `${id}-${field}`, value: testimony[field], 'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(`${id}-${field}`, { hint: hint !== undefined, error }),
      onInput: (e: Event) => onChange({ [field]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <Field key={field} id={`${id}-${field}`} label={field === 'city' ? <>{t(LABELS[field])} <span class="muted">({t('optional')})</span></> : t(LABELS[field])} hint={hint} error={error}>
        {LONG.has(field) ? <textarea rows={3} maxLength={2000} {...props} /> : <input {...props} />}
      </Field>
    );
  };
  const sectorError = errors.get(`${at}/${PATHS.sector}`);
  return (
    <fieldset class="recorded-testimony">
      <legend>{t('recordedTestimonyNumber', { number })}</legend>
      {text('name')}
      <Field id={`${id}-sector`} label={t('testimonySector')} error={sectorError}>
        <select id={`${id}-sector`} value={testimony.sector} onChange={(e) => onChange({ sector: e.currentTarget.value })}
          aria-invalid={sectorError ? true : undefined} aria-describedby={describedBy(`${id}-sector`, { error: sectorError })}>
          <option value="">{t('choose')}</option>
          {sectors.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </Field>
      {text('city')}
      {text('title')}
      {text('action')}
      {text('outcome')}
      {text('url')}
      {text('publisher')}
      {text('date')}
      <button type="button" class="button-secondary" onClick={onRemove}>{t('removeTestimony')}</button>
    </fieldset>
  );
}
