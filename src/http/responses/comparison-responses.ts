import { z } from 'zod';
import { component, nullableNumber, timestamp } from './components.js';
import { Delta } from './assessment-responses.js';
import { PlanDecision, PlanItem, PlanStatus } from './plan-responses.js';

const side = z.object({ assessmentId: z.number().int(), number: z.number().int(), submittedAt: timestamp.nullable(), contentVersion: z.string() });

/** Intended vs achieved for one plan drawn from the earlier assessment. */
export const PlanBilan = component('PlanBilan', z.object({
  planId: z.number().int(),
  title: z.string(),
  status: PlanStatus,
  lastDecision: PlanDecision.nullable(),
  items: z.array(PlanItem.extend({ projected: z.object({ indicator: Delta, global: z.number() }).nullable(), achieved: Delta })),
  scores: z.array(z.object({ id: z.string(), before: nullableNumber, projected: nullableNumber, achieved: nullableNumber, achievedDelta: nullableNumber, projectedDelta: nullableNumber })),
}));

export const Comparison = component('Comparison', z.object({
  before: side,
  after: side,
  sameContent: z.boolean(),
  global: Delta,
  pillars: z.array(Delta.extend({ id: z.string() })),
  indicators: z.array(Delta.extend({ id: z.string(), pillar: z.string() })),
  done: z.array(z.object({ itemId: z.number().int(), actionId: z.string().nullable(), indicator: z.string(), before: nullableNumber, after: nullableNumber, improved: z.boolean().nullable() })),
  plans: z.array(PlanBilan),
}));
