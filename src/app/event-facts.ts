import type { EventFacts, Participant, ParticipantPlan, ScoreSummary } from '../core/event-model.js';
import type { EventRecord, ParticipantRecord } from '../store/event-records.js';
import type { Plan } from '../store/plan-records.js';
import type { Assessment } from '../store/records.js';
import type { AppContext } from './app-context.js';

/**
 * The facts core computes an event's cohort and bilan from, gathered from the store: per
 * participant, the latest assessment submitted by the event's day and the latest after it, and
 * the plans drawn from the first, with when they were submitted, approved and each item done.
 */

const day = (iso: string) => iso.slice(0, 10);

export async function scoreSummary(ctx: AppContext, assessment: Assessment | undefined): Promise<ScoreSummary | null> {
  if (!assessment?.submittedAt) return null;
  const stored = await ctx.store.assessments.result(assessment.id);
  if (!stored) return null;
  const pillars: Record<string, number | null> = {};
  const indicators: Record<string, number | null> = {};
  for (const p of stored.result.pillars) {
    pillars[p.id] = p.score;
    for (const i of p.indicators) indicators[i.id] = i.score;
  }
  return { submittedAt: assessment.submittedAt, global: stored.result.global, pillars, indicators };
}

/** The latest submitted by the day, and the latest submitted after it. */
export function beforeAndAfter(assessments: readonly Assessment[], date: string): { before?: Assessment; after?: Assessment } {
  const submitted = assessments.filter((a) => a.status === 'submitted' && a.submittedAt !== null).sort((a, b) => a.submittedAt!.localeCompare(b.submittedAt!));
  return { before: submitted.filter((a) => day(a.submittedAt!) <= date).at(-1), after: submitted.filter((a) => day(a.submittedAt!) > date).at(-1) };
}

async function planFacts(ctx: AppContext, plan: Plan): Promise<ParticipantPlan> {
  const history = await ctx.store.plans.history(plan.id);
  const doneAt = new Map<number, string>();
  for (const entry of history) for (const item of entry.snapshot.items) if (item.status === 'done' && !doneAt.has(item.id)) doneAt.set(item.id, entry.at);
  return {
    createdAt: plan.createdAt,
    submittedAt: history.find((h) => h.action === 'submit')?.at ?? plan.submittedAt,
    approvedAt: history.find((h) => h.action === 'approve')?.at ?? null,
    items: plan.items.map((i) => ({ status: i.status, doneAt: i.status === 'done' ? doneAt.get(i.id) ?? plan.updatedAt : null })),
  };
}

export async function participantFacts(ctx: AppContext, event: Pick<EventRecord, 'date'>, p: ParticipantRecord): Promise<Participant & { beforeId: number | null; afterId: number | null }> {
  const { before, after } = beforeAndAfter(await ctx.store.assessments.listByOrganisation(p.organisationId), event.date);
  const plans = before ? (await ctx.store.plans.listByOrganisation(p.organisationId)).filter((plan) => plan.assessmentId === before.id) : [];
  const facts: ParticipantPlan[] = [];
  for (const plan of plans) facts.push(await planFacts(ctx, plan));
  return {
    organisationId: p.organisationId, name: p.organisationName, named: p.named, joinedAt: p.joinedAt, workshopId: p.workshopId,
    before: await scoreSummary(ctx, before), after: await scoreSummary(ctx, after), plans: facts, beforeId: before?.id ?? null, afterId: after?.id ?? null,
  };
}

export async function eventFacts(ctx: AppContext, event: EventRecord, participants: readonly ParticipantRecord[]): Promise<EventFacts> {
  const people: Participant[] = [];
  for (const p of participants) people.push(await participantFacts(ctx, event, p));
  return { date: event.date, followUp: event.followUp, participants: people };
}

/** The content's pillars and indicators, as core's cohort and bilan read them. */
export const contentShape = (ctx: AppContext) => ({
  pillars: ctx.scorer.index.pillars.map((p) => p.id),
  indicators: [...ctx.scorer.index.indicators.values()].map((e) => ({ id: e.indicator.id, pillar: e.pillar })),
});
