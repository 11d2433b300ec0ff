import type { ContentIndex } from './content-index.js';
import { formatDecimal } from './format-answer.js';
import type { PeerGroup, PeerLevel } from './peer-group.js';
import type { ScoreResult } from './score-result.js';
import { localize, type Lang } from './text.js';
import { colon, typesetDocument } from './typography.js';

/** Organisations like the reader's on this instance, worded in one language: what the result page shows. */
export interface PeersView {
  level: PeerLevel;
  count: number;
  title: string;
  /** Who is in the group, honestly: « Parmi les 7 autres organisations de 10 à 49 salariés … ». */
  intro: string;
  scores: PeerScoreView[];
}

export interface PeerScoreView {
  id: string;
  kind: 'global' | 'pillar' | 'indicator';
  title: string;
  score: number | null;
  scoreText: string;
  count: number;
  quartiles: [number, number, number];
  /** « Médiane 61,7 (quartiles 52,8 – 70,2) ». */
  quartilesText: string;
}

const WORDS = {
  fr: {
    title: 'Comparé aux organisations comme la vôtre',
    group: {
      'size-and-sector': (n: number, size: string) => `Parmi les ${n} autres organisations de cette plateforme de même taille (${size}) et de la même famille de secteurs`,
      size: (n: number, size: string) => `Parmi les ${n} autres organisations de cette plateforme de même taille (${size}) ; trop peu sont de votre famille de secteurs pour les comparer seules`,
      all: (n: number) => `Parmi les ${n} autres organisations de cette plateforme ; trop peu sont de votre taille pour les comparer seules`,
    },
    tail: 'leur dernière évaluation soumise, pour celles qui ont accepté de compter dans les comparaisons. Votre organisation n’en fait pas partie.',
    global: 'Score global',
    median: (m: string, q1: string, q3: string, n: number) => `Médiane ${m} (quartiles ${q1} – ${q3}, ${n} organisations)`,
  },
  en: {
    title: 'Compared with organisations like yours',
    group: {
      'size-and-sector': (n: number, size: string) => `Among the ${n} other organisations on this platform of the same size (${size}) and sector family`,
      size: (n: number, size: string) => `Among the ${n} other organisations on this platform of the same size (${size}); too few share your sector family to compare with them alone`,
      all: (n: number) => `Among the ${n} other organisations on this platform; too few are of your size to compare with them alone`,
    },
    tail: 'their latest submitted assessment, for those that agreed to count in comparisons. Your organisation is not among them.',
    global: 'Global score',
    median: (m: string, q1: string, q3: string, n: number) => `Median ${m} (quartiles ${q1} – ${q3}, ${n} organisations)`,
  },
};

/** The peer group's figures beside the reader's own scores, in the result's order (global, then each pillar and its indicators). */
export function presentPeers(index: ContentIndex, group: PeerGroup, result: Pick<ScoreResult, 'global' | 'pillars'>, headcount: unknown, lang: Lang): PeersView {
  const w = WORDS[lang];
  const sizes = index.profileFields.get('headcount')?.options ?? [];
  const size = sizes.find((o) => o.value === headcount);
  const sizeText = size ? localize(size.label, lang) : String(headcount ?? '');
  const lead = group.level === 'all' ? w.group.all(group.count) : w.group[group.level](group.count, sizeText);
  const round = (x: number) => formatDecimal(Math.round(x * 10) / 10, lang);
  const rows: Omit<PeerScoreView, 'count' | 'quartiles' | 'quartilesText'>[] = [
    { id: 'global', kind: 'global', title: w.global, score: result.global, scoreText: '' },
    ...result.pillars.flatMap((p) => [
      { id: p.id, kind: 'pillar' as const, title: localize(index.pillars.find((x) => x.id === p.id)?.title ?? { fr: p.id, en: p.id }, lang), score: p.score, scoreText: '' },
      ...p.indicators.map((i) => ({ id: i.id, kind: 'indicator' as const, title: localize(index.indicators.get(i.id)?.indicator.title ?? { fr: i.id, en: i.id }, lang), score: i.score, scoreText: '' })),
    ]),
  ];
  const scores = rows.flatMap((row) => {
    const figure = group.figures[row.id];
    if (!figure) return [];
    const [q1, m, q3] = figure.quartiles;
    return [{ ...row, scoreText: row.score === null ? '—' : formatDecimal(row.score, lang), count: figure.count, quartiles: figure.quartiles, quartilesText: w.median(round(m), round(q1), round(q3), figure.count) }];
  });
  return typesetDocument<PeersView>({ level: group.level, count: group.count, title: w.title, intro: `${lead}${colon(lang)}${w.tail}`, scores }, lang);
}
