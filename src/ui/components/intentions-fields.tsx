import { emptyIntention, INTENTION_KINDS, type IntentionDraft } from '../event-draft.js';
import { t } from '../i18n.js';
import { describedBy, Field } from './field.js';

/**
 * The organisers' intentions, one fieldset each: a measurable one takes a target (and, for
 * approvals, a number of weeks), one in words takes its sentence.
 */
export function IntentionsFields({ intentions, errors, onChange }: {
  intentions: IntentionDraft[];
  errors: Map<string, string>;
  onChange: (next: IntentionDraft[]) => void;
}) {
  const set = (key: number, patch: Partial<IntentionDraft>) => onChange(intentions.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const add = () => {
    const added = emptyIntention();
    onChange([...intentions, added]);
    setTimeout(() => document.getElementById(`intention-${added.key}-kind`)?.focus());
  };
  const remove = (key: number, n: number) => {
    onChange(intentions.filter((i) => i.key !== key));
    // The focus goes to the intention that took its place, or to the add button.
    setTimeout(() => (document.querySelectorAll<HTMLElement>('.intention select')[n] ?? document.getElementById('add-intention'))?.focus());
  };
  return (
    <fieldset class="card form-section">
      <legend>{t('eventIntentions')}</legend>
      <p class="hint">{t('eventIntentionsHint')}</p>
      {errors.get('/intentions') ? <p class="field-error">{errors.get('/intentions')}</p> : null}
      {intentions.map((i, n) => {
        const at = `/intentions/${n}`;
        const id = `intention-${i.key}`;
        return (
          <fieldset key={i.key} class="intention">
            <legend>{t('intentionNumber', { number: n + 1 })}</legend>
            {errors.get(at) ? <p class="field-error">{errors.get(at)}</p> : null}
            <Field id={`${id}-kind`} label={t('intentionKind')} error={errors.get(`${at}/kind`)}>
              <select id={`${id}-kind`} value={i.kind} onChange={(e) => set(i.key, { kind: e.currentTarget.value as IntentionDraft['kind'] })}>
                {INTENTION_KINDS.map((k) => <option key={k} value={k}>{t(`intentionKind_${k}`)}</option>)}
              </select>
            </Field>
            {i.kind === 'words' ? (
              <Field id={`${id}-text`} label={t('intentionText')} error={errors.get(`${at}/text`)}>
                <textarea id={`${id}-text`} rows={2} maxLength={500} value={i.text} onInput={(e) => set(i.key, { text: e.currentTarget.value })}
                  aria-invalid={errors.has(`${at}/text`) || undefined} aria-describedby={describedBy(`${id}-text`, { error: errors.get(`${at}/text`) })} />
              </Field>
            ) : (
              <div class="field-row">
                <Field id={`${id}-target`} label={t('intentionTarget')} error={errors.get(`${at}/target`)}>
                  <input id={`${id}-target`} inputMode="numeric" class="input-short" value={i.target} onInput={(e) => set(i.key, { target: e.currentTarget.value })}
                    aria-invalid={errors.has(`${at}/target`) || undefined} aria-describedby={describedBy(`${id}-target`, { error: errors.get(`${at}/target`) })} />
                </Field>
                {i.kind === 'plans-approved' ? (
                  <Field id={`${id}-weeks`} label={t('intentionWeeks')} error={errors.get(`${at}/withinWeeks`)}>
                    <input id={`${id}-weeks`} inputMode="numeric" class="input-short" value={i.withinWeeks} onInput={(e) => set(i.key, { withinWeeks: e.currentTarget.value })}
                      aria-invalid={errors.has(`${at}/withinWeeks`) || undefined} aria-describedby={describedBy(`${id}-weeks`, { error: errors.get(`${at}/withinWeeks`) })} />
                  </Field>
                ) : null}
              </div>
            )}
            <button type="button" class="button-secondary" onClick={() => remove(i.key, n)} aria-label={t('removeIntentionLabel', { number: n + 1 })}>{t('removeIntention')}</button>
          </fieldset>
        );
      })}
      <button type="button" id="add-intention" class="button-secondary" onClick={add}>{t('addIntention')}</button>
    </fieldset>
  );
}
