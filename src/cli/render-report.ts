import { formatDecimal } from '../core/format-answer.js';
import type { IndicatorView, ReportView } from '../core/present.js';
import type { StandingView } from '../core/present-standing.js';
import type { Lang } from '../core/text.js';
import { colon, quoted, typeset } from '../core/typography.js';
import { renderStanding } from './render-standing.js';

const WORDS = {
  fr: {
    title: 'Impact Score',
    version: 'Version du contenu',
    global: 'Score global',
    pillars: 'Piliers',
    weakest: 'Indicateurs, du plus faible au plus fort',
    notApplicable: 'non concerné',
    unanswered: 'Questions sans réponse (aucun point)',
    pillar: 'pilier',
  },
  en: {
    title: 'Impact Score',
    version: 'Content version',
    global: 'Global score',
    pillars: 'Pillars',
    weakest: 'Indicators, weakest first',
    notApplicable: 'not applicable',
    unanswered: 'Unanswered questions (no points)',
    pillar: 'pillar',
  },
} as const;

/** The score report as plain text for a terminal: global, pillars, where they stand among published scores, then indicators weakest first. */
export function renderReport(report: ReportView, standing: StandingView | null = null): string {
  const w = WORDS[report.lang];
  const score = (s: number | null) => (s === null ? w.notApplicable : `${formatDecimal(s, report.lang)} / 100`);
  const lines: string[] = [];
  lines.push(`${w.title}${report.organisation ? ` — ${report.organisation}` : ''}`);
  const sep = colon(report.lang);
  lines.push(`${w.version}${sep}${report.contentVersion}`);
  lines.push('', `${w.global}${sep}${score(report.global)}`, '', w.pillars);
  const width = Math.max(...report.pillars.map((p) => p.title.length));
  report.pillars.forEach((p, i) => lines.push(`  ${i + 1}. ${p.title.padEnd(width)}  ${score(p.score)}`));
  if (standing) lines.push(...renderStanding(standing, report.lang));
  lines.push('', w.weakest);
  const indicators = report.pillars.flatMap((p, i) => p.indicators.map((ind) => ({ ind, pillar: i + 1 })));
  const order = new Map(report.weakest.map((x, i) => [x.id, i]));
  indicators.sort((a, b) => (order.get(a.ind.id) ?? Infinity) - (order.get(b.ind.id) ?? Infinity));
  for (const { ind, pillar } of indicators) lines.push(...renderIndicator(ind, pillar, report.lang, score));
  if (report.unanswered.length > 0) {
    lines.push('', `${w.unanswered}${sep}${report.unanswered.length}`);
    for (const q of report.unanswered) lines.push(`  - ${q.id} — ${q.label}`);
  }
  return typeset(`${lines.join('\n')}\n`, report.lang);
}

function renderIndicator(ind: IndicatorView, pillar: number, lang: Lang, score: (s: number | null) => string): string[] {
  const w = WORDS[lang];
  const lines = ['', `  ${ind.title} (${w.pillar} ${pillar})${colon(lang)}${score(ind.score)}`];
  for (const c of ind.criteria.filter((x) => x.applicable)) {
    const mark = c.points === c.max ? '✓' : c.points > 0 ? '~' : '✗';
    lines.push(`    ${mark} ${String(c.points).padStart(3)}/${String(c.max).padEnd(3)} ${c.reason}`);
    // What was answered, in the questions' words, where points are missing: where to look first.
    if (c.points < c.max) for (const q of c.questions.slice(0, 3)) lines.push(`              → ${quoted(q.label, lang)}${colon(lang)}${q.answer}`);
  }
  return lines;
}


