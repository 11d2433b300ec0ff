import { canCreateOrganisation, organisationAccess, visibleOrganisations, type Access, type Actor } from '../core/access.js';
import { checkProfile } from '../core/validate-answers.js';
import { bilingual } from '../core/text.js';
import type { Answers, Organisation } from '../store/records.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, invalid, notFound, ok, type Result } from './app-error.js';

export interface OrganisationView extends Organisation {
  /** What the requesting user may do with it. */
  access: Exclude<Access, 'none'>;
}

const view = (org: Organisation, access: Access): OrganisationView => ({ ...org, access: access as OrganisationView['access'] });

export async function listOrganisations(ctx: AppContext, actor: Actor): Promise<OrganisationView[]> {
  const visible = visibleOrganisations(actor);
  return (await ctx.store.organisations.list(visible === 'all' ? undefined : visible)).map((o) => view(o, organisationAccess(actor, o.id)));
}

/** An organisation the actor may see; anything else is "not found", never "forbidden". */
export async function getOrganisation(ctx: AppContext, actor: Actor, id: number): Promise<Result<OrganisationView>> {
  const access = organisationAccess(actor, id);
  const org = access === 'none' ? undefined : await ctx.store.organisations.get(id);
  return org ? ok(view(org, access)) : notFound('Organisation', 'Organisation');
}

export interface OrganisationInput {
  name: string;
  siren?: string | null;
  profile?: Answers;
  /** Whether it counts in comparisons with organisations like it on this instance. */
  countInComparisons?: boolean;
}

export async function createOrganisation(ctx: AppContext, actor: Actor | null, input: OrganisationInput): Promise<Result<OrganisationView>> {
  if (actor && !canCreateOrganisation(actor)) {
    return fail('forbidden', 'forbidden', bilingual('Seuls les conseillers et les administrateurs créent des organisations.', 'Only advisors and admins create organisations.'));
  }
  const problems = checkProfile(ctx.scorer.index, input.profile ?? {}, false);
  if (problems.length > 0) return invalid(problems);
  const now = isoNow(ctx);
  return ok(await ctx.store.transaction(async (tx) => {
    const org = await tx.organisations.create({ name: input.name, siren: input.siren ?? null, profile: input.profile ?? {}, ...(input.countInComparisons !== undefined && { countInComparisons: input.countInComparisons }) }, now);
    // An advisor who creates an organisation takes it into their portfolio.
    if (actor?.role === 'advisor') await tx.accounts.addMembership(actor.userId, org.id, 'advisor');
    await tx.audit.record({ at: now, userId: actor?.userId ?? null, organisationId: org.id, action: 'create', entity: 'organisation', entityId: org.id, detail: { name: org.name } });
    // The creator's access as the response describes it (the actor's memberships predate this one).
    return view(org, !actor || actor.role === 'advisor' ? 'edit' : organisationAccess(actor, org.id));
  }));
}

export async function updateOrganisation(ctx: AppContext, actor: Actor, id: number, changes: Partial<OrganisationInput>): Promise<Result<OrganisationView>> {
  const found = await getOrganisation(ctx, actor, id);
  if (!found.ok) return found;
  if (found.value.access !== 'edit') return readOnly();
  const profile = changes.profile === undefined ? undefined : { ...found.value.profile, ...changes.profile };
  const problems = checkProfile(ctx.scorer.index, profile ?? {}, false);
  if (problems.length > 0) return invalid(problems);
  const now = isoNow(ctx);
  const updated = await ctx.store.transaction(async (tx) => {
    const org = (await tx.organisations.update(id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.siren !== undefined && { siren: changes.siren }),
      ...(profile && { profile }),
      ...(changes.countInComparisons !== undefined && { countInComparisons: changes.countInComparisons }),
    }, now))!;
    await tx.audit.record({ at: now, userId: actor.userId, organisationId: id, action: 'update', entity: 'organisation', entityId: id, detail: { changes } });
    return org;
  });
  return ok(view(updated, 'edit'));
}

export const readOnly = () =>
  fail('forbidden', 'read-only', bilingual('Vous pouvez consulter ces données mais pas les modifier.', 'You may read this data but not change it.'));
