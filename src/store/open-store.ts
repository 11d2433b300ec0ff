import { backupSqlite, openSqlite } from './sqlite-database.js';
import { openPostgres, type PostgresOptions } from './postgres-database.js';
import { Store } from './store.js';

/** Where the data lives: a PostgreSQL URL when given, otherwise a SQLite file. */
export interface StoreLocation {
  url?: string | undefined;
  file: string;
}

/** Opens (and migrates) the database the configuration names: `DATABASE_URL` if set, else `DATABASE_FILE`. */
export async function openStore(location: StoreLocation, options: PostgresOptions = {}): Promise<Store> {
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
  const { handle, db, migrated } = openSqlite(location.file);
  return Store.over({
    dialect: 'sqlite',
    name: location.file,
    migrated,
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
