import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationFiles, type MigrationFile } from './migration-files.js';
import type { Schema } from './schema.js';

/** Advisory lock keys of this project: (NAMESPACE, 0) guards migrations, (NAMESPACE, hashtext(key)) `Store.exclusive`. */
export const LOCK_NAMESPACE = 21;

// Counts and sums come back as int8 or numeric, which node-postgres gives as strings to keep
// their precision; every such value here (rows, bytes) stays far below 2^53.
const NUMBERS = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMBERS.has(oid) ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Connections this process may hold at once. */
  poolSize?: number;
  /** A connection lost (the server restarted, the network failed), idle or checked out: the next query reports it, this logs it. */
  onIdleError?: (error: Error) => void;
}

/**
 * Connects to PostgreSQL (`postgres://user:password@host:port/database`) and applies the
 * migrations not yet applied, all in one transaction under an advisory lock, so that instances
 * started together migrate once.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<{ pool: pg.Pool; db: Kysely<Schema>; migrated: number[] }> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000, types });
  // A lost connection is said on its client, idle or checked out (a transaction between two
  // queries: the pool no longer listens to it, and unheard the error would end the process); its
  // next query fails. The pool repeats what its idle clients say: heard here once, on the client.
  pool.on('connect', (client) => client.on('error', (error) => options.onIdleError?.(error)));
  pool.on('error', () => undefined);
  let migrated: number[];
  try {
    migrated = await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { pool, db: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), migrated };
}

export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    // Up to date: nothing is written (the database may accept reads only, a replica for instance).
    if ((await pending(client)).length === 0) return [];
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_NAMESPACE]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)');
    // Read again under the lock: another instance may have applied them meanwhile.
    const todo = await pending(client);
    for (const m of todo) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
    }
    await client.query('COMMIT');
    return todo.map((m) => m.version);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function pending(client: pg.PoolClient): Promise<MigrationFile[]> {
  const known = (await client.query<{ table: string | null }>("SELECT to_regclass('schema_migrations')::text AS table")).rows[0]!.table !== null;
  const applied = new Set(known ? (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version) : []);
  return migrationFiles('postgres').filter((m) => !applied.has(m.version));
}
