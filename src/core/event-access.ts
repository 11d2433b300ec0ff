import type { Actor } from './access.js';

/** Who holds which part in one event; the edges load it, then ask here. */
export interface EventParties {
  organiserIds: ReadonlySet<number>;
  /** For each workshop, the users who lead it as experts. */
  experts: ReadonlyMap<number, ReadonlySet<number>>;
  /** The organisations taking part. */
  participants: ReadonlySet<number>;
}

/**
 * organise: everything about the event (its organisers, and admins); lead: the workshops one leads
 * and their participants, nothing else; participate: the event's public side and one's own
 * organisation's part; none: the event is invisible (the API answers 404).
 */
export type EventAccess =
  | { kind: 'organise' }
  | { kind: 'lead'; workshops: ReadonlySet<number> }
  | { kind: 'participate'; organisations: ReadonlySet<number> }
  | { kind: 'none' };

export function eventAccess(actor: Actor, parties: EventParties): EventAccess {
  if (actor.role === 'admin' || parties.organiserIds.has(actor.userId)) return { kind: 'organise' };
  const led = new Set([...parties.experts].filter(([, ids]) => ids.has(actor.userId)).map(([id]) => id));
  if (led.size > 0) return { kind: 'lead', workshops: led };
  const own = new Set([...actor.memberOf].filter((id) => parties.participants.has(id)));
  if (own.size > 0) return { kind: 'participate', organisations: own };
  return { kind: 'none' };
}

/** Whether an actor may see one participant's data (answers, scores, plans) within the event. */
export function canSeeParticipant(access: EventAccess, participant: { organisationId: number; workshopId: number | null }): boolean {
  switch (access.kind) {
    case 'organise':
      return true;
    case 'lead':
      return participant.workshopId !== null && access.workshops.has(participant.workshopId);
    case 'participate':
      return access.organisations.has(participant.organisationId);
    case 'none':
      return false;
  }
}
