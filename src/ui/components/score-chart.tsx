import { colon, formatNumber, t } from '../i18n.js';

/** The colour band of a score, for the bar; the number is always written out too. */
function band(score: number | null): string {
  if (score === null) return 'band-none';
  if (score < 40) return 'band-low';
  if (score < 70) return 'band-mid';
  return 'band-high';
}

const scoreText = (score: number | null) => (score === null ? t('notScored') : t('outOf100', { score: formatNumber(score) }));

/** A score out of 100 as a ring, with the number in the middle: the global score. */
export function ScoreRing({ score, label }: { score: number | null; label: string }) {
  const r = 52;
  const circumference = 2 * Math.PI * r;
  const filled = score === null ? 0 : (circumference * Math.max(0, Math.min(100, score))) / 100;
  return (
    <figure class="score-ring">
      <svg viewBox="0 0 120 120" width="140" height="140" role="img" aria-label={`${label}${colon()}${scoreText(score)}`}>
        <circle cx="60" cy="60" r={r} class="ring-track" />
        <circle cx="60" cy="60" r={r} class={`ring-value ${band(score)}`} stroke-dasharray={`${filled} ${circumference}`} transform="rotate(-90 60 60)" />
        <text x="60" y="66" text-anchor="middle" class="ring-text">{score === null ? '–' : formatNumber(score)}</text>
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

export interface Bar {
  id: string;
  label: string;
  value: number | null;
  /** A second value drawn as a lighter bar behind: the projection of a plan. */
  projected?: number | null;
}

/** Horizontal bars out of 100, each with its number written out (the chart is never the only carrier). */
export function ScoreBars({ bars, caption, projectedLabel, currentLabel }: { bars: Bar[]; caption: string; projectedLabel?: string; currentLabel?: string }) {
  return (
    <figure class="score-bars">
      <figcaption>{caption}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.id} data-bar={b.id}>
            <span class="bar-label">{b.label}</span>
            <span class="bar-track" aria-hidden="true">
              {b.projected !== undefined && b.projected !== null ? <span class="bar-projected" style={{ width: `${b.projected}%` }} /> : null}
              <span class={`bar-value ${band(b.value)}`} style={{ width: `${b.value ?? 0}%` }} />
            </span>
            <span class="bar-number">
              {b.projected !== undefined && currentLabel && projectedLabel
                ? `${currentLabel} ${scoreText(b.value)} → ${projectedLabel} ${scoreText(b.projected ?? null)}`
                : scoreText(b.value)}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
