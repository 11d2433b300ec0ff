import type { ComponentChild } from 'preact';
import { t } from '../i18n.js';

/** The global and pillars as a list, then the indicators folded under « Par indicateur »: how every comparison lists its scores. */
export function ScoreLists<T extends { id: string; kind: 'global' | 'pillar' | 'indicator' }>({ scores, row }: { scores: readonly T[]; row: (s: T) => ComponentChild }) {
  const main = scores.filter((s) => s.kind !== 'indicator');
  const indicators = scores.filter((s) => s.kind === 'indicator');
  return (
    <>
      <ul>{main.map(row)}</ul>
      {indicators.length > 0 ? (
        <details class="standing-about">
          <summary>{t('peersIndicators')}</summary>
          <ul>{indicators.map(row)}</ul>
        </details>
      ) : null}
    </>
  );
}
