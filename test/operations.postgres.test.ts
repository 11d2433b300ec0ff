import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { COPY_ORDER } from '../src/store/copy-to-postgres.js';
import { BIN, killAll, serve, stop } from './support/service.js';
import { freshPostgresDatabase } from './support/test-store.js';
import { migrationFiles } from '../src/store/migration-files.js';

afterEach(killAll);

/** The bin with exactly these settings (no database taken from the test run). */
async function run(environment: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...environment } });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

/** An empty database: copied from the migrated template, then emptied of its schema. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await freshPostgresDatabase();
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await client.end();
  return database;
}

/** A SQLite database made by the code before PostgreSQL, with its demo data and more (see the fixture). */
function sqliteBefore21(dir: string): string {
  const file = join(dir, 'impact-score.db');
  writeFileSync(file, gunzipSync(readFileSync(join(import.meta.dirname, 'fixtures', 'sqlite-before-21', 'impact-score.db.gz'))));
  return file;
}

const pgBin = (tool: string) => join(readdirSync('/usr/lib/postgresql').sort().map((v) => `/usr/lib/postgresql/${v}/bin`).at(-1)!, tool);

async function loginAndRead(url: string): Promise<{ assessments: { number: number; status: string }[]; cookie: string }> {
  const login = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'dirigeante@demo.impact-score.org', password: 'demo-leader-2026' }) });
  expect(login.status).toBe(200);
  const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
  const me = (await (await fetch(`${url}/auth/me`, { headers: { cookie } })).json()) as { organisations: { id: number }[] };
  const assessments = (await (await fetch(`${url}/organisations/${me.organisations[0]!.id}/assessments`, { headers: { cookie } })).json()) as { number: number; status: string }[];
  return { assessments, cookie };
}

describe('operations on PostgreSQL', () => {
  it('when a SQLite database is copied into PostgreSQL, then the service on PostgreSQL serves all of it and goes on numbering after it; a second copy is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-copy-'));
    const file = sqliteBefore21(dir);
    const target = await emptyDatabase();
    try {
      const copied = await run({}, 'copy-to-postgres', '--from', file, '--to', target.url);
      expect(copied.code).toBe(0);
      expect(copied.out).toMatch(/lignes copiées de .*impact-score\.db vers postgres:\/\/postgres@127\.0\.0\.1:\d+\/impact_t/);
      expect(copied.out).toMatch(/^ {2}users\t4$/m);
      expect(copied.out).toMatch(/^ {2}assessments\t6$/m);
      const { url, child } = await serve(dir, { DATABASE_URL: target.url });
      const { assessments, cookie } = await loginAndRead(url);
      expect(assessments.map((a) => [a.number, a.status])).toEqual([[1, 'submitted'], [2, 'draft']]);
      const orgs = (await (await fetch(`${url}/auth/me`, { headers: { cookie } })).json()) as { organisations: { id: number }[] };
      const created = await fetch(`${url}/organisations/${orgs.organisations[0]!.id}/assessments`, { method: 'POST', headers: { cookie, origin: new URL(url).origin } });
      expect(created.status).toBe(201);
      expect(((await created.json()) as { id: number; number: number })).toMatchObject({ id: 7, number: 3 });
      expect(await stop(child)).toBe(0);
      const again = await run({}, 'copy-to-postgres', '--from', file, '--to', target.url);
      expect(again.code).toBe(1);
      expect(again.err).toContain('contient déjà des données (organisations, users,');
      expect(again.err).toContain('rien n’a été copié');
    } finally {
      await target.drop();
    }
  });

  it('when a migrated database\'s tables are listed, then copy-to-postgres copies every one of them but the migration history', async () => {
    const database = await freshPostgresDatabase();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tables = (await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.tablename);
      expect(tables.sort()).toEqual([...COPY_ORDER, 'schema_migrations'].sort());
    } finally {
      await client.end();
      await database.drop();
    }
  });

  it('when migrate is run, then it applies what is pending once and then says the database is up to date', async () => {
    const target = await emptyDatabase();
    try {
      const first = await run({ DATABASE_URL: target.url }, 'migrate');
      // Every migration the dialect has, in order (the list grows with each one).
      const all = migrationFiles('postgres').map((m) => m.file.slice(0, 3)).join(', ');
      expect(first).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`: migrations appliquées ${all}\n$`)) });
      expect((await run({ DATABASE_URL: target.url }, 'migrate')).out).toMatch(/: à jour, aucune migration en attente\n$/);
      const backup = await run({ DATABASE_URL: target.url }, 'backup', '/tmp/never-written.db');
      expect(backup.code).toBe(2);
      expect(backup.err).toContain('pg_dump');
    } finally {
      await target.drop();
    }
  });

  it('when a database is saved with pg_dump and restored with pg_restore as docs/operations.md says, then the service on the restored copy has everything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-dump-'));
    const source = await emptyDatabase();
    const restored = await emptyDatabase();
    try {
      expect((await run({}, 'copy-to-postgres', '--from', sqliteBefore21(dir), '--to', source.url)).code).toBe(0);
      const dump = join(dir, 'impact-score.dump');
      await promisify(execFile)(pgBin('pg_dump'), ['--format=custom', '--no-owner', `--file=${dump}`, source.url]);
      await promisify(execFile)(pgBin('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${restored.url}`, dump]);
      const { url, child } = await serve(dir, { DATABASE_URL: restored.url });
      expect((await loginAndRead(url)).assessments).toHaveLength(2);
      expect(await stop(child)).toBe(0);
    } finally {
      await source.drop();
      await restored.drop();
    }
  });
});
