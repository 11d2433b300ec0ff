import type { PlanStatus } from './plan-workflow.js';

/**
 * Who may do what on an organisation's data. Pure: the edges load the actor's memberships and
 * workshops, then ask here. Anything not granted is invisible (the API answers 404).
 */

// 'organiser': runs events (issue #24); the store gives the role once events are stored.
export type Role = 'leader' | 'expert' | 'advisor' | 'admin' | 'organiser';

export interface Actor {
  userId: number;
  role: Role;
  /** Organisations the user belongs to (leader) or has in their portfolio (advisor). */
  memberOf: ReadonlySet<number>;
  /** Organisations taking part in a workshop the user runs as expert. */
  reviewerOf: ReadonlySet<number>;
}

/** none: invisible; review: read what is submitted, comment; edit: fill in and manage. */
export type Access = 'none' | 'review' | 'edit';

export function organisationAccess(actor: Actor, organisationId: number): Access {
  if (actor.role === 'admin' || actor.memberOf.has(organisationId)) return 'edit';
  if (actor.reviewerOf.has(organisationId)) return 'review';
  return 'none';
}

/** Experts read submitted assessments only: a draft is the organisation's own work in progress. */
export function canReadAssessment(access: Access, status: 'draft' | 'submitted'): boolean {
  return access === 'edit' || (access === 'review' && status === 'submitted');
}

/**
 * What an actor may do with one plan, given their access to its organisation. A draft is the
 * organisation's own work until it is submitted: a workshop expert neither lists, reads nor
 * comments on it — unless the organisation shared it with them during the workshop; once
 * submitted (under review, approved, or sent back), the expert reads, comments and reviews.
 * Every plan route asks here.
 */
export function planAccess(access: Access, plan: { status: PlanStatus; sharedAt?: string | null }): Access {
  if (access === 'review' && plan.status === 'draft' && !plan.sharedAt) return 'none';
  return access;
}

/** Advisors add organisations to their portfolio; admins create any. */
export function canCreateOrganisation(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'advisor';
}

/**
 * Organisations whose results the actor reads one by one. A comparison shown to them leaves these
 * out: with their scores known, a group's quartiles could give away the one other organisation in
 * it. Empty for an admin, who reads every organisation anyway.
 */
export function readableOrganisations(actor: Actor): ReadonlySet<number> {
  const visible = visibleOrganisations(actor);
  return new Set(visible === 'all' ? [] : visible);
}

/** The organisations an actor may list: all for an admin, else those it has access to. */
export function visibleOrganisations(actor: Actor): 'all' | number[] {
  if (actor.role === 'admin') return 'all';
  return [...new Set([...actor.memberOf, ...actor.reviewerOf])].sort((a, b) => a - b);
}
