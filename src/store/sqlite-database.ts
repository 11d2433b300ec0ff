import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig, type SqliteStatement } from 'kysely';
import { GroupCommit, type DataSync } from './group-commit.js';
import { migrationFiles } from './migration-files.js';
import type { Schema } from './schema.js';

export type SqliteHandle = Database.Database;

/** How commits reach the disk: each flushed as it is made, or flushed together (decision 018). */
export type Commits = 'each' | 'grouped';

/**
 * Opens the SQLite database (":memory:" or a file, whose folder is created), checked page by
 * page, in WAL mode with foreign keys on, and applies the numbered migrations not yet applied.
 * Commits are flushed to the disk each as it is made (`synchronous = FULL`), or, `grouped`, by
 * the returned `groupCommit` for whoever waits on it (the service, before it answers); `flush` is
 * fdatasync on a thread of its own unless a test watches it.
 */
export function openSqlite(file: string, commits: Commits = 'each', flush?: DataSync): { handle: SqliteHandle; db: Kysely<Schema>; migrated: number[]; groupCommit?: GroupCommit } {
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
  let groupCommit: GroupCommit | undefined;
  if (commits === 'grouped' && file !== ':memory:') {
    // NORMAL writes commits to the WAL without flushing it; the group commit flushes it before
    // any answer is sent, which keeps every acknowledged write as FULL did. The WAL is the one
    // beside the file SQLite opened: a symbolic link resolved, as SQLite resolves it.
    const opened = (handle.pragma('database_list') as { name: string; file: string }[]).find((d) => d.name === 'main')!.file;
    groupCommit = new GroupCommit(`${opened}-wal`, flush);
    handle.pragma('synchronous = NORMAL');
  }
  const database = preparedOnce(handle, groupCommit);
  const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database }) });
  return { handle, db, migrated, ...(groupCommit && { groupCommit }) };
}

const STATEMENTS_KEPT = 500;

/**
 * The database as Kysely sees it, each statement prepared once: Kysely prepares every query it
 * runs again, which was a twentieth of the server's time under load. Kysely runs one query at a
 * time on SQLite's one connection, so a statement is never in use twice at once. Queries are
 * built from a few hundred shapes (`in` lists of every length aside): past STATEMENTS_KEPT, the
 * cache starts afresh rather than growing. With a group commit, each statement that ends a
 * commit tells it.
 */
function preparedOnce(handle: SqliteHandle, groupCommit: GroupCommit | undefined): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      groupCommit?.close();
      handle.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENTS_KEPT) statements.clear();
        const prepared = handle.prepare(sql);
        statements.set(sql, (statement = groupCommit ? toldOfCommits(prepared, handle, groupCommit) : prepared));
      }
      return statement;
    },
  };
}

/**
 * A statement that tells the group commit when it ends one: a COMMIT (SQLite counts it as read
 * only), or a statement that writes, run outside any transaction. A ROLLBACK counts too: one
 * flush for nothing.
 */
function toldOfCommits(statement: Database.Statement, handle: SqliteHandle, groupCommit: GroupCommit): SqliteStatement {
  const writes = !statement.readonly;
  const watched = <T>(call: () => T): T => {
    const wasInTransaction = handle.inTransaction;
    try {
      return call();
    } finally {
      if (!handle.inTransaction && (wasInTransaction || writes)) groupCommit.committedOne();
    }
  };
  return {
    reader: statement.reader,
    all: (parameters) => watched(() => statement.all(parameters)),
    run: (parameters) => watched(() => statement.run(parameters)),
    iterate: (parameters) => statement.iterate(parameters),
  };
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
