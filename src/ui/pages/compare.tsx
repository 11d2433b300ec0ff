import { api } from '../api.js';
import type { Comparison, Questionnaires } from '../api-types.js';
import { Loadable, Page } from '../components/page.js';
import { formatNumber, t } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

const score = (v: number | null) => (v === null ? '–' : formatNumber(v));
const delta = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : ''}${formatNumber(v)}`);

export function ComparePage({ id }: { id: number }) {
  const state = useLoad(async () => {
    const [comparison, content] = await Promise.all([api<Comparison>('GET', `/assessments/${id}/comparison`), questionnaires()]);
    return { comparison, content };
  }, [id]);
  return (
    <Page title={t('compareTitle')}>
      <Loadable state={state}>{({ comparison, content }) => <CompareTable comparison={comparison} content={content} />}</Loadable>
    </Page>
  );
}

function CompareTable({ comparison: c, content }: { comparison: Comparison; content: Questionnaires }) {
  const pillarTitle = new Map(content.pillars.map((p) => [p.id, p.title]));
  const indicatorTitle = new Map(content.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i.title] as const)));
  const rows = [
    { id: 'global', label: t('global'), change: c.global, strong: true },
    ...c.pillars.map((p) => ({ id: p.id, label: pillarTitle.get(p.id) ?? p.id, change: p, strong: true })),
    ...c.indicators.map((i) => ({ id: i.id, label: indicatorTitle.get(i.id) ?? i.id, change: i, strong: false })),
  ];
  return (
    <>
      {!c.sameContent ? <p class="alert alert-warning">{t('differentContent')}</p> : null}
      <p>
        <a href={href.result(c.before.assessmentId)}>{t('before', { id: c.before.assessmentId })}</a> · <a href={href.result(c.after.assessmentId)}>{t('after', { id: c.after.assessmentId })}</a>
      </p>
      <div class="table-scroll">
        <table>
          <caption>{t('compareTitle')}</caption>
          <thead>
            <tr><th scope="col">{t('indicator')}</th><th scope="col">{t('before', { id: c.before.assessmentId })}</th><th scope="col">{t('after', { id: c.after.assessmentId })}</th><th scope="col">{t('delta')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} class={r.strong ? 'row-strong' : ''} data-row={r.id}>
                <th scope="row">{r.label}</th>
                <td>{score(r.change.before)}</td>
                <td>{score(r.change.after)}</td>
                <td class={r.change.delta === null || r.change.delta === 0 ? '' : r.change.delta > 0 ? 'delta-up' : 'delta-down'}>{delta(r.change.delta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.done.length > 0 ? (
        <>
          <h2>{t('doneItems')}</h2>
          <ul class="list">
            {c.done.map((d) => (
              <li key={d.itemId} class="list-row">
                <span>{indicatorTitle.get(d.indicator) ?? d.indicator} : {score(d.before)} → {score(d.after)}</span>
                <span class={d.improved ? 'badge badge-approved' : 'badge badge-changes-requested'}>{d.improved ? t('improved') : t('notImproved')}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
