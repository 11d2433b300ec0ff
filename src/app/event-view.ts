import type { IntentionRecord, ParticipantRecord, WorkshopRecord, EventRecord } from '../store/event-records.js';
import { presentTestimony } from '../core/present-suggestions.js';
import { localize, type Lang } from '../core/text.js';
import type { AppContext } from './app-context.js';
import { phaseOf, today, type LoadedEvent } from './event-load.js';

/** The event, its workshops and experts as the API shows them, in the reader's language. */

export function pillarTitle(ctx: AppContext, id: string | null, lang: Lang): string | null {
  const pillar = id === null ? undefined : ctx.scorer.index.pillars.find((p) => p.id === id);
  return pillar ? localize(pillar.title, lang) : null;
}

export function indicatorTitle(ctx: AppContext, id: string, lang: Lang): string {
  const entry = ctx.scorer.index.indicators.get(id);
  return entry ? localize(entry.indicator.title, lang) : id;
}

/** `withEmail` for an event's organisers, who name experts by their address in the event form; nobody else reads it. */
export async function presentExperts(ctx: AppContext, userIds: readonly number[], lang: Lang, withEmail = false) {
  const [profiles, users] = await Promise.all([ctx.store.expertProfiles.byUsers(userIds), ctx.store.accounts.getUsers(userIds)]);
  return userIds.map((userId) => {
    const user = users.find((u) => u.id === userId);
    const p = profiles.find((x) => x.userId === userId);
    const indicators = p?.indicators ?? [];
    return {
      userId, name: user?.name ?? '—', indicators, indicatorTitles: indicators.map((id) => indicatorTitle(ctx, id, lang)),
      territory: p?.territory ?? null, organisation: p?.organisation ?? null, version: p?.version ?? 0,
      ...(withEmail && user && { email: user.email }),
    };
  });
}

export async function presentWorkshop(ctx: AppContext, w: WorkshopRecord, participants: readonly ParticipantRecord[], lang: Lang, access?: LoadedEvent['access']['kind']) {
  const testimonies = new Map(ctx.content.testimonies.map((t) => [t.id, t]));
  const told = w.testimonies.flatMap((id) => (testimonies.has(id) ? [presentTestimony(testimonies.get(id)!, lang)] : []));
  const recorded = w.recordedTestimonies.map((t, i) => ({
    id: `event-${w.id}-${i + 1}`, organisation: t.organisation, title: t.title, action: t.action, outcome: t.outcome, source: t.source, date: t.date,
  }));
  return {
    id: w.id, eventId: w.eventId, title: w.title, pillar: w.pillar, pillarTitle: pillarTitle(ctx, w.pillar, lang), indicators: w.indicators,
    testimonies: w.testimonies, recordedTestimonies: w.recordedTestimonies, testimonyViews: [...told, ...recorded], notes: w.notes,
    experts: await presentExperts(ctx, w.expertIds, lang, access === 'organise'), participants: participants.filter((p) => p.workshopId === w.id).length, version: w.version,
  };
}

export const presentIntention = (i: IntentionRecord) => ({ id: i.id, kind: i.kind, target: i.target, withinWeeks: i.withinWeeks, text: i.text, version: i.version });

export function presentSummary(ctx: AppContext, event: EventRecord, access: LoadedEvent['access']['kind'], participants: number) {
  return { id: event.id, title: event.title, date: event.date, followUp: event.followUp, place: event.place, phase: phaseOf(event, today(ctx)), access, participants };
}

/** The whole event; intentions only for its organisers. */
export async function presentEvent(ctx: AppContext, loaded: LoadedEvent, lang: Lang) {
  const { event, access } = loaded;
  const organiser = event.organiserUserId === null ? undefined : await ctx.store.accounts.getUser(event.organiserUserId);
  const previous = event.previousEventId === null ? undefined : await ctx.store.events.get(event.previousEventId);
  const intentions = access.kind === 'organise' ? (await ctx.store.events.intentions(event.id)).map(presentIntention) : [];
  const workshops = [];
  for (const w of loaded.workshops) workshops.push(await presentWorkshop(ctx, w, loaded.participants, lang, access.kind));
  return {
    ...presentSummary(ctx, event, access.kind, loaded.participants.length),
    partners: event.partners, improvements: event.improvements,
    previous: previous ? { id: previous.id, title: previous.title, improvements: previous.improvements } : null,
    organiser: organiser ? { userId: organiser.id, name: organiser.name } : null,
    intentions, workshops, version: event.version, createdAt: event.createdAt, updatedAt: event.updatedAt,
  };
}
