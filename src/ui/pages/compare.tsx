import { api, API } from '../api.js';
import type { Change, Comparison, Questionnaires } from '../api-types.js';
import { PlanBilanSection } from '../components/plan-bilan.js';
import { Loadable, Page } from '../components/page.js';
import { currentLang, formatNumber, t } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { signed } from '../signed.js';
import { useLoad } from '../use-load.js';

const score = (v: number | null) => (v === null ? '–' : formatNumber(v));

export function ComparePage({ id }: { id: number }) {
  const state = useLoad(async () => {
    const [comparison, content] = await Promise.all([api<Comparison>('GET', `/assessments/${id}/comparison`), questionnaires()]);
    return { comparison, content };
  }, [id]);
  const pdf = state.data && state.data.comparison.plans.length > 0
    ? <a class="button button-secondary" href={`${API}/assessments/${id}/comparison/pdf?lang=${currentLang()}`} download>{t('downloadBilanPdf')}</a>
    : undefined;
  return (
    <Page title={t('compareTitle')} actions={pdf}>
      <Loadable state={state}>{({ comparison, content }) => <CompareView comparison={comparison} content={content} />}</Loadable>
    </Page>
  );
}

/** The bilan of each plan drawn from the earlier assessment, then how every score moved. */
function CompareView({ comparison: c, content }: { comparison: Comparison; content: Questionnaires }) {
  const labels = new Map<string, string>([['global', t('global')], ...content.pillars.map((p) => [p.id, p.title] as const)]);
  const indicatorTitle = new Map(content.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i.title] as const)));
  return (
    <>
      {!c.sameContent ? <p class="alert alert-warning">{t('differentContent')}</p> : null}
      <p>
        <a href={href.result(c.before.assessmentId)}>{t('before', { number: c.before.number })}</a> · <a href={href.result(c.after.assessmentId)}>{t('after', { number: c.after.number })}</a>
      </p>
      {c.plans.length === 0 ? <p>{t('noPlanFromBefore', { number: c.before.number })}</p> : null}
      {c.plans.map((bilan) => <PlanBilanSection key={bilan.planId} bilan={bilan} comparison={c} labels={labels} />)}
      <ChangeTable caption={t('scoresTable')} heading={t('scoreHeading')} comparison={c} strong
        rows={[{ id: 'global', label: t('global'), change: c.global }, ...c.pillars.map((p) => ({ id: p.id, label: labels.get(p.id) ?? p.id, change: p }))]} />
      <ChangeTable caption={t('indicatorChanges')} heading={t('indicatorHeading')} comparison={c}
        rows={c.indicators.map((i) => ({ id: i.id, label: indicatorTitle.get(i.id) ?? i.id, change: i }))} />
    </>
  );
}

function ChangeTable({ caption, heading, comparison: c, rows, strong = false }: { caption: string; heading: string; comparison: Comparison; rows: { id: string; label: string; change: Change }[]; strong?: boolean }) {
  return (
    <div class="table-scroll compare-scroll">
      <table class="compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" class="numeric">{t('before', { number: c.before.number })}</th>
            <th scope="col" class="numeric">{t('after', { number: c.after.number })}</th>
            <th scope="col" class="numeric">{t('delta')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} class={strong ? 'row-strong' : ''} data-row={r.id}>
              <th scope="row">{r.label}</th>
              <td class="numeric">{score(r.change.before)}</td>
              <td class="numeric">{score(r.change.after)}</td>
              <td class={`numeric ${r.change.delta === null || r.change.delta === 0 ? '' : r.change.delta > 0 ? 'delta-up' : 'delta-down'}`} data-col="delta">{signed(r.change.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
