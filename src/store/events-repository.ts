import type { Selectable } from 'kysely';
import type { EventFields, EventRecord, IntentionFields, IntentionRecord } from './event-records.js';
import { changed, type Queries } from './queries.js';
import type { Schema } from './schema.js';

const toEvent = (r: Selectable<Schema['events']>): EventRecord => ({
  id: r.id, title: r.title, date: r.date, followUp: r.follow_up, place: r.place, partners: JSON.parse(r.partners) as string[],
  improvements: r.improvements, previousEventId: r.previous_event_id, organiserUserId: r.organiser_user_id, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

const toIntention = (r: Selectable<Schema['event_intentions']>): IntentionRecord => ({
  id: r.id, eventId: r.event_id, position: r.position, kind: r.kind, target: r.target, withinWeeks: r.within_weeks, text: r.text, version: r.version,
});

const eventColumns = (f: Partial<EventFields>) => ({
  ...(f.title !== undefined && { title: f.title }),
  ...(f.date !== undefined && { date: f.date }),
  ...(f.followUp !== undefined && { follow_up: f.followUp }),
  ...(f.place !== undefined && { place: f.place }),
  ...(f.partners !== undefined && { partners: JSON.stringify(f.partners) }),
  ...(f.improvements !== undefined && { improvements: f.improvements }),
  ...(f.previousEventId !== undefined && { previous_event_id: f.previousEventId }),
  ...(f.organiserUserId !== undefined && { organiser_user_id: f.organiserUserId }),
});

/**
 * Events and their intentions. Writes to an existing one name the version the caller read and
 * change nothing (undefined) when it is stale: concurrent edits are detected, never lost.
 */
export class EventsRepository {
  constructor(private readonly q: Queries) {}

  async create(fields: EventFields, now: string): Promise<EventRecord> {
    const row = await this.q.db.insertInto('events').values({ ...eventColumns(fields), title: fields.title, date: fields.date, follow_up: fields.followUp, place: fields.place, created_at: now, updated_at: now })
      .returningAll().executeTakeFirstOrThrow();
    return toEvent(row);
  }

  async get(id: number): Promise<EventRecord | undefined> {
    const row = await this.q.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toEvent(row);
  }

  async list(): Promise<EventRecord[]> {
    return (await this.q.db.selectFrom('events').selectAll().orderBy('date', 'desc').orderBy('id', 'desc').execute()).map(toEvent);
  }

  /** Events by id, in the order of `list`. */
  async byIds(ids: readonly number[]): Promise<EventRecord[]> {
    if (ids.length === 0) return [];
    return (await this.q.db.selectFrom('events').selectAll().where('id', 'in', [...ids]).orderBy('date', 'desc').orderBy('id', 'desc').execute()).map(toEvent);
  }

  async byOrganiser(userId: number): Promise<EventRecord[]> {
    return (await this.q.db.selectFrom('events').selectAll().where('organiser_user_id', '=', userId).orderBy('date', 'desc').orderBy('id', 'desc').execute()).map(toEvent);
  }

  async update(id: number, expectedVersion: number, fields: Partial<EventFields>, now: string): Promise<EventRecord | undefined> {
    const result = await this.q.db.updateTable('events').set((eb) => ({ ...eventColumns(fields), version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
    return changed(result) === 1 ? this.get(id) : undefined;
  }

  async intentions(eventId: number): Promise<IntentionRecord[]> {
    return (await this.q.db.selectFrom('event_intentions').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('id').execute()).map(toIntention);
  }

  async intention(id: number): Promise<IntentionRecord | undefined> {
    const row = await this.q.db.selectFrom('event_intentions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toIntention(row);
  }

  async addIntention(eventId: number, fields: IntentionFields, now: string): Promise<IntentionRecord> {
    const last = await this.q.db.selectFrom('event_intentions').select((eb) => eb.fn.max('position').as('p')).where('event_id', '=', eventId).executeTakeFirst();
    const row = await this.q.db.insertInto('event_intentions').values({
      event_id: eventId, position: Number(last?.p ?? 0) + 1, kind: fields.kind, target: fields.target, within_weeks: fields.withinWeeks, text: fields.text, created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    return toIntention(row);
  }

  async updateIntention(id: number, expectedVersion: number, fields: IntentionFields, now: string): Promise<IntentionRecord | undefined> {
    const result = await this.q.db.updateTable('event_intentions')
      .set((eb) => ({ kind: fields.kind, target: fields.target, within_weeks: fields.withinWeeks, text: fields.text, version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
    return changed(result) === 1 ? this.intention(id) : undefined;
  }

  /** False when the version is stale (or the intention gone). */
  async removeIntention(id: number, expectedVersion: number): Promise<boolean> {
    return changed(await this.q.db.deleteFrom('event_intentions').where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst()) === 1;
  }
}
