import type { PeersView } from '../core/present-peers.js';
import type { Lang } from '../core/text.js';
import { chart } from './render-standing.js';

const WORDS = {
  fr: {
    legend: 'De 0 à 100 : ▒ du 1er au 3e quartile du groupe, │ sa médiane, ● votre score.',
    none: 'Comparé aux organisations comme la vôtre : moins de 5 autres organisations de cette plateforme, ayant accepté de compter dans les comparaisons, sont assez proches ; rien n’est montré, pour qu’aucun chiffre ne révèle l’une d’elles.',
  },
  en: {
    legend: 'From 0 to 100: ▒ the group’s lower to upper quartile, │ its median, ● your score.',
    none: 'Compared with organisations like yours: fewer than 5 other organisations on this platform that agreed to count in comparisons are close enough; nothing is shown, so that no figure reveals one of them.',
  },
};

const indent = (s: PeersView['scores'][number]) => (s.kind === 'indicator' ? '      ' : '    ');

/** Organisations like the reader's on the instance, as terminal lines: each score with the group's quartiles in words and as a one-line chart. */
export function renderPeers(view: PeersView | null, lang: Lang): string[] {
  if (!view) return ['', WORDS[lang].none];
  const lines = ['', view.title, `  ${view.intro}`, `  ${WORDS[lang].legend}`, ''];
  // Indicators indented under their pillar; every score in one column.
  const column = Math.max(...view.scores.map((s) => indent(s).length + s.title.length));
  for (const s of view.scores) {
    lines.push(`${`${indent(s)}${s.title}`.padEnd(column)}  ${s.scoreText.padStart(5)}  ${s.quartilesText}`);
    if (s.kind !== 'indicator') lines.push(`${' '.repeat(column)}  ${' '.repeat(5)}  ${chart(s)}`);
  }
  return lines;
}
