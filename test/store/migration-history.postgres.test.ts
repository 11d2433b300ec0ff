import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationFiles } from '../../src/store/migration-files.js';
import { openStore } from '../../src/store/open-store.js';
import { freshPostgresDatabase } from '../support/test-store.js';

/**
 * Each table's columns: name, kind of value and whether it may be null, as each database describes
 * them. SQLite describes primary key columns as nullable (its own quirk): they count as not null.
 */
async function shape(db: Kysely<never>, dialect: 'sqlite' | 'postgres'): Promise<Record<string, string[]>> {
  const kind = (type: string) => (/int/i.test(type) ? 'integer' : /real|double|float/i.test(type) ? 'real' : /text|char/i.test(type) ? 'text' : type);
  const shapes: Record<string, string[]> = {};
  for (const t of await db.introspection.getTables()) {
    const keys = dialect === 'sqlite' ? (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${t.name}) WHERE pk > 0`.execute(db)).rows.map((r) => r.name) : [];
    shapes[t.name] = t.columns.map((c) => `${c.name} ${kind(c.dataType)}${c.isNullable && !keys.includes(c.name) ? '' : ' not null'}`).sort();
  }
  return shapes;
}

describe('migration histories', () => {
  it('when both dialects’ migrations are listed, then they have the same numbers, none missing, none twice', () => {
    const numbers = (dialect: 'sqlite' | 'postgres') => migrationFiles(dialect).map((m) => m.version);
    expect(numbers('postgres')).toEqual(numbers('sqlite'));
    expect(numbers('sqlite')).toEqual(numbers('sqlite').map((_, i) => i + 1));
    expect(migrationFiles('postgres').map((m) => m.file)).toEqual(migrationFiles('sqlite').map((m) => m.file));
  });

  it('when each history is applied to an empty database, then both build the same tables with the same columns', async () => {
    const sqlite = await openStore({ file: ':memory:' });
    const { url, drop } = await freshPostgresDatabase();
    const postgres = await openStore({ url, file: '' });
    try {
      const expected = await shape(sqlite.db as unknown as Kysely<never>, 'sqlite');
      expect(Object.keys(expected)).toContain('batches');
      expect(await shape(postgres.db as unknown as Kysely<never>, 'postgres')).toEqual(expected);
    } finally {
      await sqlite.close();
      await postgres.close();
      await drop();
    }
  });

  it('when an empty PostgreSQL database is opened by two instances at once, then the migrations run once', async () => {
    const { url, drop } = await freshPostgresDatabase();
    // freshPostgresDatabase copies a migrated template: empty the schema first.
    const first = await openStore({ url, file: '' });
    await first.db.schema.dropSchema('public').cascade().execute();
    await first.db.schema.createSchema('public').execute();
    await first.close();
    try {
      const [a, b] = await Promise.all([openStore({ url, file: '' }), openStore({ url, file: '' })]);
      expect([a.migrated, b.migrated].sort((x, y) => y.length - x.length)).toEqual([migrationFiles('postgres').map((m) => m.version), []]);
      await a.close();
      await b.close();
    } finally {
      await drop();
    }
  });
});
