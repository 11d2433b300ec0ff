import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AnswerValue, Question } from '../api-types.js';
import { formatNumber, t } from '../i18n.js';
import { FieldError } from './field.js';

const NOT_APPLICABLE = 'n/a';
/** The option that means "none of these": exclusive of the others. */
const NONE_OPTION = 'none';
const RADIO_LIMIT = 7;

interface Props {
  question: Question;
  /** Prefix of the control ids, to keep them unique between profile and answers. */
  idPrefix: string;
  value: AnswerValue | undefined;
  error: string | undefined;
  readOnly: boolean;
  onChange: (value: AnswerValue | null) => void;
  /** Where the answer comes from (carried over from an earlier assessment, changed since), under the label. */
  origin?: { kind: 'carried' | 'changed'; text: string; action?: ComponentChildren };
}

/**
 * One question, with the control its type calls for, its help, "not applicable" where allowed,
 * and the server's or the form's message underneath.
 */
export function QuestionField({ question, idPrefix, value, error, readOnly, onChange, origin }: Props) {
  const id = `${idPrefix}-${question.id}`;
  const isNa = value === NOT_APPLICABLE;
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const shown = localError ?? error;
  const describedBy = [origin ? `${id}-origin` : '', question.help ? `${id}-help` : '', shown ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const grouped = question.type === 'multiple' || question.type === 'boolean' || ((question.type === 'single' || question.type === 'ladder') && (question.options?.length ?? 0) <= RADIO_LIMIT);
  const label = (
    <>
      {question.label}
      {question.optional ? <span class="muted"> ({t('optional')})</span> : null}
    </>
  );
  const control = (
    <Control question={question} id={id} value={isNa ? undefined : value} disabled={readOnly || isNa} describedBy={describedBy} invalid={Boolean(shown)}
      onChange={(v) => { setLocalError(undefined); onChange(v); }} onLocalError={setLocalError} />
  );
  const originNote = origin ? (
    <p class={`origin origin-${origin.kind}`}>
      <span id={`${id}-origin`}>{origin.text}</span>
      {origin.action ? <> {origin.action}</> : null}
    </p>
  ) : null;
  const help = question.help ? (
    <details class="help">
      <summary>{t('helpToggle')}</summary>
      <p id={`${id}-help`}>{question.help}</p>
    </details>
  ) : null;
  const na = question.notApplicable ? (
    <label class="check na">
      <input type="checkbox" checked={isNa} disabled={readOnly} aria-describedby={grouped ? undefined : `${id}-label`} onChange={(e) => onChange(e.currentTarget.checked ? NOT_APPLICABLE : null)} />
      {t('notApplicable')}
    </label>
  ) : null;
  return grouped ? (
    <fieldset class={`question${shown ? ' field-invalid' : ''}`} id={`q-${id}`} aria-describedby={describedBy} aria-invalid={shown ? true : undefined}>
      <legend>{label}</legend>
      {originNote}
      {help}
      {control}
      {na}
      <FieldError id={id} error={shown} />
    </fieldset>
  ) : (
    <div class={`question${shown ? ' field-invalid' : ''}`} id={`q-${id}`}>
      <label for={id} class="question-label" id={`${id}-label`}>{label}</label>
      {originNote}
      {help}
      {control}
      {na}
      <FieldError id={id} error={shown} />
    </div>
  );
}

interface ControlProps {
  question: Question;
  id: string;
  value: AnswerValue | undefined;
  disabled: boolean;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (value: AnswerValue | null) => void;
  onLocalError: (message: string | undefined) => void;
}

function Control({ question, id, value, disabled, describedBy, invalid, onChange, onLocalError }: ControlProps) {
  const options = question.options ?? [];
  switch (question.type) {
    case 'single':
    case 'ladder':
      if (options.length > RADIO_LIMIT) {
        return (
          <select id={id} disabled={disabled} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}>
            <option value="">{t('choose')}</option>
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        );
      }
      return (
        <div class={question.type === 'ladder' ? 'choices ladder' : 'choices'}>
          {options.map((o) => (
            <label key={o.value} class="check">
              <input type="radio" name={id} value={o.value} checked={value === o.value} disabled={disabled} onChange={() => onChange(o.value)} />
              {o.label}
            </label>
          ))}
        </div>
      );
    case 'multiple': {
      const selected = Array.isArray(value) ? value : [];
      const toggle = (option: string, on: boolean) => {
        let next = on ? [...selected.filter((v) => v !== option), option] : selected.filter((v) => v !== option);
        if (on) next = option === NONE_OPTION ? [NONE_OPTION] : next.filter((v) => v !== NONE_OPTION);
        onChange(next.length ? options.map((o) => o.value).filter((v) => next.includes(v)) : null);
      };
      return (
        <div class="choices">
          {options.map((o) => (
            <label key={o.value} class="check">
              <input type="checkbox" name={id} value={o.value} checked={selected.includes(o.value)} disabled={disabled} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
              {o.label}
            </label>
          ))}
        </div>
      );
    }
    case 'boolean':
      return (
        <div class="choices choices-inline">
          {[true, false].map((b) => (
            <label key={String(b)} class="check">
              <input type="radio" name={id} value={String(b)} checked={value === b} disabled={disabled} onChange={() => onChange(b)} />
              {b ? t('yes') : t('no')}
            </label>
          ))}
        </div>
      );
    case 'percentage':
    case 'number':
      return <NumberInput question={question} id={id} value={typeof value === 'number' ? value : undefined} disabled={disabled} describedBy={describedBy} invalid={invalid} onChange={onChange} onLocalError={onLocalError} />;
    case 'text':
      return (
        <textarea id={id} rows={3} maxLength={5000} disabled={disabled} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={typeof value === 'string' ? value : ''}
          onInput={(e) => onChange(e.currentTarget.value.trim() === '' ? null : e.currentTarget.value)} />
      );
  }
}

/** A decimal number as people type it: "1,5" or "1.5", "1 000" with spaces; nothing else. */
export function parseDecimal(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return undefined;
  const n = Number(compact);
  return Number.isFinite(n) ? n : undefined;
}

/** A number written the reader's way: a decimal comma in French, no grouping (easier to edit). */
function written(n: number): string {
  return formatNumber(n, { useGrouping: false, maximumFractionDigits: 6 });
}

/** A number as typed: kept as text until it parses, so "1," on the way to "1,5" is not lost. */
function NumberInput({ question, id, value, disabled, describedBy, invalid, onChange, onLocalError }: Omit<ControlProps, 'value'> & { value: number | undefined }) {
  const [text, setText] = useState(value === undefined ? '' : written(value));
  useEffect(() => {
    const typed = parseDecimal(text);
    if (value !== undefined && typed !== value) setText(written(value));
    if (value === undefined && typed !== undefined) setText('');
  }, [value]);
  const min = question.type === 'percentage' ? 0 : question.min;
  const max = question.type === 'percentage' ? 100 : question.max;
  const unit = question.type === 'percentage' ? '%' : question.unit;
  const commit = (raw: string) => {
    setText(raw);
    if (raw.trim() === '') {
      onLocalError(undefined);
      onChange(null);
      return;
    }
    const n = parseDecimal(raw);
    if (n === undefined) onLocalError(t('enterNumber'));
    else if ((min !== undefined && n < min) || (max !== undefined && n > max)) onLocalError(t('between', { min: min === undefined ? '−∞' : formatNumber(min), max: max === undefined ? '+∞' : formatNumber(max) }));
    else if (question.integer && !Number.isInteger(n)) onLocalError(t('wholeNumber'));
    else {
      onLocalError(undefined);
      onChange(n);
    }
  };
  return (
    <span class="number-input">
      <input id={id} type="text" inputMode="decimal" disabled={disabled} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={text}
        onInput={(e) => commit(e.currentTarget.value)} />
      {unit ? <span class="unit">{unit}</span> : null}
    </span>
  );
}
