import type { Change, Comparison, PlanBilan } from '../api-types.js';
import { formatNumber, t } from '../i18n.js';
import { signed, signedPoints } from '../signed.js';

const score = (v: number | null) => (v === null ? '–' : formatNumber(v));
const move = (c: Change) => t('indicatorMove', { from: score(c.before), to: score(c.after), gain: c.delta === null ? '–' : signedPoints(c.delta) });
/** A score and, under it on a phone, its change from before. */
const withDelta = (value: number | null, delta: number | null) => (value === null ? '–' : <>{formatNumber(value)} <span class="delta-note">({signed(delta)})</span></>);

/**
 * Intended vs achieved for one plan: the plan's projected scores beside the achieved ones, then
 * each action with its target, its own projected gain, what its indicator did, and its progress.
 */
export function PlanBilanSection({ bilan, comparison, labels }: { bilan: PlanBilan; comparison: Comparison; labels: Map<string, string> }) {
  const headingId = `bilan-${bilan.planId}`;
  return (
    <section class="bilan" aria-labelledby={headingId} data-bilan={bilan.planId}>
      <h2 id={headingId}>{t('bilanPlanTitle', { title: bilan.title })}</h2>
      <p>{t('bilanIntro', { title: bilan.title, status: t(`planStatus_${bilan.status}`), before: comparison.before.number, after: comparison.after.number })}</p>
      <div class="table-scroll compare-scroll">
        <table class="compare-table">
          <caption>{t('bilanScores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('scoreHeading')}</th>
              <th scope="col" class="numeric">{t('before', { number: comparison.before.number })}</th>
              <th scope="col" class="numeric">{t('projectedByPlan')}</th>
              <th scope="col" class="numeric">{t('achievedNo', { number: comparison.after.number })}</th>
            </tr>
          </thead>
          <tbody>
            {bilan.scores.map((s) => (
              <tr key={s.id} class="row-strong" data-bilan-row={s.id}>
                <th scope="row">{labels.get(s.id) ?? s.id}</th>
                <td class="numeric" data-col="before">{score(s.before)}</td>
                <td class="numeric" data-col="projected">{withDelta(s.projected, s.projectedDelta)}</td>
                <td class="numeric" data-col="achieved">{withDelta(s.achieved, s.achievedDelta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('bilanItems')}</h3>
      <ol class="bilan-items">
        {bilan.items.map((item) => (
          <li key={item.id} class="card bilan-item" data-item={item.id}>
            <h4>{item.displayTitle}</h4>
            <p class="muted">{item.indicatorTitle} · <span class={`badge badge-item-${item.status}`}>{t(`itemStatus_${item.status}`)}</span></p>
            <dl class="item-fields">
              {item.target ? <div><dt>{t('target')}</dt><dd>{item.target}</dd></div> : null}
              {item.successIndicator ? <div><dt>{t('successIndicator')}</dt><dd>{item.successIndicator}</dd></div> : null}
              <div><dt>{t('intended')}</dt><dd data-col="intended">{item.projected
                ? `${move(item.projected.indicator)} · ${t('intendedGlobal', { gain: signedPoints(item.projected.global) })}`
                : t('noProjection')}</dd></div>
              <div><dt>{t('achieved')}</dt><dd data-col="achieved">{move(item.achieved)}</dd></div>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
