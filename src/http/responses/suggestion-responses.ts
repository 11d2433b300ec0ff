import { z } from 'zod';
import { component, nullableNumber } from './components.js';

export const Testimony = component('Testimony', z.object({
  id: z.string(),
  organisation: z.object({
    name: z.string(),
    sector: z.string(),
    headcount: z.string().optional(),
    legalForm: z.string().optional(),
    region: z.string().optional(),
    city: z.string().optional(),
  }),
  title: z.string(),
  action: z.string(),
  outcome: z.string(),
  source: z.object({ url: z.string(), publisher: z.string(), title: z.string().optional(), date: z.string().optional() }),
  date: z.string(),
}));

const scores = z.object({ global: nullableNumber, pillar: nullableNumber, indicator: nullableNumber });

/** What the engine computes of an action: codes and figures. */
const actionFigures = {
  actionId: z.string(),
  indicator: z.string(),
  pillar: z.string(),
  effort: z.enum(['low', 'medium', 'high']),
  cost: z.enum(['none', 'low', 'medium', 'high']),
  durationMonths: z.number(),
  gains: z.object({ global: z.number(), pillar: z.number(), indicator: z.number() }),
  current: scores,
  projected: scores,
  changes: z.array(z.object({ question: z.string(), from: z.unknown(), to: z.unknown() })).meta({ description: 'The answers the action changes, as codes (changeViews says them in words)' }),
  testimonies: z.array(z.string()).meta({ description: 'Ids of the linked testimonies, those of organisations most like this one first' }),
};

/** What a suggestion says of its action, in the reader's language. */
const actionWords = {
  title: z.string(),
  description: z.string(),
  firstSteps: z.array(z.string()),
  pillarTitle: z.string(),
  indicatorTitle: z.string(),
  effortLabel: z.string(),
  costLabel: z.string(),
  reason: z.string(),
  changeViews: z.array(z.object({ question: z.string(), label: z.string(), from: z.string(), to: z.string() })),
  testimonyViews: z.array(Testimony),
  resources: z.array(z.object({ title: z.string(), url: z.string() })),
};

const after = z.string().meta({ description: 'The suggested action it builds on' });

export const FollowUpSuggestion = component('FollowUpSuggestion', z.object({ ...actionFigures, ...actionWords, after, afterTitle: z.string() }));

export const Suggestion = component('Suggestion', z.object({
  rank: z.number().int(),
  ...actionFigures,
  ...actionWords,
  followUps: z.array(z.object({ ...actionFigures, after })),
  followUpViews: z.array(FollowUpSuggestion).meta({ description: 'Actions that build on this one (shown after it): their gains count once this one is done' }),
}));

export const Suggestions = component('Suggestions', z.object({
  assessmentId: z.number().int(),
  contentVersion: z.string(),
  global: nullableNumber,
  suggestions: z.array(Suggestion),
}));
