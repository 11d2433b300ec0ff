import { z } from 'zod';
import { component, nullableNumber } from './components.js';

export const RuleView = component('RuleView', z.object({
  name: z.string(),
  fired: z.boolean(),
  counted: z.boolean().meta({ description: 'The step whose points count' }),
  points: z.number(),
  reason: z.string(),
  conditions: z.array(z.object({
    fact: z.string(),
    operator: z.string(),
    expected: z.unknown(),
    answer: z.string().meta({ description: 'The answer compared, in words' }),
    result: z.boolean().nullable().meta({ description: 'Null: not evaluated (an earlier condition decided)' }),
  })),
}));

export const IndicatorReport = component('IndicatorReport', z.object({
  id: z.string(),
  title: z.string(),
  score: nullableNumber,
  weight: z.number(),
  points: z.number(),
  maxPoints: z.number(),
  reasons: z.array(z.string()),
  strengths: z.array(z.string()),
  gaps: z.array(z.object({ criterion: z.string(), reason: z.string(), points: z.number(), max: z.number() })),
  criteria: z.array(z.object({
    id: z.string(),
    applicable: z.boolean(),
    points: z.number(),
    max: z.number(),
    reason: z.string().meta({ description: 'The step reached (or, when none, the one within reach)' }),
    questions: z.array(z.object({ id: z.string(), label: z.string(), answer: z.string() })),
    rules: z.array(RuleView),
  })),
}));

// POST /score's indicators: the figures always; the lines in words from explain=summary; the criteria with explain=full.
export const IndicatorAtDetail = component('IndicatorAtDetail', IndicatorReport.partial({ reasons: true, strengths: true, gaps: true, criteria: true }));

export const RankedIndicator = component('RankedIndicator', z.object({ id: z.string(), pillar: z.string(), title: z.string(), score: z.number() }));

export const Report = component('Report', z.object({
  organisation: z.string().nullable(),
  contentVersion: z.string(),
  lang: z.enum(['fr', 'en']),
  global: nullableNumber,
  pillars: z.array(z.object({ id: z.string(), title: z.string(), score: nullableNumber, weight: z.number(), indicators: z.array(IndicatorReport) })),
  weakest: z.array(RankedIndicator),
  strongest: z.array(RankedIndicator),
  unanswered: z.array(z.object({ id: z.string(), pillar: z.string(), indicator: z.string(), label: z.string() })),
}));

export const ReportAtDetail = component('ReportAtDetail', Report.extend({
  pillars: z.array(z.object({ id: z.string(), title: z.string(), score: nullableNumber, weight: z.number(), indicators: z.array(IndicatorAtDetail) })),
}));
