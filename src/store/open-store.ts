import type { DataSync } from './group-commit.js';
import { backupSqlite, openSqlite, type Commits } from './sqlite-database.js';
import { openPostgres, type PostgresOptions } from './postgres-database.js';
import { Store } from './store.js';

/** Where the data lives: a PostgreSQL URL when given, otherwise a SQLite file. */
export interface StoreLocation {
  url?: string | undefined;
  file: string;
}

/** How SQLite's commits reach the disk: each as it is made (the admin commands), or grouped (the service, which waits for them before answering). */
export interface StoreOptions extends PostgresOptions {
  commits?: Commits;
  /** How grouped commits are flushed: fdatasync on a thread of its own unless a test watches it. */
  flush?: DataSync;
}

/** Opens (and migrates) the database the configuration names: `DATABASE_URL` if set, else `DATABASE_FILE`. */
export async function openStore(location: StoreLocation, options: StoreOptions = {}): Promise<Store> {
  if (location.url) {
    const { db, migrated } = await openPostgres(location.url, options);
    return Store.over({
      dialect: 'postgres',
      name: withoutPassword(location.url),
      migrated,
      backup: async () => {
        throw new Error('store: a PostgreSQL database is backed up with pg_dump (docs/operations.md)');
      },
      close: () => db.destroy(),
    }, db);
  }
  const { handle, db, migrated, groupCommit } = openSqlite(location.file, options.commits, options.flush);
  return Store.over({
    dialect: 'sqlite',
    name: location.file,
    migrated,
    ...(groupCommit && { durable: () => groupCommit.durable(), flushFailure: () => groupCommit.failure }),
    backup: (target) => backupSqlite(handle, target),
    close: () => db.destroy(),
  }, db);
}

/** A database URL fit for logs and messages: its password replaced. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
