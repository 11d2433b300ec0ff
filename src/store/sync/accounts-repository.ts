import type { Db } from './database.js';
import type { ApiToken, Membership, MembershipRole, Role, User } from '../records.js';

interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string | null;
  role: Role;
  created_at: string;
}

const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, role: r.role, createdAt: r.created_at });

/** Users, their memberships, sessions and API tokens: everything about who someone is. */
export class AccountsRepository {
  constructor(private readonly db: Db) {}

  createUser(input: { email: string; name: string; passwordHash: string | null; role: Role }, now: string): User {
    const id = this.db
      .prepare('INSERT INTO users (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.email, input.name, input.passwordHash, input.role, now).lastInsertRowid;
    return this.getUser(Number(id))!;
  }

  getUser(id: number): User | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  findByEmail(email: string): (User & { passwordHash: string | null }) | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  setPassword(userId: number, passwordHash: string): void {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
  }

  countUsers(): number {
    return this.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
  }

  addMembership(userId: number, organisationId: number, role: MembershipRole): void {
    this.db
      .prepare('INSERT INTO memberships (user_id, organisation_id, role) VALUES (?, ?, ?) ON CONFLICT (user_id, organisation_id) DO UPDATE SET role = excluded.role')
      .run(userId, organisationId, role);
  }

  memberships(userId: number): Membership[] {
    const rows = this.db.prepare('SELECT user_id, organisation_id, role FROM memberships WHERE user_id = ?').all(userId) as {
      user_id: number;
      organisation_id: number;
      role: MembershipRole;
    }[];
    return rows.map((r) => ({ userId: r.user_id, organisationId: r.organisation_id, role: r.role }));
  }

  createSession(tokenHash: string, userId: number, now: string, expiresAt: string): void {
    this.db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(tokenHash, userId, now, expiresAt);
  }

  /** The user of a live session; expired sessions are treated as absent. */
  sessionUser(tokenHash: string, now: string): User | undefined {
    const row = this.db
      .prepare('SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id WHERE token_hash = ? AND expires_at > ?')
      .get(tokenHash, now) as UserRow | undefined;
    return row && toUser(row);
  }

  deleteSession(tokenHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  deleteExpiredSessions(now: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }

  createToken(userId: number, name: string, tokenHash: string, now: string): ApiToken {
    const id = this.db.prepare('INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)').run(userId, name, tokenHash, now).lastInsertRowid;
    return this.tokens(userId).find((t) => t.id === Number(id))!;
  }

  tokens(userId: number): ApiToken[] {
    const rows = this.db.prepare('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id').all(userId) as {
      id: number;
      user_id: number;
      name: string;
      created_at: string;
      last_used_at: string | null;
      revoked_at: string | null;
    }[];
    return rows.map((r) => ({ id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
  }

  /** The user of a valid (not revoked) token, marking it used. */
  tokenUser(tokenHash: string, now: string): User | undefined {
    const row = this.db
      .prepare('SELECT users.*, api_tokens.id AS token_id FROM api_tokens JOIN users ON users.id = api_tokens.user_id WHERE token_hash = ? AND revoked_at IS NULL')
      .get(tokenHash) as (UserRow & { token_id: number }) | undefined;
    if (!row) return undefined;
    try {
      this.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now, row.token_id);
    } catch {
      // Best effort: a read-only or full database must not lock scripts out of reading.
    }
    return toUser(row);
  }

  revokeToken(userId: number, tokenId: number, now: string): boolean {
    return this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL').run(now, tokenId, userId).changes === 1;
  }
}
