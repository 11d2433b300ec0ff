import type { Db } from './database.js';
import type { Workshop } from '../records.js';

interface Row {
  id: number;
  title: string;
  expert_user_id: number;
  date: string;
  place: string;
  pillar: string | null;
  created_at: string;
  organisation_ids: string;
}

const SELECT = `SELECT workshops.*, (SELECT json_group_array(organisation_id) FROM (SELECT organisation_id FROM workshop_organisations
  WHERE workshop_id = workshops.id ORDER BY organisation_id)) AS organisation_ids FROM workshops`;

const toWorkshop = (r: Row): Workshop => ({
  id: r.id,
  title: r.title,
  expertUserId: r.expert_user_id,
  date: r.date,
  place: r.place,
  pillar: r.pillar,
  organisationIds: JSON.parse(r.organisation_ids) as number[],
  createdAt: r.created_at,
});

export class WorkshopsRepository {
  constructor(private readonly db: Db) {}

  create(input: Omit<Workshop, 'id' | 'createdAt'>, now: string): Workshop {
    const id = Number(
      this.db
        .prepare('INSERT INTO workshops (title, expert_user_id, date, place, pillar, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.title, input.expertUserId, input.date, input.place, input.pillar, now).lastInsertRowid,
    );
    for (const orgId of input.organisationIds) this.addOrganisation(id, orgId);
    return this.get(id)!;
  }

  addOrganisation(workshopId: number, organisationId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO workshop_organisations (workshop_id, organisation_id) VALUES (?, ?)').run(workshopId, organisationId);
  }

  get(id: number): Workshop | undefined {
    const row = this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
    return row && toWorkshop(row);
  }

  list(): Workshop[] {
    return (this.db.prepare(`${SELECT} ORDER BY date, id`).all() as Row[]).map(toWorkshop);
  }

  byExpert(userId: number): Workshop[] {
    return (this.db.prepare(`${SELECT} WHERE expert_user_id = ? ORDER BY date, id`).all(userId) as Row[]).map(toWorkshop);
  }

  /** Organisations taking part in a workshop run by this expert. */
  organisationsOfExpert(userId: number): number[] {
    return this.db
      .prepare('SELECT DISTINCT organisation_id FROM workshop_organisations JOIN workshops ON workshops.id = workshop_id WHERE expert_user_id = ?')
      .pluck()
      .all(userId) as number[];
  }
}
