import type { Standing } from '../api-types.js';
import { formatNumber, t } from '../i18n.js';

type ScoreStanding = Standing['groups'][number]['scores'][number];

/** Where the global and each pillar stand among published scores: each with its rank in words and a small quartile chart. */
export function StandingSection({ standing }: { standing: Standing }) {
  return (
    <section class="standing card" aria-labelledby="standing-title">
      <h2 id="standing-title">{standing.title}</h2>
      <p class="standing-intro">{standing.intro}</p>
      {standing.groups.map((group) => (
        <section key={group.region ?? 'all'} class="standing-group" data-group={group.region ?? 'all'} aria-label={group.heading}>
          <h3>{group.heading}</h3>
          <ul>
            {group.scores.map((s) => (
              <li key={s.id} data-standing={s.id}>
                <span class="standing-label">{s.title}</span>
                <span class="standing-rank"><strong>{s.score === null ? '–' : formatNumber(s.score)}</strong> · {s.rankText}</span>
                <QuartileChart score={s} />
                <span class="standing-quartiles">{s.quartilesText}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="muted standing-legend">{standing.legend}</p>
      <details class="standing-about">
        <summary>{t('standingAbout')}</summary>
        <p>{standing.bias}</p>
        <p>{standing.source.text} <a href={standing.source.url}>{standing.source.url}</a></p>
      </details>
    </section>
  );
}

const clamp = (v: number) => Math.max(0, Math.min(100, v));

/** A box plot on 0–100: whiskers, the box between the quartiles, the median, the score as a diamond. The words beside it carry the same. */
export function QuartileChart({ score }: { score: Pick<ScoreStanding, 'score' | 'quartiles'> & { whiskers?: ScoreStanding['whiskers'] } }) {
  const [q1, median, q3] = score.quartiles.map(clamp) as [number, number, number];
  // Without whiskers (peers on this instance: too few for the 10th and 90th percentiles), the line spans the box.
  const [low, high] = (score.whiskers?.values ?? [score.quartiles[0], score.quartiles[2]]).map(clamp) as [number, number];
  const x = score.score === null ? null : clamp(score.score);
  return (
    <svg class="quartile-chart" viewBox="-3 0 106 16" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line x1="0" y1="8" x2="100" y2="8" class="qc-axis" />
      <line x1={low} y1="8" x2={high} y2="8" class="qc-whisker" />
      <rect x={q1} y="3" width={Math.max(0.5, q3 - q1)} height="10" class="qc-box" />
      <line x1={median} y1="2" x2={median} y2="14" class="qc-median" />
      {x === null ? null : <polygon points={`${x},0 ${x + 2.2},8 ${x},16 ${x - 2.2},8`} class="qc-score" />}
    </svg>
  );
}
