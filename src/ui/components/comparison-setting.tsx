import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api.js';
import type { Organisation } from '../api-types.js';
import { t } from '../i18n.js';
import { ErrorBox } from './page.js';

/** Whether the organisation counts in comparisons with organisations like it: changed at once, any time. */
export function ComparisonSetting({ organisation }: { organisation: Organisation }) {
  const [counted, setCounted] = useState(organisation.countInComparisons);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const change = async (value: boolean) => {
    try {
      setCounted((await api<Organisation>('PATCH', `/organisations/${organisation.id}`, { countInComparisons: value })).countInComparisons);
      setError(undefined);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <section aria-labelledby="comparisons-title">
      <h2 id="comparisons-title">{t('comparisonsTitle')}</h2>
      <p><label><input type="checkbox" name="countInComparisons" checked={counted} onChange={(e) => void change((e.target as HTMLInputElement).checked)} /> {t('countInComparisons')}</label></p>
      <p class="muted">{t('countInComparisonsHelp')}</p>
      {error ? <ErrorBox error={error} /> : null}
    </section>
  );
}
