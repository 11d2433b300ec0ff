import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/access.js';
import { canSeeParticipant, eventAccess, type EventParties } from '../../src/core/event-access.js';

const actor = (userId: number, role: Actor['role'], memberOf: number[] = []): Actor => ({ userId, role, memberOf: new Set(memberOf), reviewerOf: new Set() });
const parties: EventParties = { organiserIds: new Set([1]), experts: new Map([[10, new Set([2])], [11, new Set([3])]]), participants: new Set([100, 101, 102]) };
const participants = [{ organisationId: 100, workshopId: 10 }, { organisationId: 101, workshopId: 11 }, { organisationId: 102, workshopId: null }];
const seen = (a: Actor) => participants.filter((p) => canSeeParticipant(eventAccess(a, parties), p)).map((p) => p.organisationId);

describe('who sees what of an event', () => {
  it('when each kind of user asks, then the organiser and admins see every participant, an expert those of their workshop, a participant only itself, anyone else nothing', () => {
    expect(seen(actor(1, 'organiser'))).toEqual([100, 101, 102]);
    expect(seen(actor(9, 'admin'))).toEqual([100, 101, 102]);
    expect(seen(actor(2, 'expert'))).toEqual([100]);
    expect(seen(actor(3, 'expert'))).toEqual([101]);
    expect(seen(actor(4, 'leader', [101]))).toEqual([101]);
    expect(eventAccess(actor(5, 'leader', [200]), parties)).toEqual({ kind: 'none' });
    expect(eventAccess(actor(6, 'expert'), parties)).toEqual({ kind: 'none' });
    expect(eventAccess(actor(7, 'organiser'), parties)).toEqual({ kind: 'none' });
  });
});
