import type { Actor } from '../core/access.js';
import { checkEventAgainstContent, type IntentionInput, type RecordedTestimony, type WorkshopInput } from '../core/event-input.js';
import type { Lang } from '../core/text.js';
import type { AppContext } from './app-context.js';
import { invalid, notFound, ok } from './app-error.js';
import { eventConflict, loadEvent, loadForOrganiser, organisersOnly } from './event-load.js';
import { presentIntention, presentWorkshop } from './event-view.js';
import { auditedEventWrite } from './event-write.js';
import { expertIds, intentionFields, workshopFields } from './events.js';

/** An event's intentions and workshops, each changed at the version its writer read (409 otherwise), audited. */

const intentionNotFound = () => notFound('Intention', 'Intention');
const workshopNotFound = () => notFound('Atelier', 'Workshop');

/** A workshop's problems against the content, at the workshop's own paths (`/pillar`, not `/workshops/0/pillar`). */
const workshopIssues = (ctx: AppContext, workshop: WorkshopInput) =>
  checkEventAgainstContent({ workshops: [workshop] }, ctx.scorer.index).map((i) => ({ ...i, path: i.path.replace(/^\/workshops\/0/, '') }));

export async function addIntention(ctx: AppContext, actor: Actor, eventId: number, input: IntentionInput) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const created = await auditedEventWrite(ctx, actor, eventId, (tx, now) => tx.events.addIntention(eventId, intentionFields(input), now),
    (c) => ({ action: 'create', entity: 'intention', entityId: c.id, detail: { kind: input.kind } }));
  return ok(presentIntention(created!));
}

export async function updateIntention(ctx: AppContext, actor: Actor, eventId: number, id: number, version: number, input: IntentionInput) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const current = await ctx.store.events.intention(id);
  if (!current || current.eventId !== eventId) return intentionNotFound();
  const updated = await auditedEventWrite(ctx, actor, eventId, (tx, now) => tx.events.updateIntention(id, version, intentionFields(input), now),
    () => ({ action: 'update', entity: 'intention', entityId: id, detail: { kind: input.kind } }));
  return updated ? ok(presentIntention(updated)) : eventConflict(presentIntention(current));
}

export async function removeIntention(ctx: AppContext, actor: Actor, eventId: number, id: number, version: number) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const current = await ctx.store.events.intention(id);
  if (!current || current.eventId !== eventId) return intentionNotFound();
  const removed = await auditedEventWrite(ctx, actor, eventId, (tx) => tx.events.removeIntention(id, version),
    () => ({ action: 'delete', entity: 'intention', entityId: id, detail: { kind: current.kind } }));
  return removed ? ok({ deleted: id }) : eventConflict(presentIntention(current));
}

export async function addWorkshop(ctx: AppContext, actor: Actor, eventId: number, input: WorkshopInput, lang: Lang) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const issues = workshopIssues(ctx, input);
  const experts = await expertIds(ctx, input.experts, '/experts');
  if (!experts.ok) issues.push(...(experts.error.issues ?? []));
  if (issues.length > 0 || !experts.ok) return invalid(issues);
  const created = await auditedEventWrite(ctx, actor, eventId, (tx, now) => tx.eventWorkshops.create(eventId, workshopFields(input), experts.value, now),
    (w) => ({ action: 'create', entity: 'workshop', entityId: w.id, detail: { title: w.title } }));
  return ok(await presentWorkshop(ctx, created!, loaded.value.participants, lang, loaded.value.access.kind));
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
  const issues = workshopIssues(ctx, merged);
  const ids = experts === undefined ? undefined : await expertIds(ctx, experts, '/experts');
  if (ids && !ids.ok) issues.push(...(ids.error.issues ?? []));
  if (issues.length > 0) return invalid(issues);
  const updated = await auditedEventWrite(ctx, actor, eventId, (tx, now) => tx.eventWorkshops.update(id, version, fields, ids?.ok ? ids.value : undefined, now),
    () => ({ action: 'update', entity: 'workshop', entityId: id, detail: { fields: Object.keys(patch).filter((k) => k !== 'version') } }));
  if (!updated) return eventConflict(await presentWorkshop(ctx, current, loaded.value.participants, lang, loaded.value.access.kind));
  return ok(await presentWorkshop(ctx, updated, loaded.value.participants, lang, loaded.value.access.kind));
}

export async function removeWorkshop(ctx: AppContext, actor: Actor, eventId: number, id: number, version: number, lang: Lang) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const current = loaded.value.workshops.find((w) => w.id === id);
  if (!current) return workshopNotFound();
  const removed = await auditedEventWrite(ctx, actor, eventId, (tx) => tx.eventWorkshops.remove(id, version),
    () => ({ action: 'delete', entity: 'workshop', entityId: id, detail: { title: current.title } }));
  return removed ? ok({ deleted: id }) : eventConflict(await presentWorkshop(ctx, current, loaded.value.participants, lang, loaded.value.access.kind));
}
