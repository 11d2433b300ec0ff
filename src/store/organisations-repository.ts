import type { Selectable } from 'kysely';
import { byName } from './order.js';
import type { Queries } from './queries.js';
import type { Answers, Organisation } from './records.js';
import type { Schema } from './schema.js';

const toOrganisation = (r: Selectable<Schema['organisations']>): Organisation => ({
  id: r.id,
  name: r.name,
  siren: r.siren,
  profile: JSON.parse(r.profile) as Answers,
  createdAt: r.created_at,
  countInComparisons: r.count_in_comparisons === 1,
  comparisonsAskedAt: r.comparisons_asked_at,
});

export class OrganisationsRepository {
  constructor(private readonly q: Queries) {}

  async create(input: { name: string; siren: string | null; profile: Answers; countInComparisons?: boolean }, now: string): Promise<Organisation> {
    const consent = input.countInComparisons === undefined ? {} : { count_in_comparisons: input.countInComparisons ? 1 : 0, comparisons_asked_at: now };
    const row = await this.q.db
      .insertInto('organisations')
      .values({ name: input.name, siren: input.siren, profile: JSON.stringify(input.profile), created_at: now, ...consent })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toOrganisation(row);
  }

  async get(id: number): Promise<Organisation | undefined> {
    const row = await this.q.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOrganisation(row);
  }

  /** All organisations, or those with the given ids, by name. */
  async list(ids?: readonly number[]): Promise<Organisation[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.q.db
      .selectFrom('organisations')
      .selectAll()
      .$if(ids !== undefined, (qb) => qb.where('id', 'in', ids!))
      .execute();
    return byName(rows.map(toOrganisation));
  }

  /** Changes the fields given, in one statement (no read first: a change made meanwhile to another field stays). */
  async update(id: number, changes: { name?: string; siren?: string | null; profile?: Answers; countInComparisons?: boolean }, now?: string): Promise<Organisation | undefined> {
    const set = {
      ...(changes.countInComparisons !== undefined && { count_in_comparisons: changes.countInComparisons ? 1 : 0, comparisons_asked_at: now ?? null }),
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.siren !== undefined && { siren: changes.siren }),
      ...(changes.profile !== undefined && { profile: JSON.stringify(changes.profile) }),
    };
    if (Object.keys(set).length === 0) return this.get(id);
    const row = await this.q.db
      .updateTable('organisations')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toOrganisation(row);
  }

  async count(): Promise<number> {
    const row = await this.q.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
