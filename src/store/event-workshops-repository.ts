import type { Selectable } from 'kysely';
import type { RecordedTestimony } from '../core/event-input.js';
import type { WorkshopFields, WorkshopRecord } from './event-records.js';
import { changed, type Queries } from './queries.js';
import type { Schema } from './schema.js';

const columns = (f: Partial<WorkshopFields>) => ({
  ...(f.title !== undefined && { title: f.title }),
  ...(f.pillar !== undefined && { pillar: f.pillar }),
  ...(f.indicators !== undefined && { indicators: JSON.stringify(f.indicators) }),
  ...(f.testimonies !== undefined && { testimonies: JSON.stringify(f.testimonies) }),
  ...(f.recordedTestimonies !== undefined && { recorded_testimonies: JSON.stringify(f.recordedTestimonies) }),
  ...(f.notes !== undefined && { notes: f.notes }),
});

/** An event's workshops with their experts; versioned like events. */
export class EventWorkshopsRepository {
  constructor(private readonly q: Queries) {}

  async create(eventId: number, fields: WorkshopFields, expertIds: readonly number[], now: string): Promise<WorkshopRecord> {
    const { id } = await this.q.db.insertInto('workshops')
      .values({ ...columns(fields), event_id: eventId, title: fields.title, created_at: now, updated_at: now })
      .returning('id').executeTakeFirstOrThrow();
    await this.setExperts(id, expertIds);
    return (await this.get(id))!;
  }

  async get(id: number): Promise<WorkshopRecord | undefined> {
    return (await this.withExperts(await this.q.db.selectFrom('workshops').selectAll().where('id', '=', id).execute()))[0];
  }

  async byEvent(eventId: number): Promise<WorkshopRecord[]> {
    return this.withExperts(await this.q.db.selectFrom('workshops').selectAll().where('event_id', '=', eventId).orderBy('id').execute());
  }

  async byEvents(eventIds: readonly number[]): Promise<WorkshopRecord[]> {
    if (eventIds.length === 0) return [];
    return this.withExperts(await this.q.db.selectFrom('workshops').selectAll().where('event_id', 'in', [...eventIds]).orderBy('id').execute());
  }

  /** The workshops an expert leads. */
  async byExpert(userId: number): Promise<WorkshopRecord[]> {
    const rows = await this.q.db.selectFrom('workshops').innerJoin('workshop_experts', 'workshop_experts.workshop_id', 'workshops.id')
      .selectAll('workshops').where('workshop_experts.user_id', '=', userId).orderBy('workshops.id').execute();
    return this.withExperts(rows);
  }

  async all(): Promise<WorkshopRecord[]> {
    return this.withExperts(await this.q.db.selectFrom('workshops').selectAll().orderBy('id').execute());
  }

  async update(id: number, expectedVersion: number, fields: Partial<WorkshopFields>, expertIds: readonly number[] | undefined, now: string): Promise<WorkshopRecord | undefined> {
    const result = await this.q.db.updateTable('workshops').set((eb) => ({ ...columns(fields), version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
    if (changed(result) !== 1) return undefined;
    if (expertIds) await this.setExperts(id, expertIds);
    return this.get(id);
  }

  async remove(id: number, expectedVersion: number): Promise<boolean> {
    return changed(await this.q.db.deleteFrom('workshops').where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst()) === 1;
  }

  private async setExperts(workshopId: number, expertIds: readonly number[]): Promise<void> {
    await this.q.db.deleteFrom('workshop_experts').where('workshop_id', '=', workshopId).execute();
    if (expertIds.length > 0) await this.q.db.insertInto('workshop_experts').values([...new Set(expertIds)].map((user_id) => ({ workshop_id: workshopId, user_id }))).execute();
  }

  private async withExperts(rows: Selectable<Schema['workshops']>[]): Promise<WorkshopRecord[]> {
    if (rows.length === 0) return [];
    const links = await this.q.db.selectFrom('workshop_experts').selectAll().where('workshop_id', 'in', rows.map((r) => r.id)).orderBy('user_id').execute();
    return rows.map((r) => ({
      id: r.id, eventId: r.event_id, title: r.title, pillar: r.pillar, indicators: JSON.parse(r.indicators) as string[], testimonies: JSON.parse(r.testimonies) as string[],
      recordedTestimonies: JSON.parse(r.recorded_testimonies) as RecordedTestimony[], notes: r.notes, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
      expertIds: links.filter((l) => l.workshop_id === r.id).map((l) => l.user_id),
    }));
  }
}
