import type { Actor } from '../core/access.js';
import { issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import type { MembershipRole, Role, User } from '../store/records.js';
import type { AppContext } from './app-context.js';
import { isoNow } from './app-context.js';
import { fail, ok, type Result } from './app-error.js';
import { digest, hashPassword, newSecret, verifyPassword, wasteTimeLikeAPasswordCheck } from './secrets.js';

export const SESSION_PREFIX = 'iss';
export const TOKEN_PREFIX = 'ist';
export const MIN_PASSWORD_LENGTH = 10;

/** The actor behind a user: their memberships and the organisations of their workshops. */
export function actorOf(ctx: AppContext, user: User): Actor {
  return {
    userId: user.id,
    role: user.role,
    memberOf: new Set(ctx.store.accounts.memberships(user.id).map((m) => m.organisationId)),
    reviewerOf: new Set(ctx.store.workshops.organisationsOfExpert(user.id)),
  };
}

export interface LoginSuccess {
  user: User;
  session: string;
  expiresAt: Date;
}

/** Checks email and password; on success opens a session and returns its secret (for the cookie). */
export async function login(ctx: AppContext, email: string, password: string, ttlHours: number): Promise<Result<LoginSuccess>> {
  const found = ctx.store.accounts.findByEmail(email);
  const valid = found?.passwordHash ? await verifyPassword(password, found.passwordHash) : (await wasteTimeLikeAPasswordCheck(password), false);
  if (!found || !valid) {
    return fail('unauthenticated', 'invalid-credentials', bilingual('Adresse ou mot de passe incorrect.', 'Wrong email or password.'));
  }
  const session = newSecret(SESSION_PREFIX);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  ctx.store.transaction(() => {
    ctx.store.accounts.createSession(digest(session), found.id, now.toISOString(), expiresAt.toISOString());
    ctx.store.audit.record({ at: now.toISOString(), userId: found.id, organisationId: null, action: 'login', entity: 'user', entityId: found.id, detail: {} });
  });
  const { passwordHash: _hidden, ...user } = found;
  return ok({ user, session, expiresAt });
}

export function logout(ctx: AppContext, session: string): void {
  ctx.store.accounts.deleteSession(digest(session));
}

/** The user of a session cookie or a bearer token, if valid. */
export function authenticate(ctx: AppContext, secret: string): User | undefined {
  const now = isoNow(ctx);
  if (secret.startsWith(`${SESSION_PREFIX}_`)) return ctx.store.accounts.sessionUser(digest(secret), now);
  if (secret.startsWith(`${TOKEN_PREFIX}_`)) return ctx.store.accounts.tokenUser(digest(secret), now);
  return undefined;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password?: string;
  organisations?: number[];
}

/** Creates a user (admin task, from the CLI); leaders and advisors get memberships of the given organisations. */
export async function createUser(ctx: AppContext, input: NewUser): Promise<Result<User>> {
  if (ctx.store.accounts.findByEmail(input.email)) {
    return fail('conflict', 'email-taken', bilingual(`Un compte existe déjà pour ${input.email}.`, `An account already exists for ${input.email}.`));
  }
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    return fail('invalid', 'weak-password', bilingual(`Le mot de passe doit faire au moins ${MIN_PASSWORD_LENGTH} caractères.`, `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`), {
      issues: [issue('weak-password', '/password', bilingual('Trop court.', 'Too short.'))],
    });
  }
  const orgs = input.organisations ?? [];
  const unknown = orgs.filter((id) => !ctx.store.organisations.get(id));
  if (unknown.length > 0) {
    return fail('not-found', 'not-found', bilingual(`Organisation ${unknown.join(', ')} introuvable.`, `Organisation ${unknown.join(', ')} not found.`));
  }
  const membership: MembershipRole | undefined = input.role === 'leader' ? 'leader' : input.role === 'advisor' ? 'advisor' : undefined;
  if (orgs.length > 0 && !membership) {
    return fail('invalid', 'invalid-membership', bilingual('Seuls les dirigeants et les conseillers sont rattachés à des organisations (les experts le sont par leurs ateliers).', 'Only leaders and advisors belong to organisations (experts through their workshops).'));
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const now = isoNow(ctx);
  const user = ctx.store.transaction(() => {
    const created = ctx.store.accounts.createUser({ email: input.email, name: input.name, passwordHash, role: input.role }, now);
    for (const orgId of orgs) ctx.store.accounts.addMembership(created.id, orgId, membership!);
    ctx.store.audit.record({ at: now, userId: null, organisationId: orgs[0] ?? null, action: 'create', entity: 'user', entityId: created.id, detail: { email: input.email, role: input.role, organisations: orgs } });
    return created;
  });
  return ok(user);
}

/** Creates an API token for scripts; the secret is returned once and only its digest is kept. */
export function createApiToken(ctx: AppContext, email: string, name: string): Result<{ token: string; id: number; user: User }> {
  const user = ctx.store.accounts.findByEmail(email);
  if (!user) return fail('not-found', 'not-found', bilingual(`Aucun compte pour ${email}.`, `No account for ${email}.`));
  const token = newSecret(TOKEN_PREFIX);
  const now = isoNow(ctx);
  const created = ctx.store.transaction(() => {
    const t = ctx.store.accounts.createToken(user.id, name, digest(token), now);
    ctx.store.audit.record({ at: now, userId: user.id, organisationId: null, action: 'create', entity: 'api-token', entityId: t.id, detail: { name } });
    return t;
  });
  const { passwordHash: _hidden, ...plain } = user;
  return ok({ token, id: created.id, user: plain });
}

/** Revokes one of a user's API tokens: it stops working at once. */
export function revokeApiToken(ctx: AppContext, email: string, tokenId: number): Result<{ id: number }> {
  const user = ctx.store.accounts.findByEmail(email);
  if (!user || !ctx.store.accounts.revokeToken(user.id, tokenId, isoNow(ctx))) {
    return fail('not-found', 'not-found', bilingual(`Aucun jeton actif ${tokenId} pour ${email}.`, `No active token ${tokenId} for ${email}.`));
  }
  ctx.store.audit.record({ at: isoNow(ctx), userId: user.id, organisationId: null, action: 'revoke', entity: 'api-token', entityId: tokenId, detail: {} });
  return ok({ id: tokenId });
}
