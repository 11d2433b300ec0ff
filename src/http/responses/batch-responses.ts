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
  error: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  inputBytes: z.number().int().meta({ description: 'Bytes of the input still on disk (the owner’s quota counts them)' }),
  resultBytes: z.number().int(),
  inputRemovedAt: timestamp.nullable(),
  resultsRemovedAt: timestamp.nullable(),
}));

export const Portfolio = component('Portfolio', z.object({
  organisations: z.array(z.object({ id: z.number().int(), name: z.string(), assessmentId: z.number().int().nullable(), submittedAt: timestamp.nullable(), global: z.number().nullable(), pillars: z.record(z.string(), z.number().nullable()) })),
  distribution: z.object({ global: ScoreStats, pillars: z.record(z.string(), ScoreStats) }),
  gaps: z.array(z.object({ indicator: z.string(), pillar: z.string(), title: z.string(), organisations: z.number().int(), meanPointsAvailable: z.number(), below50: z.number().int() })),
}));
