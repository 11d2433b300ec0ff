import { z } from 'zod';
import { component, nullableNumber, scoreRecord, timestamp } from './components.js';

export const PlanStatus = component('PlanStatus', z.enum(['draft', 'submitted', 'changes-requested', 'approved']));
export const ItemStatus = component('ItemStatus', z.enum(['todo', 'in-progress', 'done', 'dropped']));
export const ReviewDecision = component('ReviewDecision', z.enum(['approve', 'request-changes']));

/** An item as stored. */
export const PlanItemRecord = component('PlanItemRecord', z.object({
  id: z.number().int(),
  position: z.number().int(),
  actionId: z.string().nullable().meta({ description: 'The suggested action it comes from, or null for an action of the organisation’s own' }),
  indicator: z.string(),
  title: z.string().nullable().meta({ description: 'Null: the action’s own title (see displayTitle)' }),
  owner: z.string().nullable(),
  due: z.string().nullable().meta({ description: '2027-03 (a month) or 2027-Q1 (a quarter)' }),
  status: ItemStatus,
  target: z.string().nullable(),
  successIndicator: z.string().nullable(),
  notes: z.string().nullable(),
}));

/** An item as its readers see it: titles in their language, its due date in their words. */
export const PlanItem = component('PlanItem', PlanItemRecord.extend({
  displayTitle: z.string(),
  indicatorTitle: z.string(),
  pillar: z.string(),
  dueLabel: z.string().nullable().meta({ description: 'The due date in the reader’s words (mars 2027, T1 2027)' }),
}));

export const PlanDecision = component('PlanDecision', z.object({
  decision: ReviewDecision,
  at: timestamp,
  reviewerId: z.number().int().nullable(),
  reviewerName: z.string().nullable(),
  comment: z.string().nullable(),
}));

export const Scores = component('Scores', z.object({ global: nullableNumber, pillars: scoreRecord }));

const comment = z.object({
  id: z.number().int(),
  itemId: z.number().int().nullable(),
  authorId: z.number().int(),
  authorName: z.string(),
  body: z.string(),
  createdAt: timestamp,
  decision: ReviewDecision.nullable().meta({ description: 'Set on the comment an expert wrote with their decision' }),
});

/** A plan as stored (the list of an organisation's plans, the history's snapshots). */
export const PlanRecord = component('PlanRecord', z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  assessmentId: z.number().int(),
  title: z.string(),
  status: PlanStatus,
  version: z.number().int(),
  createdBy: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  submittedAt: timestamp.nullable(),
  reviewedAt: timestamp.nullable(),
  reviewedBy: z.number().int().nullable(),
  sharedAt: timestamp.nullable().optional().meta({ description: 'When its organisation shared the draft with its workshop’s experts (absent from history made before events)' }),
  items: z.array(PlanItemRecord),
  comments: z.array(comment),
  lastDecision: PlanDecision.nullable(),
}));

/** A plan as its readers see it: items presented, what is missing, and the scores once every item is done. */
export const Plan = component('Plan', PlanRecord.extend({
  items: z.array(PlanItem),
  incomplete: z.array(z.object({ itemId: z.number().int(), title: z.string(), missing: z.array(z.enum(['owner', 'due'])) }))
    .meta({ description: 'Actions still without an owner or a due date (dropped ones aside)' }),
  projection: z.object({ current: Scores, projected: Scores, gains: z.object({ global: z.number(), pillars: z.record(z.string(), z.number()) }) }).nullable(),
}));

export const ReviewQueueEntry = component('ReviewQueueEntry', z.object({
  planId: z.number().int(),
  title: z.string(),
  status: PlanStatus,
  organisationId: z.number().int(),
  organisationName: z.string(),
  workshops: z.array(z.object({ id: z.number().int(), title: z.string(), date: z.string() })),
  items: z.number().int(),
  comments: z.number().int(),
  submittedAt: timestamp.nullable(),
  reviewedAt: timestamp.nullable(),
}));

export const PlanHistoryEntry = component('PlanHistoryEntry', z.object({
  version: z.number().int(),
  at: timestamp,
  userId: z.number().int().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  snapshot: PlanRecord.omit({ comments: true, lastDecision: true }),
}));
