import { z } from 'zod';
import { component, timestamp } from './components.js';

export const ScoreStats = component('ScoreStats', z.object({ count: z.number().int(), mean: z.number().nullable(), bands: z.array(z.number().int()) }));

export const Batch = component('Batch', z.object({
  id: z.number().int(),
  userId: z.number().int(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  lang: z.enum(['fr', 'en']),
  inputFormat: z.string(),
  outputFormat: z.string(),
  store: z.boolean(),
  rows: z.number().int(),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  summary: z.object({
    rows: z.number().int(),
    scored: z.number().int(),
    rejected: z.number().int(),
    warned: z.number().int().optional().meta({ description: 'Rows scored with a warning (an answer that does not apply ignored); absent on batches scored before it was counted' }),
    problems: z.array(z.object({
      row: z.number().int(),
      name: z.string().optional(),
      id: z.string(),
      rejected: z.boolean(),
      messages: z.array(z.string()),
    })).optional().meta({ description: 'The first 200 rows rejected or scored with a warning, each problem in words (the results file has them all)' }),
    global: ScoreStats,
    pillars: z.record(z.string(), ScoreStats),
  }).nullable(),
  stored: z.number().int(),
  error: z.object({ code: z.string(), path: z.string(), message: z.string() }).nullable().meta({ description: 'Why a failed batch failed, in the language it was sent in (one issue: code, path, message)' }),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  inputBytes: z.number().int().meta({ description: 'Bytes of the input still on disk (the owner’s quota counts them)' }),
  resultBytes: z.number().int(),
  inputRemovedAt: timestamp.nullable(),
  resultsRemovedAt: timestamp.nullable(),
}));

const quartiles = z.tuple([z.number(), z.number(), z.number()]).meta({ description: '25th, median, 75th percentile' });
const PortfolioSide = z.object({
  count: z.number().int().meta({ description: 'Organisations of this side that hold the score' }),
  quartiles,
  text: z.string(),
});

export const QuartilePosition = component('QuartilePosition', z.enum(['lowest-quarter', 'below-median', 'at-median', 'above-median', 'highest-quarter']));

export const PortfolioComparison = component('PortfolioComparison', z.object({
  title: z.string(),
  intro: z.string().meta({ description: 'Who is on each side, in words, and why the instance’s side is empty when it is' }),
  instanceCount: z.number().int().nullable().meta({ description: 'Consenting organisations outside the portfolio; null when fewer than 5 (then no instance figure is given)' }),
  scores: z.array(z.object({
    id: z.string().meta({ description: '"global", a pillar id or an indicator id' }),
    kind: z.enum(['global', 'pillar', 'indicator']),
    title: z.string(),
    portfolio: PortfolioSide.nullable().meta({ description: 'The portfolio’s organisations with a submitted result, whether or not they agreed to count (the advisor reads each of them)' }),
    instance: PortfolioSide.nullable().meta({ description: 'Consenting organisations outside the portfolio; null under 5 that hold the score' }),
  })),
}));

export const PortfolioPosition = component('PortfolioPosition', z.object({
  level: z.enum(['size-and-sector', 'size', 'all']),
  count: z.number().int().meta({ description: 'Consenting organisations in the group (5 or more), none of those the reader reads one by one (the portfolio) among them' }),
  group: z.string(),
  scores: z.array(z.object({ id: z.string().meta({ description: '"global" or a pillar id' }), position: QuartilePosition.nullable(), text: z.string() })),
}));

export const Portfolio = component('Portfolio', z.object({
  organisations: z.array(z.object({
    id: z.number().int(), name: z.string(), assessmentId: z.number().int().nullable(), submittedAt: timestamp.nullable(), global: z.number().nullable(), pillars: z.record(z.string(), z.number().nullable()),
    position: PortfolioPosition.nullable().meta({ description: 'Where its global and pillars fall in the group of organisations like it on this instance, outside the portfolio; null without a submitted result or under 5' }),
  })),
  comparison: PortfolioComparison,
  distribution: z.object({ global: ScoreStats, pillars: z.record(z.string(), ScoreStats) }),
  gaps: z.array(z.object({ indicator: z.string(), pillar: z.string(), title: z.string(), organisations: z.number().int(), meanPointsAvailable: z.number(), below50: z.number().int() })),
}));
