import type { ScoreView, StandingView } from '../core/present-standing.js';
import type { Lang } from '../core/text.js';

const WIDTH = 40;

const LEGEND = {
  fr: 'De 0 à 100 : ─ du 10e au 90e centile, ▒ du 1er au 3e quartile, │ médiane, ● votre score.',
  en: 'From 0 to 100: ─ 10th to 90th percentile, ▒ lower to upper quartile, │ median, ● your score.',
};

/** Where the scores stand among published ones, as terminal lines: each score with its rank and a one-line chart of the quartiles. */
export function renderStanding(view: StandingView, lang: Lang): string[] {
  const lines = ['', view.title, `  ${view.intro}`, `  ${LEGEND[lang]}`];
  const width = Math.max(...view.groups.flatMap((g) => g.scores.map((s) => s.title.length)));
  for (const group of view.groups) {
    lines.push('', `  ${group.heading}`);
    for (const s of group.scores) {
      lines.push(`    ${s.title.padEnd(width)}  ${s.scoreText.padStart(5)}  ${s.rankText}`);
      lines.push(`    ${' '.repeat(width)}  ${chart(s)}  ${s.quartilesText}`);
    }
  }
  lines.push('', `  ${view.bias}`, `  ${view.source.text}`, `  ${view.source.url}`);
  return lines;
}

/** One cell per 2.5 points: the whiskers, the box between the quartiles, the median and the score over them. */
export function chart(s: Pick<ScoreView, 'score' | 'quartiles' | 'whiskers'>): string {
  const cell = (v: number) => Math.min(WIDTH - 1, Math.max(0, Math.floor((v / 100) * WIDTH)));
  const cells = Array.from({ length: WIDTH }, () => '·');
  const [low, high] = s.whiskers.values.map(cell) as [number, number];
  for (let i = low; i <= high; i += 1) cells[i] = '─';
  for (let i = cell(s.quartiles[0]); i <= cell(s.quartiles[2]); i += 1) cells[i] = '▒';
  cells[cell(s.quartiles[1])] = '│';
  if (s.score !== null) cells[cell(s.score)] = '●';
  return cells.join('');
}
