import { useState } from 'preact/hooks';
import { api } from '../api.js';
import type { PublicPublications, Questionnaires } from '../api-types.js';
import { Loadable, Page } from '../components/page.js';
import { formatDate, formatNumber, t } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

/** The label of a profile option (a region, a NAF section), or the code when unknown. */
export function optionLabel(content: Questionnaires, field: string, value: string | null): string {
  if (value === null) return '';
  return content.profile.questions.find((q) => q.id === field)?.options?.find((o) => o.value === value)?.label ?? value;
}

/** The organisations that published their score, with filters, and the same as open data. */
export function PublicListPage() {
  const [region, setRegion] = useState('');
  const [sector, setSector] = useState('');
  const query = new URLSearchParams({ ...(region && { region }), ...(sector && { sector }) }).toString();
  const state = useLoad(async () => ({ content: await questionnaires(), list: await api<PublicPublications>('GET', `/public/publications${query ? `?${query}` : ''}`) }), [query]);
  return (
    <Page title={t('publicListTitle')}>
      <p>{t('publicListIntro')}</p>
      <Loadable state={state}>
        {({ content, list }) => (
          <>
            <div class="filters">
              {([['region', region, setRegion], ['sector', sector, setSector]] as const).map(([field, value, set]) => (
                <label key={field}>{content.profile.questions.find((q) => q.id === field)?.label ?? field}{' '}
                  <select value={value} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
                    <option value="">{t('publicAll')}</option>
                    {content.profile.questions.find((q) => q.id === field)?.options?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                </label>
              ))}
            </div>
            {list.publications.length === 0 ? <p>{t('publicNone')}</p> : (
              <div class="table-scroll">
                <table class="public-list">
                  <thead><tr><th scope="col">{t('publicOrganisation')}</th><th scope="col">{t('publicWhere')}</th><th scope="col">{t('publicDate')}</th><th scope="col">{t('globalScore')}</th>{content.pillars.map((p) => <th key={p.id} scope="col">{p.title}</th>)}</tr></thead>
                  <tbody>
                    {list.publications.map((p) => (
                      <tr key={p.slug}>
                        <th scope="row"><a href={href.publicResult(p.slug)}>{p.snapshot.organisation.name}</a></th>
                        <td>{[optionLabel(content, 'region', p.snapshot.organisation.region), optionLabel(content, 'sector', p.snapshot.organisation.sector)].filter(Boolean).join(' · ')}</td>
                        <td>{formatDate(p.publishedAt)}</td>
                        <td>{p.snapshot.global === null ? '–' : formatNumber(p.snapshot.global)}</td>
                        {p.snapshot.pillars.map((x) => <td key={x.id}>{x.score === null ? '–' : formatNumber(x.score)}</td>)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p><a href={`/api/v1/public/open-data/csv${query ? `?${query}` : ''}`} download>{t('publicOpenDataCsv')}</a> · <a href={`/api/v1/public/open-data${query ? `?${query}` : ''}`}>{t('publicOpenDataJson')}</a></p>
          </>
        )}
      </Loadable>
    </Page>
  );
}
