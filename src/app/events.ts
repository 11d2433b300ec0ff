import type { Actor } from '../core/access.js';
import { checkEventAgainstContent, type EventInput, type IntentionInput, type WorkshopInput } from '../core/event-input.js';
import { issue, type Issue } from '../core/issue.js';
import { bilingual, type Lang } from '../core/text.js';
import type { EventFields, IntentionFields } from '../store/event-records.js';
import type { Store } from '../store/store.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, invalid, ok, type Result } from './app-error.js';
import { eventConflict, loadEvent, loadForOrganiser } from './event-load.js';
import { presentEvent, presentSummary } from './event-view.js';
import { auditedEventWrite } from './event-write.js';

/** Events: an organiser creates, changes and starts the next one from the last; everyone lists theirs. */

export const canOrganise = (actor: Actor) => actor.role === 'admin' || actor.role === 'organiser';

export const intentionFields = (i: IntentionInput): IntentionFields => ({
  kind: i.kind,
  target: 'target' in i ? i.target : null,
  withinWeeks: i.kind === 'plans-approved' ? i.withinWeeks : null,
  text: i.kind === 'words' ? i.text : null,
});

/** The users behind the experts' addresses; an address that is no expert's is an issue at its path. */
export async function expertIds(ctx: { store: Store }, emails: readonly string[], at: string): Promise<Result<number[]>> {
  const ids: number[] = [];
  const issues: Issue[] = [];
  for (const [i, email] of emails.entries()) {
    const user = await ctx.store.accounts.findByEmail(email);
    if (user?.role === 'expert') ids.push(user.id);
    else issues.push(issue('unknown-expert', `${at}/${i}`, bilingual(`Aucun expert avec l’adresse ${email}.`, `No expert with email ${email}.`)));
  }
  return issues.length > 0 ? invalid(issues) : ok(ids);
}

export const workshopFields = (w: WorkshopInput) => ({ title: w.title, pillar: w.pillar, indicators: w.indicators, testimonies: w.testimonies, recordedTestimonies: w.recordedTestimonies, notes: null });

/** Creates an event with its intentions and workshops, in one transaction; its creator organises it. */
export async function createEvent(ctx: AppContext, actor: Actor | null, input: EventInput, previousEventId: number | null = null): Promise<Result<{ id: number }>> {
  if (actor && !canOrganise(actor)) return fail('forbidden', 'organisers-only', bilingual('Seuls les organisateurs et les administrateurs créent des événements.', 'Only organisers and admins create events.'));
  const contentIssues = checkEventAgainstContent(input, ctx.scorer.index);
  const experts: number[][] = [];
  for (const [i, w] of input.workshops.entries()) {
    const found = await expertIds(ctx, w.experts, `/workshops/${i}/experts`);
    if (!found.ok) contentIssues.push(...(found.error.issues ?? []));
    else experts.push(found.value);
  }
  if (contentIssues.length > 0) return invalid(contentIssues, bilingual('L’événement contient des erreurs : voir la liste.', 'The event has errors: see the list.'));
  const now = isoNow(ctx);
  const fields: EventFields = {
    title: input.title, date: input.date, followUp: input.followUp, place: input.place, partners: input.partners, improvements: null,
    previousEventId, organiserUserId: actor && actor.role === 'organiser' ? actor.userId : null,
  };
  const id = await ctx.store.transaction(async (tx) => {
    const event = await tx.events.create(fields, now);
    for (const intention of input.intentions) await tx.events.addIntention(event.id, intentionFields(intention), now);
    for (const [i, w] of input.workshops.entries()) await tx.eventWorkshops.create(event.id, workshopFields(w), experts[i]!, now);
    await tx.audit.record({ at: now, userId: actor?.userId ?? null, organisationId: null, action: 'create', entity: 'event', entityId: event.id, eventId: event.id, detail: { title: event.title, previousEventId } });
    return event.id;
  });
  return ok({ id });
}

export async function createAndPresent(ctx: AppContext, actor: Actor, input: EventInput, lang: Lang) {
  const created = await createEvent(ctx, actor, input);
  return created.ok ? getEvent(ctx, actor, created.value.id, lang) : created;
}

export async function getEvent(ctx: AppContext, actor: Actor, id: number, lang: Lang) {
  const loaded = await loadEvent(ctx, actor, id);
  return loaded.ok ? ok(await presentEvent(ctx, loaded.value, lang)) : loaded;
}

/** The events the actor has a part in, the latest first. */
export async function listEvents(ctx: AppContext, actor: Actor) {
  const ids = new Set<number>();
  if (actor.role === 'admin') for (const e of await ctx.store.events.list()) ids.add(e.id);
  for (const e of await ctx.store.events.byOrganiser(actor.userId)) ids.add(e.id);
  for (const w of await ctx.store.eventWorkshops.byExpert(actor.userId)) ids.add(w.eventId);
  for (const p of await ctx.store.eventParticipants.byOrganisations([...actor.memberOf])) ids.add(p.eventId);
  const views = [];
  for (const event of await ctx.store.events.byIds([...ids])) {
    const loaded = await loadEvent(ctx, actor, event.id);
    if (loaded.ok) views.push(presentSummary(ctx, event, loaded.value.access.kind, loaded.value.participants.length));
  }
  return views;
}

export interface EventPatch {
  version: number;
  title?: string;
  date?: string;
  followUp?: string;
  place?: string;
  partners?: string[];
  improvements?: string | null;
}

export async function updateEvent(ctx: AppContext, actor: Actor, id: number, patch: EventPatch, lang: Lang) {
  const loaded = await loadForOrganiser(ctx, actor, id);
  if (!loaded.ok) return loaded;
  const { version, ...fields } = patch;
  const date = fields.date ?? loaded.value.event.date;
  const followUp = fields.followUp ?? loaded.value.event.followUp;
  if (followUp <= date) return invalid([issue('follow-up-before', '/followUp', bilingual('Le suivi vient après l’événement.', 'The follow-up comes after the event.'))]);
  const updated = await auditedEventWrite(ctx, actor, id, (tx, now) => tx.events.update(id, version, fields, now),
    () => ({ action: 'update', entity: 'event', entityId: id, detail: { fields: Object.keys(fields) } }));
  if (!updated) return eventConflict(await presentEvent(ctx, loaded.value, lang));
  return getEvent(ctx, actor, id, lang);
}

/** A new event from a previous one: its partners, intentions and workshops (experts, testimonies; no notes). */
export async function nextEvent(ctx: AppContext, actor: Actor, previousId: number, input: Pick<EventInput, 'title' | 'date' | 'followUp' | 'place'>, lang: Lang) {
  const loaded = await loadForOrganiser(ctx, actor, previousId);
  if (!loaded.ok) return loaded;
  const { event, workshops } = loaded.value;
  const intentions = await ctx.store.events.intentions(previousId);
  if (input.followUp <= input.date) return invalid([issue('follow-up-before', '/followUp', bilingual('Le suivi vient après l’événement.', 'The follow-up comes after the event.'))]);
  const now = isoNow(ctx);
  const id = await ctx.store.transaction(async (tx) => {
    const created = await tx.events.create({ ...input, partners: event.partners, improvements: null, previousEventId: previousId, organiserUserId: actor.role === 'organiser' ? actor.userId : event.organiserUserId }, now);
    for (const i of intentions) await tx.events.addIntention(created.id, { kind: i.kind, target: i.target, withinWeeks: i.withinWeeks, text: i.text }, now);
    for (const w of workshops) await tx.eventWorkshops.create(created.id, { title: w.title, pillar: w.pillar, indicators: w.indicators, testimonies: w.testimonies, recordedTestimonies: w.recordedTestimonies, notes: null }, w.expertIds, now);
    await tx.audit.record({ at: now, userId: actor.userId, organisationId: null, action: 'create', entity: 'event', entityId: created.id, eventId: created.id, detail: { title: created.title, previousEventId: previousId } });
    return created.id;
  });
  return getEvent(ctx, actor, id, lang);
}

export async function eventHistory(ctx: AppContext, actor: Actor, id: number) {
  const loaded = await loadForOrganiser(ctx, actor, id);
  if (!loaded.ok) return loaded;
  return ok((await ctx.store.audit.byEvent(id)).map((e) => ({ at: e.at, userId: e.userId, action: e.action, entity: e.entity, entityId: e.entityId, detail: e.detail })));
}
