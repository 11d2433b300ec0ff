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
export async function actorOf(ctx: AppContext, user: User): Promise<Actor> {
  const [memberships, reviewed] = await Promise.all([ctx.store.accounts.memberships(user.id), ctx.store.workshops.organisationsOfExpert(user.id)]);
  return { userId: user.id, role: user.role, memberOf: new Set(memberships.map((m) => m.organisationId)), reviewerOf: new Set(reviewed) };
}

export interface LoginSuccess {
  user: User;
  session: string;
  expiresAt: Date;
}

/** Checks email and password; on success opens a session and returns its secret (for the cookie). */
export async function login(ctx: AppContext, email: string, password: string, ttlHours: number): Promise<Result<LoginSuccess>> {
  const found = await ctx.store.accounts.findByEmail(email);
  const valid = found?.passwordHash ? await verifyPassword(password, found.passwordHash) : (await wasteTimeLikeAPasswordCheck(password), false);
  if (!found || !valid) {
    return fail('unauthenticated', 'invalid-credentials', bilingual('Adresse ou mot de passe incorrect.', 'Wrong email or password.'));
  }
  const { passwordHash: _hidden, ...user } = found;
  return ok({ user, ...(await openSession(ctx, user.id, ttlHours)) });
}

/** A new session for the user, its login in the audit log; the secret is returned once, only its digest kept. */
export async function openSession(ctx: AppContext, userId: number, ttlHours: number): Promise<{ session: string; expiresAt: Date }> {
  const session = newSecret(SESSION_PREFIX);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await ctx.store.transaction(async (tx) => {
    await tx.accounts.createSession(digest(session), userId, now.toISOString(), expiresAt.toISOString());
    await tx.audit.record({ at: now.toISOString(), userId, organisationId: null, action: 'login', entity: 'user', entityId: userId, detail: {} });
  });
  return { session, expiresAt };
}

export async function logout(ctx: AppContext, session: string): Promise<void> {
  await ctx.store.accounts.deleteSession(digest(session));
}

/** The user of a session cookie or a bearer token, if valid. */
export async function authenticate(ctx: AppContext, secret: string): Promise<User | undefined> {
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
  /** The password already hashed (`hashPassword`), for a signup that hashes it before its transaction. */
  passwordHash?: string;
  organisations?: number[];
}

/** The refusal of a password shorter than MIN_PASSWORD_LENGTH, at its field. */
export function weakPassword() {
  return fail('invalid', 'weak-password', bilingual(`Le mot de passe doit faire au moins ${MIN_PASSWORD_LENGTH} caractères.`, `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`), {
    issues: [issue('weak-password', '/password', bilingual('Trop court.', 'Too short.'))],
  });
}

/** Creates a user (admin task, from the CLI); leaders and advisors get memberships of the given organisations. */
export async function createUser(ctx: AppContext, input: NewUser): Promise<Result<User>> {
  if (await ctx.store.accounts.findByEmail(input.email)) {
    return fail('conflict', 'email-taken', bilingual(`Un compte existe déjà pour ${input.email}.`, `An account already exists for ${input.email}.`));
  }
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) return weakPassword();
  const orgs = input.organisations ?? [];
  const unknown: number[] = [];
  for (const id of orgs) if (!(await ctx.store.organisations.get(id))) unknown.push(id);
  if (unknown.length > 0) {
    return fail('not-found', 'not-found', bilingual(`Organisation ${unknown.join(', ')} introuvable.`, `Organisation ${unknown.join(', ')} not found.`));
  }
  const membership: MembershipRole | undefined = input.role === 'leader' ? 'leader' : input.role === 'advisor' ? 'advisor' : undefined;
  if (orgs.length > 0 && !membership) {
    return fail('invalid', 'invalid-membership', bilingual('Seuls les dirigeants et les conseillers sont rattachés à des organisations (les experts le sont par leurs ateliers).', 'Only leaders and advisors belong to organisations (experts through their workshops).'));
  }
  const passwordHash = input.passwordHash ?? (input.password === undefined ? null : await hashPassword(input.password));
  const now = isoNow(ctx);
  const user = await ctx.store.transaction(async (tx) => {
    const created = await tx.accounts.createUser({ email: input.email, name: input.name, passwordHash, role: input.role }, now);
    for (const orgId of orgs) await tx.accounts.addMembership(created.id, orgId, membership!);
    await tx.audit.record({ at: now, userId: null, organisationId: orgs[0] ?? null, action: 'create', entity: 'user', entityId: created.id, detail: { email: input.email, role: input.role, organisations: orgs } });
    return created;
  });
  return ok(user);
}

/** Creates an API token for scripts; the secret is returned once and only its digest is kept. */
export async function createApiToken(ctx: AppContext, email: string, name: string): Promise<Result<{ token: string; id: number; user: User }>> {
  const user = await ctx.store.accounts.findByEmail(email);
  if (!user) return fail('not-found', 'not-found', bilingual(`Aucun compte pour ${email}.`, `No account for ${email}.`));
  const token = newSecret(TOKEN_PREFIX);
  const now = isoNow(ctx);
  const created = await ctx.store.transaction(async (tx) => {
    const t = await tx.accounts.createToken(user.id, name, digest(token), now);
    await tx.audit.record({ at: now, userId: user.id, organisationId: null, action: 'create', entity: 'api-token', entityId: t.id, detail: { name } });
    return t;
  });
  const { passwordHash: _hidden, ...plain } = user;
  return ok({ token, id: created.id, user: plain });
}

/** Revokes one of a user's API tokens: it stops working at once. */
export async function revokeApiToken(ctx: AppContext, email: string, tokenId: number): Promise<Result<{ id: number }>> {
  const user = await ctx.store.accounts.findByEmail(email);
  const now = isoNow(ctx);
  const revoked = user && await ctx.store.transaction(async (tx) => {
    if (!(await tx.accounts.revokeToken(user.id, tokenId, now))) return false;
    await tx.audit.record({ at: now, userId: user.id, organisationId: null, action: 'revoke', entity: 'api-token', entityId: tokenId, detail: {} });
    return true;
  });
  if (!revoked) return fail('not-found', 'not-found', bilingual(`Aucun jeton actif ${tokenId} pour ${email}.`, `No active token ${tokenId} for ${email}.`));
  return ok({ id: tokenId });
}
