import type { Actor } from '../core/access.js';
import { eventBilan } from '../core/event-bilan.js';
import { buildEventBilanDocument, intentionWords, type EventBilanDocument } from '../core/event-bilan-document.js';
import type { Intention } from '../core/event-model.js';
import type { Lang } from '../core/text.js';
import type { IntentionRecord } from '../store/event-records.js';
import type { AppContext } from './app-context.js';
import { ok, type Result } from './app-error.js';
import { contentShape, eventFacts } from './event-facts.js';
import { loadForOrganiser, today, type LoadedEvent } from './event-load.js';
import { pillarTitle } from './event-view.js';

/** The event's bilan for its organisers: as JSON for the page, as a PDF for partners. */

export function toIntention(r: IntentionRecord): Intention {
  const id = String(r.id);
  if (r.kind === 'words') return { id, kind: 'words', text: r.text ?? '' };
  if (r.kind === 'plans-approved') return { id, kind: r.kind, target: r.target ?? 0, withinWeeks: r.withinWeeks ?? 1 };
  return { id, kind: r.kind, target: r.target ?? 0 };
}

async function compute(ctx: AppContext, loaded: LoadedEvent) {
  const { event, participants } = loaded;
  const intentions = (await ctx.store.events.intentions(event.id)).map(toIntention);
  const facts = await eventFacts(ctx, event, participants);
  return { bilan: eventBilan(intentions, facts, contentShape(ctx), today(ctx)), day: today(ctx) };
}

export async function eventBilanView(ctx: AppContext, actor: Actor, eventId: number, lang: Lang) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const { event, workshops } = loaded.value;
  const { bilan, day } = await compute(ctx, loaded.value);
  const anonymous = lang === 'fr' ? 'Participant' : 'Participant';
  const globalWord = lang === 'fr' ? 'Score global' : 'Global score';
  return ok({
    event: { id: event.id, title: event.title, date: event.date, followUp: event.followUp, place: event.place, partners: event.partners },
    today: day,
    intentions: bilan.intentions.map((m) => ({
      id: Number(m.intention.id), kind: m.intention.kind, label: intentionWords(m, lang), target: m.intention.kind === 'words' ? null : m.intention.target,
      achieved: m.achieved, outcome: m.outcome, deadline: m.deadline,
    })),
    counts: bilan.counts,
    changes: bilan.changes.map((c) => ({ ...c, title: c.id === 'global' ? globalWord : pillarTitle(ctx, c.id, lang) ?? c.id })),
    participants: bilan.participants.map((p) => ({
      number: p.number, name: p.name ?? `${anonymous} ${p.number}`, named: p.name !== null, workshopTitle: workshops.find((w) => w.id === p.workshopId)?.title ?? null,
      assessedBefore: p.assessedBefore, plan: p.plan, itemsDone: p.itemsDone, items: p.items, reassessed: p.reassessed, globalDelta: p.globalDelta,
    })),
    workshops: workshops.map((w) => ({ id: w.id, title: w.title, notes: w.notes })),
    improvements: event.improvements,
  });
}

export async function eventBilanDocument(ctx: AppContext, actor: Actor | null, eventId: number, lang: Lang): Promise<Result<EventBilanDocument>> {
  const loaded = actor ? await loadForOrganiser(ctx, actor, eventId) : await loadAsAdmin(ctx, eventId);
  if (!loaded.ok) return loaded;
  const { event, workshops } = loaded.value;
  const { bilan, day } = await compute(ctx, loaded.value);
  const organiser = event.organiserUserId === null ? undefined : await ctx.store.accounts.getUser(event.organiserUserId);
  return ok(buildEventBilanDocument(ctx.scorer.index, {
    lang, bilan, today: day, improvements: event.improvements,
    event: { title: event.title, date: event.date, followUp: event.followUp, place: event.place, partners: event.partners, organiser: organiser?.name ?? 'Impact Score' },
    workshops: workshops.map((w) => ({ id: w.id, title: w.title, notes: w.notes })),
  }));
}

/** The CLI exports as the operator of the instance, like an admin. */
function loadAsAdmin(ctx: AppContext, eventId: number) {
  return loadForOrganiser(ctx, { userId: 0, role: 'admin', memberOf: new Set(), reviewerOf: new Set() }, eventId);
}
