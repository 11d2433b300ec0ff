import type { Peers } from '../api-types.js';
import { formatNumber, t } from '../i18n.js';
import { ScoreLists } from './score-lists.js';
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
  return (
    <section class="standing peers card" aria-labelledby="peers-title" data-level={peers.level}>
      <h2 id="peers-title">{peers.title}</h2>
      <p class="standing-intro">{peers.intro}</p>
      <ScoreLists scores={peers.scores} row={(s) => <Row key={s.id} s={s} />} />
      <p class="muted standing-legend">{t('peersLegend')}</p>
    </section>
  );
}
