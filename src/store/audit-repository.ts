import type { Queries } from './queries.js';
import type { AuditEntry } from './records.js';

/** The audit log: who changed what and when. Written in the same transaction as the change. */
export class AuditRepository {
  constructor(private readonly q: Queries) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.q.db
      .insertInto('audit_log')
      .values({ at: entry.at, user_id: entry.userId, organisation_id: entry.organisationId, action: entry.action, entity: entry.entity, entity_id: entry.entityId, detail: JSON.stringify(entry.detail), event_id: entry.eventId ?? null })
      .execute();
  }

  async byOrganisation(organisationId: number): Promise<AuditEntry[]> {
    return this.entries(await this.q.db.selectFrom('audit_log').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute());
  }

  /** The trail of an event: itself, its intentions, workshops, invitations and participants. */
  async byEvent(eventId: number): Promise<AuditEntry[]> {
    return this.entries(await this.q.db.selectFrom('audit_log').selectAll().where('event_id', '=', eventId).orderBy('id').execute());
  }

  private entries(rows: { at: string; user_id: number | null; organisation_id: number | null; action: string; entity: string; entity_id: number | null; detail: string; event_id: number | null }[]): AuditEntry[] {
    return rows.map((r) => ({
      at: r.at,
      userId: r.user_id,
      organisationId: r.organisation_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      ...(r.event_id !== null && { eventId: r.event_id }),
    }));
  }
}
