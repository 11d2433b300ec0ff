/**
 * PROVISIONAL: the backbone's event shapes (src/http/responses/event-responses.ts in h24-events,
 * not yet in api-schema.ts), written out by hand; once generated, each becomes an alias in
 * api-types.ts and this file goes.
 */
import type { PlanStatus, Suggestion, Testimony } from './api-types.js';

type IntentionKind = 'participants' | 'assessed-before' | 'plans-drafted' | 'plans-approved' | 'actions-done' | 'words';
type Scores = { global: number | null; pillars: Record<string, number | null> };

export type EventAccess = 'organise' | 'lead' | 'participate';
export type EventPhase = 'before' | 'after' | 'follow-up';
export interface EventIntention { id: number; kind: IntentionKind; target: number | null; withinWeeks: number | null; text: string | null; version: number }
export interface ExpertProfile { userId: number; name: string; email?: string; indicators: string[]; indicatorTitles: string[]; territory: string | null; organisation: string | null; version: number }
export interface RecordedTestimony { organisation: { name: string; sector: string; city?: string }; title: string; action: string; outcome: string; source: { url: string; publisher: string }; date: string }
export interface EventWorkshop {
  id: number; eventId: number; title: string; pillar: string | null; pillarTitle: string | null; indicators: string[]; testimonies: string[];
  recordedTestimonies: RecordedTestimony[]; testimonyViews: Testimony[]; notes: string | null; experts: ExpertProfile[]; participants: number; version: number;
}
export interface EventSummary { id: number; title: string; date: string; followUp: string; place: string; phase: EventPhase; access: EventAccess; participants: number }
export interface EventDetail extends EventSummary {
  partners: string[]; improvements: string | null; previous: { id: number; title: string; improvements: string | null } | null;
  organiser: { userId: number; name: string } | null; intentions: EventIntention[]; workshops: EventWorkshop[]; version: number; createdAt: string; updatedAt: string;
}
export interface NewEventInvitation { id: number; eventId: number; createdAt: string; revokedAt: string | null; joined: number; version: number; code: string; path: string }
export interface InvitationPreview { eventId: number; title: string; date: string; place: string; organiser: string | null; workshops: { title: string; pillarTitle: string | null }[]; open: boolean }
export interface EventJoined { eventId: number; organisationId: number; joinedAt: string; alreadyJoined: boolean }
export interface EventSignedUp { eventId: number; organisationId: number }

interface AssessmentState { status: 'none' | 'draft' | 'submitted'; assessmentId: number | null; submittedAt: string | null; beforeEvent: boolean }
interface PlanState { status: 'none' | PlanStatus; planId: number | null; shared: boolean }
export interface EventParticipant { organisationId: number; name: string; joinedAt: string; workshopId: number | null; named: boolean; assessment: AssessmentState; plan: PlanState }
export interface EventParticipants { eventId: number; joined: number; submittedBeforeEvent: number; participants: EventParticipant[] }

export interface EventCohort {
  eventId: number; minimumGroup: number; assessed: number;
  scores: { id: string; title: string; count: number; quartiles: { count: number; min: number; q1: number; median: number; q3: number; max: number } | null }[];
  gaps: { indicator: string; indicatorTitle: string; pillar: string; below50: number; count: number; mean: number }[];
  participants: { organisationId: number; name: string; workshopId: number | null; weakestPillar: string | null; proposedWorkshopId: number | null; scores: Scores | null }[];
}

export interface ExpertWorkshopView {
  event: EventSummary; workshop: EventWorkshop;
  participants: {
    organisationId: number; name: string; assessment: AssessmentState;
    gaps: { indicator: string; indicatorTitle: string; score: number | null }[];
    suggestions: Suggestion[];
    plans: { id: number; title: string; status: PlanStatus; shared: boolean }[];
  }[];
}

export interface MyEvent {
  event: EventDetail;
  participations: {
    organisationId: number; name: string; named: boolean; joinedAt: string; workshop: EventWorkshop | null;
    assessment: AssessmentState; plan: PlanState;
    missing: { code: string; message: string }[];
    reassessment: { open: boolean; from: string; assessmentId: number | null; status: 'none' | 'draft' | 'submitted' };
    bilan: { before: Scores | null; after: Scores | null; itemsDone: number; items: number };
  }[];
}

export interface EventBilan {
  event: { id: number; title: string; date: string; followUp: string; place: string; partners: string[] };
  today: string;
  intentions: { id: number; kind: IntentionKind; label: string; target: number | null; achieved: number | null; outcome: 'met' | 'missed' | 'pending' | 'in-words'; deadline: string }[];
  counts: { participants: number; assessedBefore: number; plansDrafted: number; plansSubmitted: number; plansApproved: number; itemsDone: number; items: number; reassessed: number };
  changes: { id: string; title: string; count: number; before: number | null; after: number | null; delta: number | null }[];
  participants: { number: number; name: string; named: boolean; workshopTitle: string | null; assessedBefore: boolean; plan: 'none' | 'draft' | 'submitted' | 'approved'; itemsDone: number; items: number; reassessed: boolean; globalDelta: number | null }[];
  workshops: { id: number; title: string; notes: string | null }[];
  improvements: string | null;
}
