import type { Actor } from '../core/access.js';
import { checkEventAgainstContent, type IntentionInput, type RecordedTestimony, type WorkshopInput } from '../core/event-input.js';
import type { Lang } from '../core/text.js';
import { isoNow, type AppContext } from './app-context.js';
import { invalid, notFound, ok } from './app-error.js';
import { eventConflict, loadEvent, loadForOrganiser, organisersOnly } from './event-load.js';
import { presentIntention, presentWorkshop } from './event-view.js';
import { expertIds, intentionFields, workshopFields } from './events.js';

/** An event's intentions and workshops, each changed at the version its writer read (409 otherwise), audited. */

const intentionNotFound = () => notFound('Intention', 'Intention');
const workshopNotFound = () => notFound('Atelier', 'Workshop');

export async function addIntention(ctx: AppContext, actor: Actor, eventId: number, input: IntentionInput) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const now = isoNow(ctx);
  return ok(presentIntention(await ctx.store.transaction(async (tx) => {
    const created = await tx.events.addIntention(eventId, intentionFields(input), now);
    await tx.audit.record({ at: now, userId: actor.userId, organisationId: null, action: 'create', entity: 'intention', entityId: created.id, eventId, detail: { kind: input.kind } });
    return created;
  })));
}

export async function updateIntention(ctx: AppContext, actor: Actor, eventId: number, id: number, version: number, input: IntentionInput) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const current = await ctx.store.events.intention(id);
  if (!current || current.eventId !== eventId) return intentionNotFound();
  const now = isoNow(ctx);
  const updated = await ctx.store.transaction(async (tx) => {
    const changed = await tx.events.updateIntention(id, version, intentionFields(input), now);
    if (changed) await tx.audit.record({ at: now, userId: actor.userId, organisationId: null, action: 'update', entity: 'intention', entityId: id, eventId, detail: { kind: input.kind } });
    return changed;
  });
  return updated ? ok(presentIntention(updated)) : eventConflict(presentIntention(current));
}

export async function removeIntention(ctx: AppContext, actor: Actor, eventId: number, id: number, version: number) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const current = await ctx.store.events.intention(id);
  if (!current || current.eventId !== eventId) return intentionNotFound();
  const now = isoNow(ctx);
  const removed = await ctx.store.transaction(async (tx) => {
    const done = await tx.events.removeIntention(id, version);
    if (done) await tx.audit.record({ at: now, userId: actor.userId, organisationId: null, action: 'delete', entity: 'intention', entityId: id, eventId, detail: { kind: current.kind } });
    return done;
  });
  return removed ? ok({ deleted: id }) : eventConflict(presentIntention(current));
}

export async function addWorkshop(ctx: AppContext, actor: Actor, eventId: number, input: WorkshopInput, lang: Lang) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const issues = checkEventAgainstContent({ workshops: [input] }, ctx.scorer.index).map((i) => ({ ...i, path: i.path.replace(/^\/workshops\/0/, '') }));
  const experts = await expertIds(ctx, input.experts, '/experts');
  if (!experts.ok) issues.push(...(experts.error.issues ?? []));
  if (issues.length > 0 || !experts.ok) return invalid(issues);
  const now = isoNow(ctx);
  const created = await ctx.store.transaction(async (tx) => {
    const w = await tx.eventWorkshops.create(eventId, workshopFields(input), experts.value, now);
    await tx.audit.record({ at: now, userId: actor.userId, organisationId: null, action: 'create', entity: 'workshop', entityId: w.id, eventId, detail: { title: w.title } });
    return w;
  });
  return ok(await presentWorkshop(ctx, created, loaded.value.participants, lang, loaded.value.access.kind));
}

export interface WorkshopPatch {
  version: number;
  title?: string;
  pillar?: string | null;
  indicators?: string[];
  experts?: string[];
  testimonies?: string[];
  recordedTestimonies?: RecordedTestimony[];
  notes?: string | null;
}

/** The organisers change anything; the workshop's own experts write its notes (compte rendu) only. */
export async function updateWorkshop(ctx: AppContext, actor: Actor, eventId: number, id: number, patch: WorkshopPatch, lang: Lang) {
  const loaded = await loadEvent(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const current = loaded.value.workshops.find((w) => w.id === id);
  if (!current) return workshopNotFound();
  const { version, experts, ...fields } = patch;
  const access = loaded.value.access;
  const notesOnly = experts === undefined && Object.keys(fields).every((k) => k === 'notes');
  if (access.kind !== 'organise' && !(access.kind === 'lead' && access.workshops.has(id) && notesOnly)) return organisersOnly();
  const merged = { title: current.title, pillar: current.pillar, indicators: current.indicators, testimonies: current.testimonies, recordedTestimonies: current.recordedTestimonies, experts: [], ...fields };
  const issues = checkEventAgainstContent({ workshops: [merged] }, ctx.scorer.index).map((i) => ({ ...i, path: i.path.replace(/^\/workshops\/0/, '') }));
  const ids = experts === undefined ? undefined : await expertIds(ctx, experts, '/experts');
  if (ids && !ids.ok) issues.push(...(ids.error.issues ?? []));
  if (issues.length > 0) return invalid(issues);
  const now = isoNow(ctx);
  const updated = await ctx.store.transaction(async (tx) => {
    const w = await tx.eventWorkshops.update(id, version, fields, ids?.ok ? ids.value : undefined, now);
    if (w) await tx.audit.record({ at: now, userId: actor.userId, organisationId: null, action: 'update', entity: 'workshop', entityId: id, eventId, detail: { fields: Object.keys(patch).filter((k) => k !== 'version') } });
    return w;
  });
  if (!updated) return eventConflict(await presentWorkshop(ctx, current, loaded.value.participants, lang, loaded.value.access.kind));
  return ok(await presentWorkshop(ctx, updated, loaded.value.participants, lang, loaded.value.access.kind));
}

export async function removeWorkshop(ctx: AppContext, actor: Actor, eventId: number, id: number, version: number, lang: Lang) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const current = loaded.value.workshops.find((w) => w.id === id);
  if (!current) return workshopNotFound();
  const now = isoNow(ctx);
  const removed = await ctx.store.transaction(async (tx) => {
    const done = await tx.eventWorkshops.remove(id, version);
    if (done) await tx.audit.record({ at: now, userId: actor.userId, organisationId: null, action: 'delete', entity: 'workshop', entityId: id, eventId, detail: { title: current.title } });
    return done;
  });
  return removed ? ok({ deleted: id }) : eventConflict(await presentWorkshop(ctx, current, loaded.value.participants, lang, loaded.value.access.kind));
}
