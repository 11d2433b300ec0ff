import type { Actor } from '../core/access.js';
import { issue } from '../core/issue.js';
import { bilingual, type Lang } from '../core/text.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, invalid, notFound, ok } from './app-error.js';
import { eventConflict, loadEvent } from './event-load.js';
import { presentExperts } from './event-view.js';

/** An expert's profile: written by the expert, read by the participants and organisers of the events where they lead a workshop. */

export async function myExpertProfile(ctx: AppContext, actor: Actor, lang: Lang) {
  if (actor.role !== 'expert') return expertsOnly();
  return ok((await presentExperts(ctx, [actor.userId], lang))[0]!);
}

const expertsOnly = () => fail('forbidden', 'experts-only', bilingual('Seuls les experts ont un profil d’expert.', 'Only experts have an expert profile.'));

export async function saveExpertProfile(ctx: AppContext, actor: Actor, input: { version: number; indicators: string[]; territory: string | null; organisation: string | null }, lang: Lang) {
  if (actor.role !== 'expert') return expertsOnly();
  const unknown = input.indicators.flatMap((id, i) => (ctx.scorer.index.indicators.has(id) ? [] : [issue('unknown-indicator', `/indicators/${i}`, bilingual(`Aucun indicateur « ${id} ».`, `No indicator "${id}".`))]));
  if (unknown.length > 0) return invalid(unknown);
  const now = isoNow(ctx);
  const saved = await ctx.store.transaction(async (tx) => {
    const profile = await tx.expertProfiles.save(actor.userId, input.version, { indicators: [...new Set(input.indicators)], territory: input.territory, organisation: input.organisation }, now);
    if (profile) await tx.audit.record({ at: now, userId: actor.userId, organisationId: null, action: 'update', entity: 'expert-profile', entityId: actor.userId, detail: { indicators: profile.indicators } });
    return profile;
  });
  const view = (await presentExperts(ctx, [actor.userId], lang))[0]!;
  return saved ? ok(view) : eventConflict(view);
}

/** Another expert's profile: visible to whoever has a part in an event where they lead a workshop. */
export async function expertProfile(ctx: AppContext, actor: Actor, userId: number, lang: Lang) {
  const user = await ctx.store.accounts.getUser(userId);
  if (!user || user.role !== 'expert') return notFound('Expert', 'Expert');
  if (actor.userId !== userId && actor.role !== 'admin') {
    const eventIds = new Set((await ctx.store.eventWorkshops.byExpert(userId)).map((w) => w.eventId));
    let seen = false;
    for (const id of eventIds) if (!seen && (await loadEvent(ctx, actor, id)).ok) seen = true;
    if (!seen) return notFound('Expert', 'Expert');
  }
  return ok((await presentExperts(ctx, [userId], lang))[0]!);
}
