import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import { migrationFiles } from './migration-files.js';
import type { Schema } from './schema.js';

export type SqliteHandle = Database.Database;

/**
 * Opens the SQLite database (":memory:" or a file, whose folder is created), checked page by
 * page, in WAL mode with foreign keys on, and applies the numbered migrations not yet applied.
 */
export function openSqlite(file: string): { handle: SqliteHandle; db: Kysely<Schema>; migrated: number[] } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const handle = new Database(file);
  refuseDamaged(handle);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  // WAL with synchronous=NORMAL could lose the last commits on power loss; FULL keeps every
  // acknowledged write.
  handle.pragma('synchronous = FULL');
  const migrated = migrateSqlite(handle);
  return { handle, db: new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: handle }) }), migrated };
}

/** A database file whose structure SQLite's own check finds broken; `problems` are its words. */
export class DamagedDatabase extends Error {
  constructor(readonly problems: string[]) {
    super(`PRAGMA quick_check: ${problems.join('; ')}`);
  }
}

/**
 * Checks every page of the file before anything is read or written (`PRAGMA quick_check`: page
 * structure, cells, NOT NULL and CHECK constraints; it reads the whole file, so a large one takes
 * a while to start). SQLite keeps no checksum of record bytes: a flip inside a value that breaks
 * no constraint cannot be seen by any check.
 */
function refuseDamaged(handle: SqliteHandle): void {
  let problems: string[];
  try {
    problems = (handle.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    problems = [(error as Error).message];
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  handle.close();
  throw new DamagedDatabase(problems.slice(0, 5).map((p) => p.replace(/\*\*\* in database main \*\*\*\n/, '').replace(/\n/g, '; ')));
}

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction; returns their numbers. */
export function migrateSqlite(handle: SqliteHandle): number[] {
  handle.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(handle.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const pending = migrationFiles('sqlite').filter((m) => !applied.has(m.version));
  if (pending.length === 0) return [];
  // SQLite changes a constraint only by rebuilding the table; with foreign keys on, dropping a
  // referenced table would cascade. So they are off while migrating, and every reference is
  // checked before each migration commits (SQLite's documented procedure for altering tables).
  handle.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      handle.transaction(() => {
        handle.exec(m.sql);
        const broken = handle.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${m.file} leaves ${broken.length} broken reference(s): ${JSON.stringify(broken.slice(0, 3))}`);
        handle.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
      })();
    }
  } finally {
    handle.pragma('foreign_keys = ON');
  }
  return pending.map((m) => m.version);
}

/** A consistent copy of a live database, taken with SQLite's online backup. */
export async function backupSqlite(handle: SqliteHandle, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  await handle.backup(target);
}

/**
 * Kysely's SQLite dialect with transactions that take the write lock as they begin (`BEGIN
 * IMMEDIATE`): a transaction that reads and then writes (a count, then an insert under a limit)
 * cannot be overtaken by another process's write in between, nor fail half-way for it.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
