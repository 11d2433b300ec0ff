import type { RecordedTestimony } from '../core/event-input.js';

/** Plain objects the event repositories return (issue #24). */

export interface EventRecord {
  id: number;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  followUp: string;
  place: string;
  partners: string[];
  improvements: string | null;
  previousEventId: number | null;
  /** Null for the events made from the workshops of before (admins run those). */
  organiserUserId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type EventFields = Pick<EventRecord, 'title' | 'date' | 'followUp' | 'place' | 'partners' | 'improvements' | 'previousEventId' | 'organiserUserId'>;

/** An intention as stored: `target` for the measurable kinds, `withinWeeks` for approvals, `text` in words. */
export interface IntentionRecord {
  id: number;
  eventId: number;
  position: number;
  kind: 'participants' | 'assessed-before' | 'plans-drafted' | 'plans-approved' | 'actions-done' | 'words';
  target: number | null;
  withinWeeks: number | null;
  text: string | null;
  version: number;
}

export type IntentionFields = Pick<IntentionRecord, 'kind' | 'target' | 'withinWeeks' | 'text'>;

export interface WorkshopRecord {
  id: number;
  eventId: number;
  title: string;
  pillar: string | null;
  indicators: string[];
  /** Ids of testimonies in data/ told there. */
  testimonies: string[];
  /** Testimonies recorded for the event, with the fields and source rules of data/'s. */
  recordedTestimonies: RecordedTestimony[];
  /** The compte rendu, written after the event. */
  notes: string | null;
  expertIds: number[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type WorkshopFields = Pick<WorkshopRecord, 'title' | 'pillar' | 'indicators' | 'testimonies' | 'recordedTestimonies' | 'notes'>;

export interface ParticipantRecord {
  eventId: number;
  organisationId: number;
  organisationName: string;
  workshopId: number | null;
  joinedAt: string;
  joinedBy: number | null;
  invitationId: number | null;
  /** Agreed to be named in the bilan and shown with its scores in the cohort. */
  named: boolean;
}

export interface InvitationRecord {
  id: number;
  eventId: number;
  createdAt: string;
  createdBy: number | null;
  revokedAt: string | null;
  version: number;
}

export interface ExpertProfile {
  userId: number;
  indicators: string[];
  territory: string | null;
  organisation: string | null;
  version: number;
  updatedAt: string;
}
