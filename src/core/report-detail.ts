import type { IndicatorView, ReportView } from './present.js';

/**
 * How much of its explanation a report carries. `full` is everything (`score --format json`, the
 * stored result): each criterion with the questions it read and every rule with its conditions.
 * `summary` keeps each indicator's lines in words (reasons, strengths, gaps) without its criteria;
 * `scores` keeps the figures: global, pillars, indicators, weakest and strongest, unanswered.
 */
export const reportDetails = ['scores', 'summary', 'full'] as const;
export type ReportDetail = (typeof reportDetails)[number];

export type IndicatorAtDetail = Omit<IndicatorView, 'reasons' | 'strengths' | 'gaps' | 'criteria'> & Partial<Pick<IndicatorView, 'reasons' | 'strengths' | 'gaps' | 'criteria'>>;

export interface ReportAtDetail extends Omit<ReportView, 'pillars'> {
  pillars: (Omit<ReportView['pillars'][number], 'indicators'> & { indicators: IndicatorAtDetail[] })[];
}

/** The report with only what `detail` keeps, members in the same order (the specification of the engine's writer). */
export function reportAtDetail(report: ReportView, detail: ReportDetail): ReportAtDetail {
  if (detail === 'full') return report;
  return {
    ...report,
    pillars: report.pillars.map((p) => ({
      ...p,
      indicators: p.indicators.map(({ criteria: _criteria, reasons, strengths, gaps, ...figures }) => (detail === 'summary' ? { ...figures, reasons, strengths, gaps } : figures)),
    })),
  };
}
