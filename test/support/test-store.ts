import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Dialect } from '../../src/store/migration-files.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { databaseUrl } from '../postgres-setup.js';

/** The database this run of the suite uses: its project sets TEST_STORE (vitest.config.ts). */
export const TEST_DIALECT: Dialect = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

let admin: pg.Pool | undefined;
const adminPool = () => (admin ??= new pg.Pool({ connectionString: inject('postgresUrl'), max: 2, allowExitOnIdle: true }));

/** A new PostgreSQL database, copied from the migrated template; `drop` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `impact_t${process.pid}_${randomBytes(5).toString('hex')}`;
  await adminPool().query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  return {
    url: databaseUrl(inject('postgresUrl'), name),
    drop: async () => void (await adminPool().query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/**
 * Where a test's data lives in this run: a PostgreSQL database of its own, or the SQLite `file`
 * given (":memory:" by default). `close` closes the store and drops the database.
 */
export async function testLocation(file = ':memory:'): Promise<{ url?: string; file: string; drop: () => Promise<void> }> {
  if (TEST_DIALECT === 'sqlite') return { file, drop: async () => {} };
  const { url, drop } = await freshPostgresDatabase();
  return { url, file, drop };
}

/** A store on a database of its own, in this run's dialect. */
export async function openTestStore(file?: string): Promise<{ store: Store; location: { url?: string; file: string }; close: () => Promise<void> }> {
  const location = await testLocation(file);
  const store = await openStore(location);
  return { store, location, close: async () => {
    await store.close();
    await location.drop();
  } };
}

/**
 * What another instance of the service would use on the same database. PostgreSQL: a store of its
 * own (its own pool of connections). SQLite: the same store, since a SQLite file is served by one
 * process; a second connection in this same thread would block it (better-sqlite3 waits for a
 * lock synchronously), while other processes (admin commands) wait for its transactions.
 */
export async function secondInstance(store: Store, location: { url?: string; file: string }): Promise<{ store: Store; close: () => Promise<void> }> {
  if (TEST_DIALECT === 'sqlite') return { store, close: async () => {} };
  const other = await openStore(location);
  return { store: other, close: () => other.close() };
}
