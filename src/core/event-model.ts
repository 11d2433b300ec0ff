/**
 * An event such as « De l’Impact Score à l’action »: the organising team's intentions, the
 * workshops it runs, and — at the follow-up — what happened. The facts are gathered by the app
 * from the store; everything computed from them lives in core and is pure.
 */

/** What the organisers intend, measurable or in words. */
export type Intention =
  | { id: string; kind: 'participants'; target: number }
  | { id: string; kind: 'assessed-before'; target: number }
  | { id: string; kind: 'plans-drafted'; target: number }
  | { id: string; kind: 'plans-approved'; target: number; withinWeeks: number }
  | { id: string; kind: 'actions-done'; target: number }
  | { id: string; kind: 'words'; text: string };

export type IntentionKind = Intention['kind'];

/** A workshop covers one pillar, or any grouping of indicators. */
export interface WorkshopScope {
  id: number;
  title: string;
  pillar: string | null;
  indicators: readonly string[];
}

/** Scores of one submitted assessment, as the event reads them. */
export interface ScoreSummary {
  submittedAt: string;
  global: number | null;
  pillars: Readonly<Record<string, number | null>>;
  indicators: Readonly<Record<string, number | null>>;
}

export interface ParticipantPlan {
  createdAt: string;
  submittedAt: string | null;
  /** When an expert first approved it; null if never. */
  approvedAt: string | null;
  /** Each action's status and, when done, the day it was marked done. */
  items: readonly { status: 'todo' | 'in-progress' | 'done' | 'dropped'; doneAt: string | null }[];
}

export interface Participant {
  organisationId: number;
  name: string;
  /** Whether the organisation agreed to be named to partners and shown to other participants. */
  named: boolean;
  joinedAt: string;
  workshopId: number | null;
  /** The latest assessment submitted by the event's date. */
  before: ScoreSummary | null;
  /** The latest assessment submitted after the event (the re-assessment). */
  after: ScoreSummary | null;
  /** Plans drawn from `before`. */
  plans: readonly ParticipantPlan[];
}

export interface EventFacts {
  /** The event's day and its follow-up day, as YYYY-MM-DD. */
  date: string;
  followUp: string;
  participants: readonly Participant[];
}
