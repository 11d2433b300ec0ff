import type { ExpertProfile } from './event-records.js';
import { changed, type Queries } from './queries.js';

type Fields = Pick<ExpertProfile, 'indicators' | 'territory' | 'organisation'>;

/** What an expert says they help with, shown to the participants of their workshops. */
export class ExpertProfilesRepository {
  constructor(private readonly q: Queries) {}

  async get(userId: number): Promise<ExpertProfile | undefined> {
    return (await this.byUsers([userId]))[0];
  }

  async byUsers(userIds: readonly number[]): Promise<ExpertProfile[]> {
    if (userIds.length === 0) return [];
    const rows = await this.q.db.selectFrom('expert_profiles').selectAll().where('user_id', 'in', [...userIds]).orderBy('user_id').execute();
    return rows.map((r) => ({ userId: r.user_id, indicators: JSON.parse(r.indicators) as string[], territory: r.territory, organisation: r.organisation, version: r.version, updatedAt: r.updated_at }));
  }

  /** Writes the profile if `expectedVersion` is the current one (0: none yet); undefined when stale. */
  async save(userId: number, expectedVersion: number, fields: Fields, now: string): Promise<ExpertProfile | undefined> {
    const values = { indicators: JSON.stringify(fields.indicators), territory: fields.territory, organisation: fields.organisation, updated_at: now };
    if (expectedVersion === 0) {
      const result = await this.q.db.insertInto('expert_profiles').values({ user_id: userId, ...values }).onConflict((oc) => oc.column('user_id').doNothing()).executeTakeFirst();
      return changed(result) === 1 ? this.get(userId) : undefined;
    }
    const result = await this.q.db.updateTable('expert_profiles').set((eb) => ({ ...values, version: eb('version', '+', 1) }))
      .where('user_id', '=', userId).where('version', '=', expectedVersion).executeTakeFirst();
    return changed(result) === 1 ? this.get(userId) : undefined;
  }
}
