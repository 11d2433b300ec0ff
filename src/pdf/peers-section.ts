import type { PeersView } from '../core/present-peers.js';
import { COLOR, type Writer } from './pdf-layout.js';
import { scoreRow } from './standing-section.js';

/**
 * Organisations like the reader's on this instance: the group in words, the global and each pillar
 * with the group's quartiles as a box plot, then the indicators as a table (median and quartiles
 * in words), and how to read it.
 */
export function peersSection(w: Writer, peers: PeersView, labels: { indicator: string; yourScore: string; group: string; legend: string }): void {
  w.heading(peers.title, 2);
  w.paragraph(peers.intro, { size: 9.5 });
  const main = peers.scores.filter((s) => s.kind !== 'indicator');
  w.room(20 + main.length * 36);
  for (const s of main) scoreRow(w, { title: s.title, line: s.scoreText, quartilesText: s.quartilesText, quartiles: s.quartiles, score: s.score });
  w.paragraph(labels.legend, { size: 8, color: COLOR.muted });
  const indicators = peers.scores.filter((s) => s.kind === 'indicator');
  if (indicators.length > 0) w.table([labels.indicator, labels.yourScore, labels.group], indicators.map((s) => [s.title, s.scoreText, s.quartilesText]), [0.42, 0.14, 0.44]);
}
