import { z } from 'zod';
import { component, nullableNumber, timestamp } from './components.js';
import { AnswerValue } from './content-responses.js';
import { Report } from './report-responses.js';

export const AnswerChange = component('AnswerChange', z.object({
  part: z.enum(['profile', 'answers']),
  question: z.string(),
  before: AnswerValue.nullable(),
  after: AnswerValue.nullable(),
}));

export const Delta = component('Delta', z.object({ before: nullableNumber, after: nullableNumber, delta: nullableNumber }));

const earlierResult = { global: nullableNumber, contentVersion: z.string(), submittedAt: timestamp.nullable(), reopenedAt: timestamp };

export const Assessment = component('Assessment', z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  number: z.number().int().meta({ description: 'Its rank among the organisation’s assessments' }),
  status: z.enum(['draft', 'submitted']),
  profile: z.record(z.string(), AnswerValue),
  answers: z.record(z.string(), AnswerValue),
  version: z.number().int(),
  createdBy: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  submittedAt: timestamp.nullable(),
  submittedBy: z.number().int().nullable(),
  sourceId: z.number().int().nullable().meta({ description: 'The submitted assessment whose answers this one started from' }),
  progress: z.array(z.object({ pillar: z.string(), answered: z.number(), required: z.number(), percent: z.number() })).optional(),
  missing: z.array(z.string()).optional(),
  visibility: z.record(z.string(), z.enum(['asked', 'excluded', 'hidden'])).optional(),
  carried: z.array(z.string()).optional().meta({ description: 'Answers taken over from `source` and neither changed nor confirmed since' }),
  source: z.object({ assessmentId: z.number().int(), number: z.number().int(), submittedAt: timestamp.nullable() }).nullable().optional(),
  changes: z.array(AnswerChange).optional().meta({ description: 'Answers that differ from the source’s' }),
  earlierResults: z.array(z.object(earlierResult)).optional(),
}));

export const SavedAnswers = component('SavedAnswers', Assessment.extend({
  removed: z.record(z.string(), AnswerValue).meta({ description: 'Answers this save made inapplicable (a gate answered no, a profile change): removed, and kept in the audit log' }),
}));

export const Deleted = component('Deleted', z.object({ deleted: z.number().int() }));

export const Movement = component('Movement', z.object({
  since: z.object({ assessmentId: z.number().int(), number: z.number().int(), submittedAt: timestamp.nullable() }),
  sameContent: z.boolean(),
  global: Delta,
  pillars: z.array(Delta.extend({ id: z.string(), title: z.string() })),
  indicators: z.array(Delta.extend({
    id: z.string(),
    title: z.string(),
    pillar: z.string(),
    criteria: z.array(Delta.extend({ id: z.string(), max: z.number(), reason: z.string() })),
    answers: z.array(z.object({ question: z.string(), label: z.string(), before: z.string(), after: z.string() })),
  })),
  answersChanged: z.number().int(),
}));

export const Standing = component('Standing', z.object({
  title: z.string(),
  intro: z.string().meta({ description: 'Among whom: « Parmi les 425 organisations qui ont publié leur Impact Score entre 2021 et 2024 ; … »' }),
  bias: z.string().meta({ description: 'Who these organisations are, and what the real score adds that this one does not' }),
  source: z.object({ text: z.string(), url: z.string() }),
  legend: z.string().meta({ description: 'How to read the quartile chart' }),
  groups: z.array(z.object({
    region: z.string().nullable().meta({ description: 'Null for every published organisation; a region code of the profile for its region' }),
    count: z.number().int(),
    heading: z.string(),
    scores: z.array(z.object({
      id: z.string().meta({ description: '"global" or a pillar id' }),
      title: z.string(),
      score: nullableNumber,
      scoreText: z.string(),
      rank: z.object({ kind: z.enum(['within', 'below', 'above']), percent: z.number() }).nullable().meta({ description: 'Null when the score does not apply' }),
      rankText: z.string(),
      quartiles: z.tuple([z.number(), z.number(), z.number()]).meta({ description: '25th, median, 75th percentile' }),
      quartilesText: z.string(),
      whiskers: z.object({ levels: z.tuple([z.number(), z.number()]), values: z.tuple([z.number(), z.number()]) }),
    })),
  })),
}));

export const Peers = component('Peers', z.object({
  level: z.enum(['size-and-sector', 'size', 'all']).meta({ description: 'The narrowest group with 5 or more other consenting organisations: same headcount band and sector family, then same band, then all' }),
  count: z.number().int().meta({ description: 'Organisations in the group, the reader’s own left out' }),
  title: z.string(),
  intro: z.string().meta({ description: 'Who is in the group, in words' }),
  scores: z.array(z.object({
    id: z.string().meta({ description: '"global", a pillar id or an indicator id' }),
    kind: z.enum(['global', 'pillar', 'indicator']),
    title: z.string(),
    score: nullableNumber.meta({ description: 'The reader’s own score' }),
    scoreText: z.string(),
    count: z.number().int().meta({ description: 'Organisations of the group that hold this score (5 or more; fewer and the row is left out)' }),
    quartiles: z.tuple([z.number(), z.number(), z.number()]).meta({ description: '25th, median, 75th percentile' }),
    quartilesText: z.string(),
  })),
}));

export const AssessmentResult = component('AssessmentResult', z.object({
  assessmentId: z.number().int(),
  organisationId: z.number().int(),
  number: z.number().int(),
  submittedAt: timestamp.nullable(),
  computedAt: timestamp,
  report: Report,
  earlierResults: z.array(z.object({ ...earlierResult, pillars: z.array(z.object({ id: z.string(), score: nullableNumber })) })),
  since: Movement.nullable(),
  standing: Standing.nullable().meta({ description: 'Where the global and each pillar stand among the published Impact Scores; null when the content ships none' }),
  peers: Peers.nullable().meta({ description: 'Organisations like it on this instance that agreed to count in comparisons; null when fewer than 5 others' }),
}));
