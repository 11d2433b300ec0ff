import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrationFiles } from '../../src/store/migration-files.js';
import { freshPostgresDatabase } from './test-store.js';

/**
 * A SQLite file at migration 008 holding a workshop of before (an admin's list of organisations and
 * one expert) with a plan sent back by its expert: the fixture of before PostgreSQL (006), brought
 * to 008 by the SQL files alone.
 */
export function sqliteAt008(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'impact-009-')), 'impact-score.db');
  writeFileSync(file, gunzipSync(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sqlite-before-21', 'impact-score.db.gz'))));
  const db = new Database(file);
  for (const m of migrationFiles('sqlite').filter((f) => f.version === 7 || f.version === 8)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, '2026-11-01T00:00:00Z');
  }
  db.close();
  return file;
}

/**
 * A PostgreSQL database at migration 008 holding the same rows as `sqliteAt008()`: PostgreSQL's
 * migrations 001–008, then every table's rows copied as they are, each sequence past the copied ids.
 */
export async function postgresAt008(): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await freshPostgresDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const source = new Database(sqliteAt008(), { readonly: true });
  try {
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)');
    for (const m of migrationFiles('postgres').filter((f) => f.version <= 8)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, '2026-11-01T00:00:00Z']);
    }
    const tables = source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").pluck().all() as string[];
    await client.query('BEGIN');
    // Table by table in SQLite's order, children maybe before parents: foreign keys are not checked
    // while copying (the rows are a SQLite file's, whose keys SQLite checked).
    await client.query("SET LOCAL session_replication_role = 'replica'");
    for (const table of tables) {
      for (const row of source.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        const columns = Object.keys(row);
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((c) => row[c]));
      }
      const hasId = (source.prepare(`SELECT COUNT(*) FROM pragma_table_info('${table}') WHERE name = 'id'`).pluck().get() as number) > 0;
      if (hasId) await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM "${table}" HAVING pg_get_serial_sequence($1, 'id') IS NOT NULL`, [table]);
    }
    await client.query('COMMIT');
  } finally {
    source.close();
    await client.end();
  }
  return database;
}
