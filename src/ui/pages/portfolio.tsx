import { api } from '../api.js';
import type { Portfolio, Questionnaires, ScoreStats } from '../api-types.js';
import { Loadable, Page } from '../components/page.js';
import { PortfolioComparisonSection } from '../components/portfolio-comparison.js';
import { formatNumber, t, tn } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

const BANDS = [[0, 20], [20, 40], [40, 60], [60, 80], [80, 100]] as const;

export function PortfolioPage() {
  const state = useLoad(async () => {
    const [portfolio, content] = await Promise.all([api<Portfolio>('GET', '/portfolio'), questionnaires()]);
    return { portfolio, content };
  }, []);
  return (
    <Page title={t('portfolioTitle')}>
      <Loadable state={state}>{({ portfolio, content }) => <PortfolioView portfolio={portfolio} content={content} />}</Loadable>
    </Page>
  );
}

function PortfolioView({ portfolio, content }: { portfolio: Portfolio; content: Questionnaires }) {
  const series: { id: string; title: string; stats: ScoreStats }[] = [
    { id: 'global', title: t('global'), stats: portfolio.distribution.global },
    ...content.pillars.map((p) => ({ id: p.id, title: p.title, stats: portfolio.distribution.pillars[p.id] ?? { count: 0, mean: null, bands: [0, 0, 0, 0, 0] } })),
  ];
  return (
    <>
      <p>{tn('organisationsCount', portfolio.distribution.global.count)}</p>
      <h2>{t('distribution')}</h2>
      <div class="distributions">
        {series.map((s) => <Histogram key={s.id} title={s.title} stats={s.stats} />)}
      </div>
      <PortfolioComparisonSection comparison={portfolio.comparison} />
      <h2>{t('sharedGaps')}</h2>
      <p>{t('sharedGapsIntro')}</p>
      <ol class="gaps">
        {portfolio.gaps.slice(0, 8).map((g) => (
          <li key={g.indicator} data-gap={g.indicator}>
            <strong>{g.title}</strong> — {tn('pointsAvailable', g.meanPointsAvailable)} · {tn('below50', g.below50)}
          </li>
        ))}
      </ol>
      <h2>{t('latestScores')}</h2>
      <p class="muted">{t('positionIntro')}</p>
      <div class="table-scroll">
        <table class="latest-scores">
          <caption class="sr-only">{t('latestScores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organisation')}</th>
              <th scope="col">{t('global')}</th>
              {content.pillars.map((p) => <th key={p.id} scope="col">{p.title}</th>)}
              <th scope="col">{t('positionColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {portfolio.organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row"><a href={href.organisation(o.id)}>{o.name}</a></th>
                {o.global === null ? <td colSpan={2 + content.pillars.length} class="muted">{t('noScore')}</td> : (
                  <>
                    <td data-label={t('global')}>
                      <span class="score-cell">
                        {o.assessmentId ? <a href={href.result(o.assessmentId)}>{formatNumber(o.global)}</a> : formatNumber(o.global)}
                        <Position position={o.position} id="global" />
                      </span>
                    </td>
                    {content.pillars.map((p) => (
                      <td key={p.id} data-label={p.title}>
                        <span class="score-cell">
                          {o.pillars[p.id] === null || o.pillars[p.id] === undefined ? '–' : formatNumber(o.pillars[p.id]!)}
                          <Position position={o.position} id={p.id} />
                        </span>
                      </td>
                    ))}
                    <td data-label={t('positionColumn')} data-position-group={o.position?.level ?? 'none'}>{o.position ? o.position.group : <span class="muted">{t('positionHidden')}</span>}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Where one score falls in the quartiles of the organisation's own group, in words under the score. */
function Position({ position, id }: { position: Portfolio['organisations'][number]['position']; id: string }) {
  const found = position?.scores.find((s) => s.id === id);
  return found?.position ? <span class="position" data-position={found.position}>{found.text}</span> : null;
}

/** How many organisations fall in each band of 20 points, drawn as columns with their counts. */
function Histogram({ title, stats }: { title: string; stats: ScoreStats }) {
  const max = Math.max(1, ...stats.bands);
  return (
    <figure class="histogram card">
      <figcaption><strong>{title}</strong>{stats.mean !== null ? ` · ${t('meanScore', { mean: formatNumber(stats.mean) })}` : ''}</figcaption>
      <ul>
        {BANDS.map(([from, to], i) => (
          <li key={from}>
            <span class="column" style={{ height: `${(100 * (stats.bands[i] ?? 0)) / max}%` }} aria-hidden="true" />
            <span class="count">{stats.bands[i] ?? 0}</span>
            <span class="band-label">{t('band', { from, to })}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
