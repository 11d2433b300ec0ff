import { round1 } from './aggregate.js';
import type { ContentShape } from './cohort.js';
import { MINIMUM_GROUP } from './minimum-group.js';
import { measureIntentions, type MeasuredIntention } from './event-intentions.js';
import type { EventFacts, Intention, Participant, ScoreSummary } from './event-model.js';

/** One score's change among the participants who re-assessed. */
export interface ScoreChange {
  /** 'global' or a pillar's id. */
  id: string;
  count: number;
  /** Means before and after, and their difference; null below MINIMUM_GROUP. */
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface BilanParticipant {
  organisationId: number;
  /** Their name when they agreed to be named, otherwise « Participant 3 » in the reader's words. */
  name: string | null;
  number: number;
  workshopId: number | null;
  assessedBefore: boolean;
  plan: 'none' | 'draft' | 'submitted' | 'approved';
  itemsDone: number;
  items: number;
  reassessed: boolean;
  /** Their own change of global score, only when they agreed to be named. */
  globalDelta: number | null;
}

export interface EventBilan {
  intentions: MeasuredIntention[];
  counts: { participants: number; assessedBefore: number; plansDrafted: number; plansSubmitted: number; plansApproved: number; itemsDone: number; items: number; reassessed: number };
  changes: ScoreChange[];
  participants: BilanParticipant[];
}

const mean = (values: readonly number[]) => round1(values.reduce((a, b) => a + b, 0) / values.length);

function planState(p: Participant): BilanParticipant['plan'] {
  if (p.plans.some((plan) => plan.approvedAt !== null)) return 'approved';
  if (p.plans.some((plan) => plan.submittedAt !== null)) return 'submitted';
  return p.plans.length > 0 ? 'draft' : 'none';
}

/** Per score, the change among those who re-assessed: only over MINIMUM_GROUP or more. */
function scoreChanges(participants: readonly Participant[], content: ContentShape): ScoreChange[] {
  const both = participants.filter((p): p is Participant & { before: ScoreSummary; after: ScoreSummary } => p.before !== null && p.after !== null);
  return ['global', ...content.pillars].map((id) => {
    const read = (s: ScoreSummary) => (id === 'global' ? s.global : s.pillars[id] ?? null);
    const pairs = both.map((p) => [read(p.before), read(p.after)] as const).filter((pair): pair is readonly [number, number] => pair[0] !== null && pair[1] !== null);
    if (pairs.length < MINIMUM_GROUP) return { id, count: pairs.length, before: null, after: null, delta: null };
    const before = mean(pairs.map(([b]) => b));
    const after = mean(pairs.map(([, a]) => a));
    return { id, count: pairs.length, before, after, delta: round1(after - before) };
  });
}

/**
 * The event's bilan on `today`: each intention against its figure, what the participants did
 * (plans drafted, submitted, approved, actions done), and how the scores of those who re-assessed
 * moved. Participants are numbered in the order they joined; a name or a personal score appears
 * only for those who agreed.
 */
export function eventBilan(intentions: readonly Intention[], facts: EventFacts, content: ContentShape, today: string): EventBilan {
  const people = [...facts.participants].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || a.organisationId - b.organisationId);
  const items = people.flatMap((p) => p.plans.flatMap((plan) => plan.items.filter((i) => i.status !== 'dropped')));
  const rows = people.map((p, i): BilanParticipant => {
    const own = p.plans.flatMap((plan) => plan.items.filter((item) => item.status !== 'dropped'));
    const delta = p.named && p.before?.global != null && p.after?.global != null ? round1(p.after.global - p.before.global) : null;
    return {
      organisationId: p.organisationId, name: p.named ? p.name : null, number: i + 1, workshopId: p.workshopId,
      assessedBefore: p.before !== null, plan: planState(p), itemsDone: own.filter((item) => item.status === 'done').length, items: own.length,
      reassessed: p.after !== null, globalDelta: delta,
    };
  });
  return {
    intentions: measureIntentions(intentions, facts, today),
    counts: {
      participants: people.length,
      assessedBefore: rows.filter((r) => r.assessedBefore).length,
      plansDrafted: rows.filter((r) => r.plan !== 'none').length,
      plansSubmitted: rows.filter((r) => r.plan === 'submitted' || r.plan === 'approved').length,
      plansApproved: rows.filter((r) => r.plan === 'approved').length,
      itemsDone: items.filter((i) => i.status === 'done').length,
      items: items.length,
      reassessed: rows.filter((r) => r.reassessed).length,
    },
    changes: scoreChanges(people, content),
    participants: rows,
  };
}
