import type { Selectable } from 'kysely';
import type { Queries } from './queries.js';
import type { Workshop } from './records.js';
import type { Schema } from './schema.js';

export class WorkshopsRepository {
  constructor(private readonly q: Queries) {}

  async create(input: Omit<Workshop, 'id' | 'createdAt'>, now: string): Promise<Workshop> {
    const { id } = await this.q.db
      .insertInto('workshops')
      .values({ title: input.title, expert_user_id: input.expertUserId, date: input.date, place: input.place, pillar: input.pillar, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const orgId of input.organisationIds) await this.addOrganisation(id, orgId);
    return (await this.get(id))!;
  }

  async addOrganisation(workshopId: number, organisationId: number): Promise<void> {
    await this.q.db.insertInto('workshop_organisations').values({ workshop_id: workshopId, organisation_id: organisationId }).onConflict((oc) => oc.doNothing()).execute();
  }

  async get(id: number): Promise<Workshop | undefined> {
    return (await this.withOrganisations(await this.q.db.selectFrom('workshops').selectAll().where('id', '=', id).execute()))[0];
  }

  async list(): Promise<Workshop[]> {
    return this.withOrganisations(await this.q.db.selectFrom('workshops').selectAll().orderBy('date').orderBy('id').execute());
  }

  async byExpert(userId: number): Promise<Workshop[]> {
    return this.withOrganisations(await this.q.db.selectFrom('workshops').selectAll().where('expert_user_id', '=', userId).orderBy('date').orderBy('id').execute());
  }

  /** Organisations taking part in a workshop run by this expert. */
  async organisationsOfExpert(userId: number): Promise<number[]> {
    const rows = await this.q.db
      .selectFrom('workshop_organisations')
      .innerJoin('workshops', 'workshops.id', 'workshop_organisations.workshop_id')
      .select('organisation_id')
      .distinct()
      .where('expert_user_id', '=', userId)
      .execute();
    return rows.map((r) => r.organisation_id);
  }

  /** The workshops with the ids of their organisations, in one more query. */
  private async withOrganisations(rows: Selectable<Schema['workshops']>[]): Promise<Workshop[]> {
    if (rows.length === 0) return [];
    const links = await this.q.db
      .selectFrom('workshop_organisations')
      .selectAll()
      .where('workshop_id', 'in', rows.map((r) => r.id))
      .orderBy('organisation_id')
      .execute();
    return rows.map((r) => ({
      id: r.id, title: r.title, expertUserId: r.expert_user_id, date: r.date, place: r.place, pillar: r.pillar, createdAt: r.created_at,
      organisationIds: links.filter((l) => l.workshop_id === r.id).map((l) => l.organisation_id),
    }));
  }
}
