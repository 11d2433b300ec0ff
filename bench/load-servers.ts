/**
 * The servers a load run talks to: started here on 127.0.0.1 (one on a SQLite file, or several on
 * one PostgreSQL database), or already running (`--url`). Either way the accounts the workload uses
 * are created first with the admin commands, on the database the servers use.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = process.env.LOAD_SERVER ?? fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const SCRATCH = fileURLToPath(new URL('../../scripts/scratch-postgres.sh', import.meta.url));
export const PASSWORD = 'load-test-password';

export interface Deployment {
  /** What was measured, for the report: "1 × SQLite", "2 × PostgreSQL". */
  label: string;
  urls: string[];
  /** Resident memory of each server started here, in MiB (none for `--url`). */
  rss: () => number[];
  stop: () => Promise<void>;
}

export type Plan = { kind: 'sqlite' } | { kind: 'postgres'; instances: number } | { kind: 'running'; urls: string[] };

/** Organisations 1…orgs, a leader for each (leaderN@load.test) and an advisor, on the database of `env`. */
function createAccounts(env: NodeJS.ProcessEnv, orgs: number): void {
  const cli = (...args: string[]) => execFileSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  cli('users', 'create', '--email', 'advisor@load.test', '--role', 'advisor', '--password', PASSWORD);
  for (let i = 1; i <= orgs; i++) {
    cli('orgs', 'create', '--name', `Charge ${i}`, '--headcount', '10-49', '--sector', 'H', '--legal-form', 'sas', '--statuses', 'esus,siae', '--region', 'occ');
    cli('users', 'create', '--email', `leader${i}@load.test`, '--role', 'leader', '--org', String(i), '--password', PASSWORD);
  }
}

function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/http:\/\/[^ ]+\/api\/v1/);
      if (m) resolve({ url: m[0], child });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const rssOf = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024;

/** A PostgreSQL database for this run: a new one on DATABASE_URL's server, or on a scratch server started here. */
async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  // A folder of its own: the script hands it to the server's user (as root, `postgres`).
  const scratch = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'impact-load-pg-'));
  const server = scratch ? execFileSync('bash', [SCRATCH, 'start', scratch], { encoding: 'utf8' }).trim() : process.env.DATABASE_URL!;
  const name = `impact_load_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      if (scratch) return void execFileSync('bash', [SCRATCH, 'stop', scratch]);
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Starts (or finds) the servers of `plan`, their accounts created. */
export async function deploy(plan: Plan, orgs: number): Promise<Deployment> {
  // Every user logs in from 127.0.0.1, many at once: the login limits (failures, counted as they start) must not refuse them.
  const base = { ...process.env, LOG_LEVEL: 'silent', DEMO_DATA: 'false', LOGIN_RATE_LIMIT: '100000', LOGIN_ACCOUNT_LIMIT: '100000' };
  if (plan.kind === 'running') {
    createAccounts(base, orgs);
    return { label: `${plan.urls.length} × running`, urls: plan.urls, rss: () => [], stop: async () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'impact-load-'));
  // Every instance shares the data folder (batch files), as a deployment of several must.
  const database = plan.kind === 'postgres' ? await postgresDatabase() : undefined;
  const env = { ...base, DATA_DIR: join(dir, 'data'), ...(database ? { DATABASE_URL: database.url } : { DATABASE_URL: '', DATABASE_FILE: join(dir, 'load.db') }) };
  createAccounts(env, orgs);
  const servers = await Promise.all(Array.from({ length: plan.kind === 'postgres' ? plan.instances : 1 }, () => serve(env)));
  return {
    label: plan.kind === 'postgres' ? `${plan.instances} × PostgreSQL` : '1 × SQLite',
    urls: servers.map((s) => s.url),
    rss: () => servers.map((s) => rssOf(s.child.pid!)),
    stop: async () => {
      await Promise.all(servers.map(({ child }) => new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      })));
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
