import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../src/store/postgres-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose user may create databases. */
    postgresUrl: string;
    /** A migrated database each test database is copied from. */
    postgresTemplate: string;
  }
}

const SCRIPT = join(import.meta.dirname, '..', 'scripts', 'scratch-postgres.sh');

/**
 * The PostgreSQL server of the `postgres` project: TEST_DATABASE_URL when set (CI starts one),
 * otherwise a scratch server started here from Debian's packages and stopped at the end. Without
 * PostgreSQL installed the run stops here, saying so: its tests are part of the suite.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url = process.env.TEST_DATABASE_URL;
  let scratch: string | undefined;
  if (!url) {
    scratch = mkdtempSync(join(tmpdir(), 'impact-pg-'));
    try {
      url = execFileSync('bash', [SCRIPT, 'start', scratch], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (error) {
      const e = error as { status?: number; stderr?: string };
      throw new Error(e.status === 3
        ? 'The PostgreSQL half of the suite needs PostgreSQL: install it (Debian: apt-get install postgresql; the tests start their own server from /usr/lib/postgresql/*/bin), or set TEST_DATABASE_URL=postgres://user@host:port/db to a server where that user may create databases.'
        : `Could not start a scratch PostgreSQL server (scripts/scratch-postgres.sh): ${e.stderr ?? String(error)}`);
    }
  }
  const template = `impact_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const { db } = await openPostgres(databaseUrl(url, template));
  await db.destroy();
  project.provide('postgresUrl', url);
  project.provide('postgresTemplate', template);
  return async () => {
    if (scratch) {
      execFileSync('bash', [SCRIPT, 'stop', scratch], { stdio: 'inherit' });
      return;
    }
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await cleanup.end();
  };
}

export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}
