import { IndicatorChoices } from './indicator-choices.js';
import type { Questionnaires } from '../api-types.js';
import { emptyTestimony, type TestimonyDraft, type WorkshopDraft } from '../event-draft.js';
import { t, tn } from '../i18n.js';
import { describedBy, Field } from './field.js';
import { RecordedTestimonyFields } from './recorded-testimony-fields.js';

/** A testimony of data/ an organiser can pick for a workshop. */
export interface TestimonyChoice { id: string; title: string; organisation: string; indicators: string[] }

/**
 * One workshop: its title, what it covers (a pillar, or indicators ticked from any pillar), its
 * experts by e-mail, and the testimonies told there — picked from data/ or recorded for the event.
 */
export function WorkshopFields({ workshop, n, content, catalogue, errors, onChange, onRemove }: {
  workshop: WorkshopDraft;
  n: number;
  content: Questionnaires;
  catalogue: TestimonyChoice[];
  errors: Map<string, string>;
  onChange: (patch: Partial<WorkshopDraft>) => void;
  onRemove: () => void;
}) {
  const at = `/workshops/${n}`;
  const id = `workshop-${workshop.key}`;
  const err = (path: string) => errors.get(`${at}${path}`);
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const setRecorded = (key: number, patch: Partial<TestimonyDraft>) => onChange({ recorded: workshop.recorded.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  // The testimonies of the workshop's scope first (stable otherwise: by organisation, as the API lists them).
  const scope = new Set(workshop.scope === 'pillar' ? (content.pillars.find((p) => p.id === workshop.pillar)?.indicators.map((i) => i.id) ?? []) : workshop.indicators);
  const inScope = (c: TestimonyChoice) => (c.indicators.some((i) => scope.has(i)) ? 0 : 1);
  const choices = [...catalogue].sort((a, b) => inScope(a) - inScope(b));
  const expertsError = err('/experts') ?? [...errors].find(([path]) => path.startsWith(`${at}/experts/`))?.[1];
  return (
    <fieldset class="card workshop-fields">
      <legend>{t('workshopNumber', { number: n + 1 })}</legend>
      {err('') ? <p class="field-error">{err('')}</p> : null}
      <Field id={`${id}-title`} label={t('workshopTitle')} error={err('/title')}>
        <input id={`${id}-title`} value={workshop.title} maxLength={200} onInput={(e) => onChange({ title: e.currentTarget.value })}
          aria-invalid={err('/title') ? true : undefined} aria-describedby={describedBy(`${id}-title`, { error: err('/title') })} />
      </Field>
      <fieldset class="choices">
        <legend>{t('workshopScope')}</legend>
        <label class="check"><input type="radio" name={`${id}-scope`} checked={workshop.scope === 'pillar'} onChange={() => onChange({ scope: 'pillar' })} /> {t('workshopScopePillar')}</label>
        <label class="check"><input type="radio" name={`${id}-scope`} checked={workshop.scope === 'indicators'} onChange={() => onChange({ scope: 'indicators' })} /> {t('workshopScopeIndicators')}</label>
      </fieldset>
      {workshop.scope === 'pillar' ? (
        <Field id={`${id}-pillar`} label={t('workshopPillar')} error={err('/pillar')}>
          <select id={`${id}-pillar`} value={workshop.pillar} onChange={(e) => onChange({ pillar: e.currentTarget.value })}
            aria-invalid={err('/pillar') ? true : undefined} aria-describedby={describedBy(`${id}-pillar`, { error: err('/pillar') })}>
            <option value="">{t('choose')}</option>
            {content.pillars.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
        </Field>
      ) : (
        <IndicatorChoices content={content} legend={t('workshopIndicators')} value={workshop.indicators} error={err('/indicators')} onChange={(indicators) => onChange({ indicators })} />
      )}
      <Field id={`${id}-experts`} label={t('workshopExperts')} error={expertsError}
        hint={workshop.currentExperts?.length && workshop.experts === workshop.expertsAtLoad
          ? t('workshopExpertsKept', { names: workshop.currentExperts.join(', ') })
          : t('workshopExpertsHint')}>
        <textarea id={`${id}-experts`} rows={2} value={workshop.experts} onInput={(e) => onChange({ experts: e.currentTarget.value })}
          aria-invalid={expertsError ? true : undefined} aria-describedby={describedBy(`${id}-experts`, { hint: true, error: expertsError })} />
      </Field>
      {catalogue.length > 0 ? (
        <details class="choices testimony-choices" open={workshop.testimonies.length > 0}>
          <summary>{tn('workshopTestimonies', workshop.testimonies.length)}</summary>
          {choices.map((c) => (
            <label key={c.id} class="check">
              <input type="checkbox" checked={workshop.testimonies.includes(c.id)} onChange={(e) => onChange({ testimonies: toggle(workshop.testimonies, c.id, e.currentTarget.checked) })} />
              {' '}{c.organisation} — {c.title}
            </label>
          ))}
        </details>
      ) : null}
      {workshop.recorded.map((r, j) => (
        <RecordedTestimonyFields key={r.key} testimony={r} at={`${at}/recordedTestimonies/${j}`} number={j + 1} content={content} errors={errors}
          onChange={(patch) => setRecorded(r.key, patch)} onRemove={() => onChange({ recorded: workshop.recorded.filter((x) => x.key !== r.key) })} />
      ))}
      <div class="button-row">
        <button type="button" class="button-secondary" onClick={() => onChange({ recorded: [...workshop.recorded, emptyTestimony()] })}>{t('addRecordedTestimony')}</button>
        <button type="button" class="button-danger" onClick={onRemove} aria-label={t('removeWorkshopLabel', { number: n + 1 })}>{t('removeWorkshop')}</button>
      </div>
    </fieldset>
  );
}
