import type { Actor } from '../core/access.js';
import { eventAccess, type EventAccess } from '../core/event-access.js';
import { bilingual } from '../core/text.js';
import type { EventRecord, ParticipantRecord, WorkshopRecord } from '../store/event-records.js';
import type { Store } from '../store/store.js';
import type { AppContext } from './app-context.js';
import { fail, notFound, ok, type Result } from './app-error.js';

/** An event with its workshops and participants, as one actor may see it. */
export interface LoadedEvent {
  event: EventRecord;
  workshops: WorkshopRecord[];
  participants: ParticipantRecord[];
  access: Exclude<EventAccess, { kind: 'none' }>;
}

export const eventNotFound = () => notFound('Événement', 'Event');

export const organisersOnly = () => fail('forbidden', 'organisers-only', bilingual(
  'Seuls les organisateurs de l’événement (et les administrateurs) font cela.',
  'Only the event’s organisers (and admins) do this.',
));

export function eventConflict(current: unknown) {
  return fail('conflict', 'version-conflict', bilingual(
    'Cet élément a été modifié entre-temps : rechargez-le avant de recommencer.',
    'This was changed meanwhile: reload it before trying again.',
  ), { current });
}

/** Loads an event and the actor's part in it; an event the actor has no part in is not found. */
export async function loadEvent(ctx: AppContext | { store: Store }, actor: Actor, eventId: number): Promise<Result<LoadedEvent>> {
  const event = await ctx.store.events.get(eventId);
  if (!event) return eventNotFound();
  const [workshops, participants] = await Promise.all([ctx.store.eventWorkshops.byEvent(eventId), ctx.store.eventParticipants.byEvent(eventId)]);
  const access = eventAccess(actor, {
    organiserIds: new Set(event.organiserUserId === null ? [] : [event.organiserUserId]),
    experts: new Map(workshops.map((w) => [w.id, new Set(w.expertIds)])),
    participants: new Set(participants.map((p) => p.organisationId)),
  });
  if (access.kind === 'none') return eventNotFound();
  return ok({ event, workshops, participants, access });
}

/** Loads an event only its organisers (and admins) may change; others get 403, or 404 if they have no part in it. */
export async function loadForOrganiser(ctx: AppContext, actor: Actor, eventId: number): Promise<Result<LoadedEvent>> {
  const loaded = await loadEvent(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  return loaded.value.access.kind === 'organise' ? loaded : organisersOnly();
}

/** YYYY-MM-DD of the injected clock. */
export const today = (ctx: AppContext) => ctx.now().toISOString().slice(0, 10);

export function phaseOf(event: Pick<EventRecord, 'date' | 'followUp'>, day: string): 'before' | 'after' | 'follow-up' {
  if (day < event.date) return 'before';
  return day >= event.followUp ? 'follow-up' : 'after';
}
