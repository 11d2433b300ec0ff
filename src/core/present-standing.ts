import type { ContentIndex } from './content-index.js';
import type { PublishedScores } from './content-model.js';
import { formatDecimal } from './format-answer.js';
import type { PercentileRank } from './percentile-rank.js';
import type { ScoreResult } from './score-result.js';
import { standingOf, type GroupStanding, type ScoreStanding } from './standing.js';
import { localize, type Lang } from './text.js';
import { typesetDocument } from './typography.js';

/** Where the scores stand among published ones, worded in one language: what the page, the PDF and the CLI show. */
export interface StandingView {
  title: string;
  /** « Parmi les 425 organisations qui ont publié leur Impact Score entre 2021 et 2024 ; elles ont tendance à avoir de meilleurs scores. » */
  intro: string;
  /** Who these organisations are, and what the real score adds that this one does not. */
  bias: string;
  source: { text: string; url: string };
  /** How to read the quartile chart drawn beside each score (a line, a box, a bar, a diamond). */
  legend: string;
  groups: GroupView[];
}

export interface GroupView {
  region: string | null;
  count: number;
  /** « Toutes (425) » or « Région Occitanie (164) ». */
  heading: string;
  scores: ScoreView[];
}

export interface ScoreView extends ScoreStanding {
  title: string;
  /** The score as the reader writes it (69,8), or « — » when it does not apply. */
  scoreText: string;
  /** « au-dessus de 62 % d’entre elles »; « non concerné » when the score does not apply. */
  rankText: string;
  /** « Quartiles : 52,8 · 61,7 · 70,2 ». */
  quartilesText: string;
}

const WORDS = {
  fr: {
    title: 'Où vous situez-vous ?',
    legend: 'Sur chaque ligne, de 0 à 100 : le trait va du 10e au 90e centile, la boîte du 1er au 3e quartile, la barre est la médiane, le losange votre score.',
    intro: (n: number, from: string, to: string, caveat: string) => `Parmi les ${n} organisations qui ont publié leur Impact Score entre ${from} et ${to} ; ${caveat}.`,
    all: (n: number) => `Toutes (${n})`,
    region: (name: string, n: number) => `Région ${name} (${n})`,
    global: 'Score global',
    within: (p: number) => `au-dessus de ${p} % d’entre elles`,
    below: (p: number) => `parmi les ${p} % les plus bas`,
    above: (p: number) => `parmi les ${p} % les plus hauts`,
    notApplicable: 'non concerné',
    quartiles: 'Quartiles',
    source: 'Source',
  },
  en: {
    title: 'Where do you stand?',
    legend: 'On each line, from 0 to 100: the line runs from the 10th to the 90th percentile, the box from the lower to the upper quartile, the bar is the median, the diamond your score.',
    intro: (n: number, from: string, to: string, caveat: string) => `Among the ${n} organisations that published their Impact Score between ${from} and ${to}; ${caveat}.`,
    all: (n: number) => `All (${n})`,
    region: (name: string, n: number) => `${name} region (${n})`,
    global: 'Global score',
    within: (p: number) => `higher than ${p}% of them`,
    below: (p: number) => `in the lowest ${p}%`,
    above: (p: number) => `in the top ${p}%`,
    notApplicable: 'not applicable',
    quartiles: 'Quartiles',
    source: 'Source',
  },
};

/** Where a result stands among the content's published scores, for an organisation of `region`; null when the content has none. */
export function standingView(index: ContentIndex, result: Pick<ScoreResult, 'global' | 'pillars'>, region: unknown, lang: Lang): StandingView | null {
  const published = index.content.published;
  return published ? presentStanding(index, published, standingOf(published, result, region), lang) : null;
}

export function presentStanding(index: ContentIndex, published: PublishedScores, groups: GroupStanding[], lang: Lang): StandingView {
  const w = WORDS[lang];
  const regions = index.profileFields.get('region')?.options ?? [];
  const regionName = (code: string) => { const o = regions.find((r) => r.value === code); return o ? localize(o.label, lang) : code; };
  const title = (id: string) => { const p = index.pillars.find((x) => x.id === id); return p ? localize(p.title, lang) : w.global; };
  return typesetDocument<StandingView>({
    title: w.title,
    intro: w.intro(published.all.count, published.from.slice(0, 4), published.to.slice(0, 4), localize(published.caveat, lang)),
    bias: localize(published.bias, lang),
    legend: w.legend,
    source: { text: `${w.source}${lang === 'fr' ? ' : ' : ': '}${localize(published.description, lang)}`, url: published.source.url },
    groups: groups.map((g) => ({
      region: g.region,
      count: g.count,
      heading: g.region === null ? w.all(g.count) : w.region(regionName(g.region), g.count),
      scores: g.scores.map((score) => ({
        ...score,
        title: title(score.id),
        scoreText: score.score === null ? '—' : formatDecimal(score.score, lang),
        rankText: score.rank === null ? w.notApplicable : rankText(score.rank, lang),
        quartilesText: `${w.quartiles}${lang === 'fr' ? ' : ' : ': '}${score.quartiles.map((q) => formatDecimal(Math.round(q * 10) / 10, lang)).join(' · ')}`,
      })),
    })),
  }, lang);
}

function rankText(rank: PercentileRank, lang: Lang): string {
  const p = Math.round(rank.percent);
  return WORDS[lang][rank.kind](p);
}
