import type { Actor } from '../core/access.js';
import { bilingual } from '../core/text.js';
import type { User } from '../store/records.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, ok, type Result } from './app-error.js';

/** Organisers run events. An admin makes one of an existing account (from the CLI: actor null). */
export async function makeOrganiser(ctx: AppContext, actor: Actor | null, email: string): Promise<Result<User>> {
  if (actor && actor.role !== 'admin') return fail('forbidden', 'admins-only', bilingual('Seuls les administrateurs nomment des organisateurs.', 'Only admins make organisers.'));
  const user = await ctx.store.accounts.findByEmail(email);
  if (!user) return fail('not-found', 'not-found', bilingual(`Aucun compte pour ${email}.`, `No account for ${email}.`));
  if (user.role === 'admin' || user.role === 'expert') {
    return fail('conflict', 'role-kept', bilingual(
      `Le compte ${email} est ${user.role === 'admin' ? 'administrateur' : 'expert'} : créez un compte à part pour organiser.`,
      `The account ${email} is ${user.role === 'admin' ? 'an admin' : 'an expert'}: create a separate account to organise.`,
    ));
  }
  if (user.role === 'organiser') return ok(strip(user));
  const now = isoNow(ctx);
  await ctx.store.transaction(async (tx) => {
    await tx.accounts.setRole(user.id, 'organiser');
    await tx.audit.record({ at: now, userId: actor?.userId ?? null, organisationId: null, action: 'make-organiser', entity: 'user', entityId: user.id, detail: { email, from: user.role } });
  });
  return ok((await ctx.store.accounts.getUser(user.id))!);
}

export async function listOrganisers(ctx: AppContext, actor: Actor): Promise<Result<User[]>> {
  if (actor.role !== 'admin') return fail('forbidden', 'admins-only', bilingual('Seuls les administrateurs voient les organisateurs.', 'Only admins see the organisers.'));
  return ok(await ctx.store.accounts.usersWithRole('organiser'));
}

const strip = ({ passwordHash: _hidden, ...user }: User & { passwordHash: string | null }): User => user;
