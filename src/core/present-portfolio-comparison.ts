import type { ContentIndex } from './content-index.js';
import { formatDecimal } from './format-answer.js';
import { MINIMUM_GROUP } from './minimum-group.js';
import type { PeerFigure, PeerGroup, PeerLevel } from './peer-group.js';
import { quartilePosition, type PortfolioComparison, type QuartilePosition } from './portfolio-comparison.js';
import type { ScoreResult } from './score-result.js';
import { localize, type Lang } from './text.js';
import { typesetDocument } from './typography.js';

/** One side's figure for one score: median and quartiles, and how many organisations hold it. */
export interface SideView {
  count: number;
  quartiles: [number, number, number];
  /** « Médiane 61,7 (quartiles 52,8 – 70,2, 7 organisations) ». */
  text: string;
}

/** The portfolio against the instance, worded in one language: what the portfolio page shows. */
export interface PortfolioComparisonView {
  title: string;
  /** Who is on each side, and why the instance's side may be empty. */
  intro: string;
  instanceCount: number | null;
  scores: { id: string; kind: 'global' | 'pillar' | 'indicator'; title: string; portfolio: SideView | null; instance: SideView | null }[];
}

/** One organisation of the portfolio in the group its own leader sees on its result page. */
export interface PositionView {
  level: PeerLevel;
  count: number;
  /** « Même taille et famille de secteurs (7) ». */
  group: string;
  scores: { id: string; position: QuartilePosition | null; text: string }[];
}

const WORDS = {
  fr: {
    title: 'Votre portefeuille et les autres organisations de cette plateforme',
    portfolio: (n: number) => (n === 1 ? 'Votre portefeuille : la dernière évaluation soumise de sa seule organisation notée.' : `Votre portefeuille : la dernière évaluation soumise de ses ${n} organisations notées.`),
    instance: (n: number) => `Les autres : les ${n} organisations de cette plateforme hors de votre portefeuille qui ont accepté de compter dans les comparaisons, leur dernière évaluation soumise.`,
    none: (min: number) => `Les autres : moins de ${min} organisations hors de votre portefeuille ont accepté de compter dans les comparaisons ; rien n’en est montré, pour qu’aucun chiffre ne révèle l’une d’elles.`,
    global: 'Score global',
    median: (m: string, q1: string, q3: string, n: number) => `Médiane ${m} (quartiles ${q1} – ${q3}, ${n} organisation${n > 1 ? 's' : ''})`,
    group: { 'size-and-sector': (n: number) => `Même taille et famille de secteurs (${n})`, size: (n: number) => `Même taille (${n})`, all: (n: number) => `Toutes tailles (${n})` },
    position: { 'lowest-quarter': 'quart le plus bas', 'below-median': 'sous la médiane', 'at-median': 'à la médiane', 'above-median': 'au-dessus de la médiane', 'highest-quarter': 'quart le plus haut' },
    missing: '–',
  },
  en: {
    title: 'Your portfolio and the other organisations on this platform',
    portfolio: (n: number) => (n === 1 ? 'Your portfolio: the latest submitted assessment of its one scored organisation.' : `Your portfolio: the latest submitted assessment of its ${n} scored organisations.`),
    instance: (n: number) => `The others: the ${n} organisations on this platform outside your portfolio that agreed to count in comparisons, their latest submitted assessment.`,
    none: (min: number) => `The others: fewer than ${min} organisations outside your portfolio agreed to count in comparisons; nothing of them is shown, so that no figure reveals one of them.`,
    global: 'Global score',
    median: (m: string, q1: string, q3: string, n: number) => `Median ${m} (quartiles ${q1} – ${q3}, ${n} organisation${n > 1 ? 's' : ''})`,
    group: { 'size-and-sector': (n: number) => `Same size and sector family (${n})`, size: (n: number) => `Same size (${n})`, all: (n: number) => `All sizes (${n})` },
    position: { 'lowest-quarter': 'lowest quarter', 'below-median': 'below the median', 'at-median': 'at the median', 'above-median': 'above the median', 'highest-quarter': 'highest quarter' },
    missing: '–',
  },
};

function side(figure: PeerFigure | undefined, lang: Lang): SideView | null {
  if (!figure) return null;
  const round = (x: number) => formatDecimal(Math.round(x * 10) / 10, lang);
  const [q1, m, q3] = figure.quartiles;
  return { count: figure.count, quartiles: figure.quartiles, text: WORDS[lang].median(round(m), round(q1), round(q3), figure.count) };
}

/** The portfolio's and the instance's median and quartiles side by side: global, then each pillar and its indicators. */
export function presentPortfolioComparison(index: ContentIndex, comparison: PortfolioComparison, lang: Lang): PortfolioComparisonView {
  const w = WORDS[lang];
  const rows = [
    { id: 'global', kind: 'global' as const, title: w.global },
    ...index.pillars.flatMap((p) => [
      { id: p.id, kind: 'pillar' as const, title: localize(p.title, lang) },
      ...[...index.indicators.values()].filter((e) => e.pillar === p.id).map((e) => ({ id: e.indicator.id, kind: 'indicator' as const, title: localize(e.indicator.title, lang) })),
    ]),
  ];
  const { portfolio, instance } = comparison;
  const scores = rows
    .map((row) => ({ ...row, portfolio: side(portfolio.figures[row.id], lang), instance: side(instance?.figures[row.id], lang) }))
    .filter((row) => row.portfolio !== null || row.instance !== null);
  const intro = `${w.portfolio(portfolio.count)} ${instance ? w.instance(instance.count) : w.none(MINIMUM_GROUP)}`;
  return typesetDocument<PortfolioComparisonView>({ title: w.title, intro, instanceCount: instance?.count ?? null, scores }, lang);
}

/** Where one organisation's global and pillars fall in its own group's quartiles; null when its group is under the threshold. */
export function presentPosition(group: PeerGroup | null, result: Pick<ScoreResult, 'global' | 'pillars'>, lang: Lang): PositionView | null {
  if (!group) return null;
  const w = WORDS[lang];
  const own = [{ id: 'global', score: result.global }, ...result.pillars.map((p) => ({ id: p.id, score: p.score }))];
  const scores = own.map(({ id, score }) => {
    const figure = group.figures[id];
    const position = figure && score !== null ? quartilePosition(score, figure.quartiles) : null;
    return { id, position, text: position ? w.position[position] : w.missing };
  });
  return typesetDocument<PositionView>({ level: group.level, count: group.count, group: w.group[group.level](group.count), scores }, lang);
}
