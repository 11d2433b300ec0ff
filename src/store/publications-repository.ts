import type { Selectable } from 'kysely';
import type { PublicationSnapshot } from '../core/publication-snapshot.js';
import type { Queries } from './queries.js';
import type { Schema } from './schema.js';

/** A published result: its address's slug, the snapshot it shows, and whether it still does. */
export interface Publication {
  slug: string;
  organisationId: number;
  assessmentId: number;
  snapshot: PublicationSnapshot;
  includePlan: boolean;
  publishedAt: string;
  publishedBy: number | null;
  unpublishedAt: string | null;
}

const toPublication = (r: Selectable<Schema['publications']>): Publication => ({
  slug: r.slug,
  organisationId: r.organisation_id,
  assessmentId: r.assessment_id,
  snapshot: JSON.parse(r.snapshot) as PublicationSnapshot,
  includePlan: r.include_plan === 1,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  unpublishedAt: r.unpublished_at,
});

/** Publications, one an organisation: republishing replaces the snapshot and keeps the slug. */
export class PublicationsRepository {
  constructor(private readonly q: Queries) {}

  async ofOrganisation(organisationId: number): Promise<Publication | undefined> {
    const row = await this.q.db.selectFrom('publications').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
    return row && toPublication(row);
  }

  async bySlug(slug: string): Promise<Publication | undefined> {
    const row = await this.q.db.selectFrom('publications').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row && toPublication(row);
  }

  /** Publishes (or publishes again) the organisation's result; `slug` is used only the first time. */
  async publish(input: { slug: string; organisationId: number; assessmentId: number; snapshot: PublicationSnapshot; includePlan: boolean; userId: number }, now: string): Promise<Publication> {
    const values = { assessment_id: input.assessmentId, snapshot: JSON.stringify(input.snapshot), include_plan: input.includePlan ? 1 : 0, published_at: now, published_by: input.userId, unpublished_at: null };
    const row = await this.q.db
      .insertInto('publications')
      .values({ slug: input.slug, organisation_id: input.organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPublication(row);
  }

  async unpublish(organisationId: number, now: string): Promise<Publication | undefined> {
    const row = await this.q.db
      .updateTable('publications')
      .set({ unpublished_at: now })
      .where('organisation_id', '=', organisationId)
      .where('unpublished_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row && toPublication(row);
  }

  /** What is published now, newest first; nothing unpublished. */
  async listPublished(): Promise<Publication[]> {
    const rows = await this.q.db.selectFrom('publications').selectAll().where('unpublished_at', 'is', null).orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(toPublication);
  }
}
