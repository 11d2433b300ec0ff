import type { Actor } from '../core/access.js';
import { bilingual } from '../core/text.js';
import type { Workshop } from '../store/records.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, notFound, ok, type Result } from './app-error.js';

/** Workshops the actor takes part in: all for an admin, theirs for an expert, their organisations' otherwise. */
export async function listWorkshops(ctx: AppContext, actor: Actor): Promise<Workshop[]> {
  const all = await ctx.store.workshops.list();
  if (actor.role === 'admin') return all;
  const led = new Set((await ctx.store.workshops.byExpert(actor.userId)).map((w) => w.id));
  return all.filter((w) => led.has(w.id) || w.organisationIds.some((id) => actor.memberOf.has(id)));
}

export async function getWorkshop(ctx: AppContext, actor: Actor, id: number): Promise<Result<Workshop>> {
  const found = (await listWorkshops(ctx, actor)).find((w) => w.id === id);
  return found ? ok(found) : notFound('Atelier', 'Workshop');
}

export interface WorkshopInput {
  title: string;
  expertEmail: string;
  date: string;
  place: string;
  pillar?: string | null;
  organisationIds: number[];
}

/** Creates a workshop (admin task): its expert then reviews the plans of its organisations. */
export async function createWorkshop(ctx: AppContext, actor: Actor | null, input: WorkshopInput): Promise<Result<Workshop>> {
  if (actor && actor.role !== 'admin') return fail('forbidden', 'forbidden', bilingual('Seuls les administrateurs créent des ateliers.', 'Only admins create workshops.'));
  const expert = await ctx.store.accounts.findByEmail(input.expertEmail);
  if (!expert || expert.role !== 'expert') {
    return fail('invalid', 'unknown-expert', bilingual(`Aucun expert avec l’adresse ${input.expertEmail}.`, `No expert with email ${input.expertEmail}.`));
  }
  if (input.pillar && !ctx.scorer.index.pillars.some((p) => p.id === input.pillar)) {
    return fail('invalid', 'unknown-pillar', bilingual(`Pilier « ${input.pillar} » inconnu.`, `Unknown pillar "${input.pillar}".`));
  }
  const missing: number[] = [];
  for (const id of input.organisationIds) if (!(await ctx.store.organisations.get(id))) missing.push(id);
  if (missing.length > 0) return notFound(`Organisation ${missing.join(', ')}`, `Organisation ${missing.join(', ')}`);
  const now = isoNow(ctx);
  return ok(await ctx.store.transaction(async (tx) => {
    const w = await tx.workshops.create({ title: input.title, expertUserId: expert.id, date: input.date, place: input.place, pillar: input.pillar ?? null, organisationIds: input.organisationIds }, now);
    await tx.audit.record({ at: now, userId: actor?.userId ?? null, organisationId: null, action: 'create', entity: 'workshop', entityId: w.id, detail: { title: w.title, organisations: w.organisationIds } });
    return w;
  }));
}
