import type { EventFacts, Intention } from './event-model.js';

/** One intention beside what happened. */
export interface MeasuredIntention {
  intention: Intention;
  /** The figure reached; null for an intention in words (the organisers say how it went). */
  achieved: number | null;
  /** Reached, not reached, or not yet decidable (its deadline is still ahead). */
  outcome: 'met' | 'missed' | 'pending' | 'in-words';
  /** The day by which it is judged. */
  deadline: string;
}

const DAY = 86_400_000;
const day = (iso: string) => iso.slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The figure an intention is measured by, counted on the facts as they stand `today`. */
function figure(intention: Exclude<Intention, { kind: 'words' }>, facts: EventFacts, deadline: string): number {
  const by = (iso: string | null) => iso !== null && day(iso) <= deadline;
  const people = facts.participants;
  switch (intention.kind) {
    case 'participants':
      return people.filter((p) => by(p.joinedAt)).length;
    case 'assessed-before':
      return people.filter((p) => p.before !== null && by(p.before.submittedAt)).length;
    case 'plans-drafted':
      return people.filter((p) => p.plans.some((plan) => by(plan.createdAt))).length;
    case 'plans-approved':
      return people.filter((p) => p.plans.some((plan) => by(plan.approvedAt))).length;
    case 'actions-done':
      return people.reduce((n, p) => n + p.plans.reduce((m, plan) => m + plan.items.filter((i) => i.status === 'done' && by(i.doneAt)).length, 0), 0);
  }
}

/** The day an intention is judged on: the event for what comes before it, N weeks after for approvals, the follow-up for the rest. */
export function deadlineOf(intention: Intention, facts: Pick<EventFacts, 'date' | 'followUp'>): string {
  switch (intention.kind) {
    case 'participants':
    case 'assessed-before':
      return facts.date;
    case 'plans-approved':
      return addDays(facts.date, 7 * intention.withinWeeks);
    default:
      return facts.followUp;
  }
}

/**
 * Each intention against its figure on `today` (YYYY-MM-DD): met as soon as the target is
 * reached, missed once its deadline has passed without it, pending until then.
 */
export function measureIntentions(intentions: readonly Intention[], facts: EventFacts, today: string): MeasuredIntention[] {
  return intentions.map((intention) => {
    const deadline = deadlineOf(intention, facts);
    if (intention.kind === 'words') return { intention, achieved: null, outcome: 'in-words', deadline };
    const achieved = figure(intention, facts, deadline);
    const outcome = achieved >= intention.target ? 'met' : today > deadline ? 'missed' : 'pending';
    return { intention, achieved, outcome, deadline };
  });
}
