import type { Db } from './database.js';
import type { AuditEntry } from '../records.js';

/** The audit log: who changed what and when. Written in the same transaction as the change. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  record(entry: AuditEntry): void {
    this.db
      .prepare('INSERT INTO audit_log (at, user_id, organisation_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.userId, entry.organisationId, entry.action, entry.entity, entry.entityId, JSON.stringify(entry.detail));
  }

  byOrganisation(organisationId: number): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log WHERE organisation_id = ? ORDER BY id').all(organisationId) as {
      at: string;
      user_id: number | null;
      organisation_id: number | null;
      action: string;
      entity: string;
      entity_id: number | null;
      detail: string;
    }[];
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
