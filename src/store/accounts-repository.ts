import type { Selectable } from 'kysely';
import { changed, type Queries } from './queries.js';
import type { ApiToken, Membership, MembershipRole, Role, User } from './records.js';
import type { Schema } from './schema.js';

type UserRow = Selectable<Schema['users']>;

/** A token's last use is kept to this precision (`tokens list` shows it): one write per token and minute at most. */
export const TOKEN_USE_WINDOW_MS = 60_000;

const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, role: r.role, createdAt: r.created_at });

/** Users, their memberships, sessions and API tokens: everything about who someone is. */
export class AccountsRepository {
  constructor(private readonly q: Queries) {}

  async createUser(input: { email: string; name: string; passwordHash: string | null; role: Role }, now: string): Promise<User> {
    const row = await this.q.db
      .insertInto('users')
      .values({ email: input.email, name: input.name, password_hash: input.passwordHash, role: input.role, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async getUser(id: number): Promise<User | undefined> {
    const row = await this.q.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  /** The users of these ids (those that exist), in one query. */
  async getUsers(ids: readonly number[]): Promise<User[]> {
    if (ids.length === 0) return [];
    return (await this.q.db.selectFrom('users').selectAll().where('id', 'in', [...new Set(ids)]).execute()).map(toUser);
  }

  /** The user with this email, whatever its case (SQLite: a NOCASE column; PostgreSQL: an index on lower(email)). */
  async findByEmail(email: string): Promise<(User & { passwordHash: string | null }) | undefined> {
    const row = await this.q.db
      .selectFrom('users')
      .selectAll()
      .$if(this.q.dialect === 'sqlite', (qb) => qb.where('email', '=', email))
      .$if(this.q.dialect === 'postgres', (qb) => qb.where((eb) => eb(eb.fn('lower', ['email']), '=', eb.fn('lower', [eb.val(email)]))))
      .executeTakeFirst();
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async setPassword(userId: number, passwordHash: string): Promise<void> {
    await this.q.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  }

  async setRole(userId: number, role: Role): Promise<void> {
    await this.q.db.updateTable('users').set({ role }).where('id', '=', userId).execute();
  }

  async usersWithRole(role: Role): Promise<User[]> {
    return (await this.q.db.selectFrom('users').selectAll().where('role', '=', role).orderBy('id').execute()).map(toUser);
  }

  async countUsers(): Promise<number> {
    const row = await this.q.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async addMembership(userId: number, organisationId: number, role: MembershipRole): Promise<void> {
    await this.q.db
      .insertInto('memberships')
      .values({ user_id: userId, organisation_id: organisationId, role })
      .onConflict((oc) => oc.columns(['user_id', 'organisation_id']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role') })))
      .execute();
  }

  async memberships(userId: number): Promise<Membership[]> {
    const rows = await this.q.db.selectFrom('memberships').select(['user_id', 'organisation_id', 'role']).where('user_id', '=', userId).execute();
    return rows.map((r) => ({ userId: r.user_id, organisationId: r.organisation_id, role: r.role }));
  }

  async createSession(tokenHash: string, userId: number, now: string, expiresAt: string): Promise<void> {
    await this.q.db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, created_at: now, expires_at: expiresAt }).execute();
  }

  /** The user of a live session; expired sessions are treated as absent. */
  async sessionUser(tokenHash: string, now: string): Promise<User | undefined> {
    const row = await this.q.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row && toUser(row);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.q.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    return changed(await this.q.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst());
  }

  async createToken(userId: number, name: string, tokenHash: string, now: string): Promise<ApiToken> {
    const row = await this.q.db
      .insertInto('api_tokens')
      .values({ user_id: userId, name, token_hash: tokenHash, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toToken(row);
  }

  async tokens(userId: number): Promise<ApiToken[]> {
    return (await this.q.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute()).map(toToken);
  }

  /**
   * The user of a valid (not revoked) token, marking it used at most once per TOKEN_USE_WINDOW_MS:
   * marking it on every request was a write (an fsync) per script request, a third of the server's time.
   */
  async tokenUser(tokenHash: string, now: string): Promise<User | undefined> {
    const row = await this.q.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .selectAll('users')
      .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.token_last_used_at === null || row.token_last_used_at <= new Date(Date.parse(now) - TOKEN_USE_WINDOW_MS).toISOString()) {
      try {
        await this.q.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
      } catch {
        // Best effort: a read-only or full database must not lock scripts out of reading.
      }
    }
    return toUser(row);
  }

  async revokeToken(userId: number, tokenId: number, now: string): Promise<boolean> {
    const result = await this.q.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return changed(result) === 1;
  }
}

function toToken(r: Selectable<Schema['api_tokens']>): ApiToken {
  return { id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}
