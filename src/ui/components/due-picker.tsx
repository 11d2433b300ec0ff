import { useState } from 'preact/hooks';
import { currentLang, t } from '../i18n.js';
import { FieldError } from './field.js';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A due date picked, never typed: a month or a quarter, and a year. Two native selects, so the
 * keyboard and screen readers work as everywhere else; "no due date" leaves the year aside.
 */
export function DuePicker({ id, value, onChange, error }: { id: string; value: string | null; onChange: (due: string | null) => void; error?: string | undefined }) {
  const thisYear = new Date().getFullYear();
  const [initialYear, initialPeriod] = value ? value.split('-') as [string, string] : [String(thisYear + 1), ''];
  const [year, setYear] = useState(initialYear);
  const [period, setPeriod] = useState(initialPeriod);
  const first = Math.min(thisYear, Number(initialYear));
  const last = Math.max(thisYear + 6, Number(initialYear));
  const years = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const months = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(currentLang() === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long' }).format(new Date(2000, i, 1)));
  const pick = (nextPeriod: string, nextYear: string) => {
    setPeriod(nextPeriod);
    setYear(nextYear);
    onChange(nextPeriod === '' ? null : `${nextYear}-${nextPeriod}`);
  };
  return (
    <fieldset class={`due-picker${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('dueLegend')}</legend>
      <div class="due-fields">
        <div class="field">
          <label for={`${id}-period`}>{t('duePeriod')}</label>
          <select id={`${id}-period`} value={period} onChange={(e) => pick(e.currentTarget.value, year)}>
            <option value="">{t('dueNone')}</option>
            <optgroup label={t('dueQuarters')}>
              {[1, 2, 3, 4].map((q) => <option key={q} value={`Q${q}`}>{t('dueQuarterOption', { q })}</option>)}
            </optgroup>
            <optgroup label={t('dueMonths')}>
              {months.map((name, i) => <option key={name} value={pad(i + 1)}>{name}</option>)}
            </optgroup>
          </select>
        </div>
        <div class="field">
          <label for={`${id}-year`}>{t('dueYear')}</label>
          <select id={`${id}-year`} value={year} disabled={period === ''} onChange={(e) => pick(period, e.currentTarget.value)}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
