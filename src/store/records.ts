import type { AnswerValue } from '../core/content-model.js';
import type { ScoreResult } from '../core/score-result.js';

/** Plain objects the repositories return; SQL stays inside src/store. */

export type Answers = Record<string, AnswerValue>;

export interface Organisation {
  id: number;
  name: string;
  siren: string | null;
  profile: Answers;
  createdAt: string;
  /** Whether it agreed to count in comparisons with organisations like it on this instance. */
  countInComparisons: boolean;
  /** When it answered that question (null: not asked yet). */
  comparisonsAskedAt: string | null;
}

export type MembershipRole = 'leader' | 'advisor';

/** What a user mainly does; access to each organisation is then checked per request. */
export type Role = 'leader' | 'expert' | 'advisor' | 'admin' | 'organiser';
export const ROLES: readonly Role[] = ['leader', 'expert', 'advisor', 'admin', 'organiser'];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface Membership {
  userId: number;
  organisationId: number;
  role: MembershipRole;
}

/** A workshop as the API of before shows it: one of an event's, with its first expert and its participants. */
export interface Workshop {
  id: number;
  eventId: number;
  title: string;
  expertUserId: number | null;
  date: string;
  place: string;
  pillar: string | null;
  organisationIds: number[];
  createdAt: string;
}

export type AssessmentStatus = 'draft' | 'submitted';

export interface Assessment {
  id: number;
  organisationId: number;
  /** Its rank among the organisation's assessments: n° 1, n° 2… */
  number: number;
  status: AssessmentStatus;
  profile: Answers;
  answers: Answers;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  submittedBy: number | null;
  /** The submitted assessment whose answers this one started from. */
  sourceId: number | null;
  /** Answers taken over from the source and neither changed nor confirmed since. */
  carried: string[];
}

export interface StoredResult {
  assessmentId: number;
  contentVersion: string;
  global: number | null;
  result: ScoreResult;
  computedAt: string;
}

/** The result an assessment had when it was submitted, kept when it was reopened. */
export interface EarlierResult extends StoredResult {
  submittedAt: string | null;
  submittedBy: number | null;
  reopenedAt: string;
  reopenedBy: number | null;
}

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  at: string;
  userId: number | null;
  organisationId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  detail: Record<string, unknown>;
  /** The event the change belongs to (issue #24), when it does. */
  eventId?: number | null;
}
