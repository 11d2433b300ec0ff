import type { Peers } from '../api-types.js';
import { formatNumber, t } from '../i18n.js';
import { QuartileChart } from './standing-chart.js';

type PeerScore = Peers['scores'][number];

function Row({ s }: { s: PeerScore }) {
  return (
    <li data-peer={s.id}>
      <span class="standing-label">{s.title}</span>
      <span class="standing-rank"><strong>{s.score === null ? '–' : formatNumber(s.score)}</strong></span>
      <QuartileChart score={s} />
      <span class="standing-quartiles">{s.quartilesText}</span>
    </li>
  );
}

/** Organisations like the reader's on this instance: the group in words, then the median and quartiles beside each score (indicators folded). */
export function PeersSection({ peers }: { peers: Peers }) {
  const main = peers.scores.filter((s) => s.kind !== 'indicator');
  const indicators = peers.scores.filter((s) => s.kind === 'indicator');
  return (
    <section class="standing peers card" aria-labelledby="peers-title" data-level={peers.level}>
      <h2 id="peers-title">{peers.title}</h2>
      <p class="standing-intro">{peers.intro}</p>
      <ul>{main.map((s) => <Row key={s.id} s={s} />)}</ul>
      {indicators.length > 0 ? (
        <details class="standing-about">
          <summary>{t('peersIndicators')}</summary>
          <ul>{indicators.map((s) => <Row key={s.id} s={s} />)}</ul>
        </details>
      ) : null}
      <p class="muted standing-legend">{t('peersLegend')}</p>
    </section>
  );
}
