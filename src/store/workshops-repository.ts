import type { Queries } from './queries.js';
import type { Workshop } from './records.js';

/**
 * Workshops as the API of before shows them (GET /workshops, the review queue): each one of an
 * event's workshops, with the event's date and place, its first expert and its participants.
 */
export class WorkshopsRepository {
  constructor(private readonly q: Queries) {}

  /** A workshop as admins made them before events: an event of its own, one workshop, one expert, its organisations. */
  async create(input: Omit<Workshop, 'id' | 'createdAt' | 'eventId' | 'expertUserId'> & { expertUserId: number }, now: string): Promise<Workshop> {
    const id = await this.q.atomic(async (db) => {
      const event = await db.insertInto('events').values({ title: input.title, date: input.date, follow_up: sixMonthsAfter(input.date), place: input.place, created_at: now, updated_at: now })
        .returning('id').executeTakeFirstOrThrow();
      const workshop = await db.insertInto('workshops').values({ event_id: event.id, title: input.title, pillar: input.pillar, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('workshop_experts').values({ workshop_id: workshop.id, user_id: input.expertUserId }).execute();
      return workshop.id;
    });
    for (const orgId of input.organisationIds) await this.addOrganisation(id, orgId, now);
    return (await this.get(id))!;
  }

  /** Adds an organisation to the workshop's event, assigned to it. */
  async addOrganisation(workshopId: number, organisationId: number, now = new Date().toISOString()): Promise<void> {
    const { event_id } = await this.q.db.selectFrom('workshops').select('event_id').where('id', '=', workshopId).executeTakeFirstOrThrow();
    await this.q.db.insertInto('event_participants').values({ event_id, organisation_id: organisationId, workshop_id: workshopId, joined_at: now })
      .onConflict((oc) => oc.columns(['event_id', 'organisation_id']).doUpdateSet({ workshop_id: workshopId })).execute();
  }

  /** Organisations assigned to a workshop this expert leads: the expert reviews their submitted plans. */
  async organisationsOfExpert(userId: number): Promise<number[]> {
    const rows = await this.q.db.selectFrom('event_participants')
      .innerJoin('workshop_experts', 'workshop_experts.workshop_id', 'event_participants.workshop_id')
      .select('event_participants.organisation_id').distinct().where('workshop_experts.user_id', '=', userId).execute();
    return rows.map((r) => r.organisation_id).sort((a, b) => a - b);
  }

  async get(id: number): Promise<Workshop | undefined> {
    return (await this.select([id]))[0];
  }

  async list(): Promise<Workshop[]> {
    return this.select();
  }

  /** The workshops this expert leads (one of their experts). */
  async byExpert(userId: number): Promise<Workshop[]> {
    const led = await this.q.db.selectFrom('workshop_experts').select('workshop_id').where('user_id', '=', userId).execute();
    return led.length === 0 ? [] : this.select(led.map((r) => r.workshop_id));
  }

  private async select(ids?: number[]): Promise<Workshop[]> {
    let query = this.q.db.selectFrom('workshops').innerJoin('events', 'events.id', 'workshops.event_id')
      .select(['workshops.id', 'workshops.event_id', 'workshops.title', 'workshops.pillar', 'workshops.created_at', 'events.date', 'events.place']);
    if (ids) query = query.where('workshops.id', 'in', ids);
    const rows = await query.orderBy('events.date').orderBy('workshops.id').execute();
    if (rows.length === 0) return [];
    const workshopIds = rows.map((r) => r.id);
    const experts = await this.q.db.selectFrom('workshop_experts').selectAll().where('workshop_id', 'in', workshopIds).orderBy('user_id').execute();
    const people = await this.q.db.selectFrom('event_participants').select(['workshop_id', 'organisation_id']).where('workshop_id', 'in', workshopIds).orderBy('organisation_id').execute();
    return rows.map((r) => ({
      id: r.id, eventId: r.event_id, title: r.title, date: r.date, place: r.place, pillar: r.pillar, createdAt: r.created_at,
      expertUserId: experts.find((e) => e.workshop_id === r.id)?.user_id ?? null,
      organisationIds: people.filter((p) => p.workshop_id === r.id).map((p) => p.organisation_id),
    }));
  }
}

/** The follow-up of a workshop of before: six months after its day. */
function sixMonthsAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 6);
  return d.toISOString().slice(0, 10);
}
