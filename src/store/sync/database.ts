import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { packageRoot } from '../../content/package-root.js';

export type Db = Database.Database;

/**
 * Opens the database (":memory:" or a file, whose folder is created), in WAL mode with foreign
 * keys on, and applies the numbered migrations not yet applied.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  refuseDamaged(db);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL with synchronous=NORMAL could lose the last commits on power loss; FULL keeps every
  // acknowledged write.
  db.pragma('synchronous = FULL');
  migrate(db);
  return db;
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
function refuseDamaged(db: Db): void {
  let problems: string[];
  try {
    problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    problems = [(error as Error).message];
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  db.close();
  throw new DamagedDatabase(problems.slice(0, 5).map((p) => p.replace(/\*\*\* in database main \*\*\*\n/, '').replace(/\n/g, '; ')));
}

const MIGRATIONS = join(packageRoot(), 'src', 'store', 'migrations', 'sqlite');

export function migrate(db: Db): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const pending = readdirSync(MIGRATIONS)
    .map((file) => ({ file, version: Number.parseInt(file, 10) }))
    .filter((m) => Number.isInteger(m.version) && !applied.has(m.version))
    .sort((a, b) => a.version - b.version);
  for (const m of pending) {
    const sql = readFileSync(join(MIGRATIONS, m.file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
    })();
  }
  return pending.map((m) => m.version);
}

/** A consistent copy of a live database, taken with SQLite's online backup. */
export async function backupDatabase(db: Db, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  await db.backup(target);
}
