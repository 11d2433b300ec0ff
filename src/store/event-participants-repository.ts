import type { InvitationRecord, ParticipantRecord } from './event-records.js';
import { changed, type Queries } from './queries.js';

/** Who takes part in an event, and the invitations they joined with (only a digest of each code is kept). */
export class EventParticipantsRepository {
  constructor(private readonly q: Queries) {}

  private participants() {
    return this.q.db.selectFrom('event_participants').innerJoin('organisations', 'organisations.id', 'event_participants.organisation_id')
      .select(['event_id', 'organisation_id', 'organisations.name as organisation_name', 'workshop_id', 'joined_at', 'joined_by', 'invitation_id', 'named']);
  }

  async byEvent(eventId: number): Promise<ParticipantRecord[]> {
    return (await this.participants().where('event_id', '=', eventId).orderBy('joined_at').orderBy('organisation_id').execute()).map(toParticipant);
  }

  async byOrganisations(organisationIds: readonly number[]): Promise<ParticipantRecord[]> {
    if (organisationIds.length === 0) return [];
    return (await this.participants().where('organisation_id', 'in', [...organisationIds]).orderBy('event_id').orderBy('organisation_id').execute()).map(toParticipant);
  }

  async get(eventId: number, organisationId: number): Promise<ParticipantRecord | undefined> {
    const row = await this.participants().where('event_id', '=', eventId).where('organisation_id', '=', organisationId).executeTakeFirst();
    return row && toParticipant(row);
  }

  /** Adds the organisation to the event; false when it already takes part. */
  async join(p: Omit<ParticipantRecord, 'organisationName'>): Promise<boolean> {
    const result = await this.q.db.insertInto('event_participants').values({
      event_id: p.eventId, organisation_id: p.organisationId, workshop_id: p.workshopId, joined_at: p.joinedAt, joined_by: p.joinedBy, invitation_id: p.invitationId, named: p.named ? 1 : 0,
    }).onConflict((oc) => oc.columns(['event_id', 'organisation_id']).doNothing()).executeTakeFirst();
    return changed(result) === 1;
  }

  async update(eventId: number, organisationId: number, fields: { workshopId?: number | null; named?: boolean }): Promise<void> {
    // Nothing to set is no change (and no UPDATE without a SET clause).
    if (fields.workshopId === undefined && fields.named === undefined) return;
    await this.q.db.updateTable('event_participants').set({
      ...(fields.workshopId !== undefined && { workshop_id: fields.workshopId }),
      ...(fields.named !== undefined && { named: fields.named ? 1 : 0 }),
    }).where('event_id', '=', eventId).where('organisation_id', '=', organisationId).execute();
  }

  async createInvitation(eventId: number, codeHash: string, userId: number | null, now: string): Promise<InvitationRecord> {
    const row = await this.q.db.insertInto('event_invitations').values({ event_id: eventId, code_hash: codeHash, created_at: now, created_by: userId })
      .returningAll().executeTakeFirstOrThrow();
    return toInvitation(row);
  }

  async invitations(eventId: number): Promise<InvitationRecord[]> {
    return (await this.q.db.selectFrom('event_invitations').selectAll().where('event_id', '=', eventId).orderBy('id').execute()).map(toInvitation);
  }

  async invitation(id: number): Promise<InvitationRecord | undefined> {
    const row = await this.q.db.selectFrom('event_invitations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toInvitation(row);
  }

  async invitationByHash(codeHash: string): Promise<InvitationRecord | undefined> {
    const row = await this.q.db.selectFrom('event_invitations').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
    return row && toInvitation(row);
  }

  /** False when the version is stale or it was already revoked. */
  async revokeInvitation(id: number, expectedVersion: number, now: string): Promise<boolean> {
    const result = await this.q.db.updateTable('event_invitations').set((eb) => ({ revoked_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id).where('version', '=', expectedVersion).where('revoked_at', 'is', null).executeTakeFirst();
    return changed(result) === 1;
  }
}

function toParticipant(r: { event_id: number; organisation_id: number; organisation_name: string; workshop_id: number | null; joined_at: string; joined_by: number | null; invitation_id: number | null; named: number }): ParticipantRecord {
  return {
    eventId: r.event_id, organisationId: r.organisation_id, organisationName: r.organisation_name, workshopId: r.workshop_id, joinedAt: r.joined_at,
    joinedBy: r.joined_by, invitationId: r.invitation_id, named: r.named === 1,
  };
}

function toInvitation(r: { id: number; event_id: number; created_at: string; created_by: number | null; revoked_at: string | null; version: number }): InvitationRecord {
  return { id: r.id, eventId: r.event_id, createdAt: r.created_at, createdBy: r.created_by, revokedAt: r.revoked_at, version: r.version };
}
