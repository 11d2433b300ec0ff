import { z } from 'zod';
import { component } from './components.js';
import { Testimony } from './suggestion-responses.js';

export const AnswerValue = component('AnswerValue', z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]));

const condition = z.record(z.string(), z.unknown()).meta({ description: 'A rule condition: all / any / not of { fact, operator, value }' });

export const Question = component('Question', z.object({
  id: z.string(),
  type: z.enum(['single', 'ladder', 'multiple', 'percentage', 'number', 'boolean', 'text']),
  label: z.string(),
  help: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  notApplicable: z.boolean(),
  optional: z.boolean(),
  appliesTo: condition.optional().meta({ description: 'The profiles it is asked of' }),
  showIf: condition.optional().meta({ description: 'The answers under which it is shown (a gate question answered so)' }),
}));

export const Indicator = component('Indicator', z.object({
  id: z.string(),
  group: z.string().optional(),
  title: z.string(),
  description: z.string().optional(),
  weight: z.number(),
  questions: z.array(Question),
}));

export const Pillar = component('Pillar', z.object({
  id: z.string(),
  order: z.number(),
  title: z.string(),
  description: z.string().optional(),
  weight: z.number(),
  groups: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
  indicators: z.array(Indicator),
}));

export const Questionnaires = component('Questionnaires', z.object({
  contentVersion: z.string(),
  lang: z.string(),
  profile: z.object({ title: z.string(), description: z.string().optional(), questions: z.array(Question) }),
  pillars: z.array(Pillar),
}));

export const Health = component('Health', z.object({ status: z.literal('ok'), contentVersion: z.string() }));

export const TestimonyEntry = component('TestimonyEntry', Testimony.extend({
  indicators: z.array(z.string()).meta({ description: 'The indicators of the actions that cite it (for picking the testimonies of a workshop)' }),
}));

export const TestimonyLibrary = component('TestimonyLibrary', z.object({ testimonies: z.array(TestimonyEntry) }));
