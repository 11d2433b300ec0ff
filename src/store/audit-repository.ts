import type { Queries } from './queries.js';
import type { AuditEntry } from './records.js';

/** The audit log: who changed what and when. Written in the same transaction as the change. */
export class AuditRepository {
  constructor(private readonly q: Queries) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.q.db
      .insertInto('audit_log')
      .values({ at: entry.at, user_id: entry.userId, organisation_id: entry.organisationId, action: entry.action, entity: entry.entity, entity_id: entry.entityId, detail: JSON.stringify(entry.detail) })
      .execute();
  }

  async byOrganisation(organisationId: number): Promise<AuditEntry[]> {
    const rows = await this.q.db.selectFrom('audit_log').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute();
    return rows.map((r) => ({
      at: r.at,
      userId: r.user_id,
      organisationId: r.organisation_id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }
}
