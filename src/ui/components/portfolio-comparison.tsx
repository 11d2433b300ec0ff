import type { PortfolioComparison as Comparison } from '../api-types.js';
import { t } from '../i18n.js';
import { ScoreLists } from './score-lists.js';
import { QuartileChart } from './standing-chart.js';

type Row = Comparison['scores'][number];
type Side = NonNullable<Row['portfolio']>;

function SideLine({ kind, side }: { kind: 'portfolio' | 'instance'; side: Side | null }) {
  return (
    <div class="comparison-side" data-side={kind}>
      <span class="side-label">{t(kind === 'portfolio' ? 'portfolioSide' : 'instanceSide')}</span>
      {side ? (
        <>
          <QuartileChart score={{ score: null, quartiles: side.quartiles }} />
          <span class="standing-quartiles">{side.text}</span>
        </>
      ) : <span class="standing-quartiles">{t('sideHidden')}</span>}
    </div>
  );
}

function Line({ row }: { row: Row }) {
  return (
    <li data-comparison={row.id}>
      <span class="standing-label">{row.title}</span>
      <div class="comparison-sides">
        <SideLine kind="portfolio" side={row.portfolio} />
        <SideLine kind="instance" side={row.instance} />
      </div>
    </li>
  );
}

/** The portfolio's median and quartiles beside those of the instance's other organisations (indicators folded). */
export function PortfolioComparisonSection({ comparison }: { comparison: Comparison }) {
  return (
    <section class="standing portfolio-comparison card" aria-labelledby="comparison-title">
      <h2 id="comparison-title">{comparison.title}</h2>
      <p class="standing-intro">{comparison.intro}</p>
      <ScoreLists scores={comparison.scores} row={(s) => <Line key={s.id} row={s} />} />
      <p class="muted standing-legend">{t('comparisonLegend')}</p>
    </section>
  );
}
