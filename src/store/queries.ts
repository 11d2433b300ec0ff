import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Dialect } from './migration-files.js';
import { LOCK_NAMESPACE } from './postgres-database.js';
import type { Schema } from './schema.js';

/** What a repository works with: the database (or the transaction it is part of) and its dialect. */
export interface Queries {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  /** Runs `work` in a transaction: the one this is part of, or a new one. */
  atomic<T>(work: (db: Kysely<Schema>) => Promise<T>): Promise<T>;
}

/** The store whose transaction the current async flow is inside, if any. */
const insideTransactionOf = new AsyncLocalStorage<object>();

/**
 * Refuses a query sent to the database itself from inside one of its transactions. SQLite has one
 * connection, so such a query would wait for the transaction that waits for it, forever; on
 * PostgreSQL it would run on another connection, outside the transaction. Either way the code
 * meant the transaction's store.
 */
export class OutsideTransactionGuard implements KyselyPlugin {
  constructor(private readonly owner: object) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (insideTransactionOf.getStore() === this.owner) {
      throw new Error('store: a query outside the transaction that is running: use the store the transaction was given');
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** Queries over the database itself: `atomic` opens a transaction, whose queries escape the guard. */
export function rootQueries(db: Kysely<Schema>, dialect: Dialect, owner: object): Queries {
  return {
    db,
    dialect,
    atomic: (work) => db.transaction().execute((trx) => insideTransactionOf.run(owner, () => work(trx.withoutPlugins()))),
  };
}

/** Queries inside a transaction: everything runs in it. */
export function transactionQueries(db: Kysely<Schema>, dialect: Dialect): Queries {
  return { db, dialect, atomic: (work) => work(db) };
}

/** The number of rows a write changed (Kysely gives a bigint). */
export const changed = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint; numInsertedOrUpdatedRows?: bigint | undefined }): number =>
  Number(result.numUpdatedRows ?? result.numDeletedRows ?? result.numInsertedOrUpdatedRows ?? 0n);

/**
 * Inside a transaction, waits until no other transaction holds `key`, and holds it until this one
 * ends. PostgreSQL: a transaction-scoped advisory lock. SQLite: nothing to do, its transactions
 * take the write lock as they begin, so they already run one at a time.
 */
export async function exclusive(db: Kysely<Schema>, dialect: Dialect, key: string): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${key}))`.execute(db);
}
