import { sql, type Kysely } from 'kysely';
import { openPostgres } from './postgres-database.js';
import type { Schema } from './schema.js';
import { openSqlite } from './sqlite-database.js';

/**
 * Every table, parents before children, as a copy must fill them (a test checks that none is
 * missing: a new aggregate's tables are added here). `schema_migrations` is not copied: the
 * target records its own history, the same numbers.
 */
export const COPY_ORDER = [
  'organisations', 'users', 'memberships', 'sessions', 'api_tokens', 'events', 'event_intentions', 'workshops', 'workshop_experts',
  'event_invitations', 'event_participants', 'expert_profiles',
  'assessments', 'results', 'earlier_results', 'audit_log', 'plans', 'plan_items', 'plan_comments', 'plan_history',
  'publications',
  'batches', 'stored_rows', 'login_failures',
] as const satisfies readonly Exclude<keyof Schema, 'schema_migrations'>[];

/** Tables whose `id` PostgreSQL generates: their sequences continue after the copied ids. */
const WITH_IDS = COPY_ORDER.filter((t) => !['memberships', 'sessions', 'workshop_experts', 'event_participants', 'expert_profiles', 'results', 'stored_rows'].includes(t));

export class TargetNotEmpty extends Error {
  constructor(readonly tables: string[]) {
    super(`the target database already holds data (${tables.join(', ')})`);
  }
}

/**
 * Copies a SQLite database (upgraded to the latest migration first, as a start would) into an
 * empty PostgreSQL one (migrated the same way), every row with its id, in one transaction: the
 * target ends up with all of it or none. Rows are read in one read transaction of the source, a
 * consistent picture even if a service writes meanwhile (what it writes after is not copied).
 * Returns the rows copied per table.
 */
export async function copyToPostgres(file: string, url: string): Promise<Record<string, number>> {
  const source = openSqlite(file).db;
  let target: Kysely<Schema> | undefined;
  try {
    target = (await openPostgres(url, { poolSize: 2 })).db;
    const held = [];
    for (const table of COPY_ORDER) if ((await target.selectFrom(table).select(sql`1`.as('x')).limit(1).execute()).length > 0) held.push(table);
    if (held.length > 0) throw new TargetNotEmpty(held);
    const into = target;
    return await source.transaction().execute(async (read) => into.transaction().execute(async (write) => {
      const copied: Record<string, number> = {};
      for (const table of COPY_ORDER) copied[table] = await copyTable(read, write, table);
      for (const table of WITH_IDS) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM ${sql.table(table)}`.execute(write);
      }
      return copied;
    }));
  } finally {
    await source.destroy();
    await target?.destroy();
  }
}

/** One table's rows, in id order (a row may name an earlier one of its own table), a few hundred per statement. */
async function copyTable(read: Kysely<Schema>, write: Kysely<Schema>, table: (typeof COPY_ORDER)[number]): Promise<number> {
  const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY 1`.execute(read)).rows;
  for (let i = 0; i < rows.length; i += 500) {
    await write.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
  }
  return rows.length;
}
