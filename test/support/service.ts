import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freshPostgresDatabase, TEST_DIALECT } from './test-store.js';

/** The real bin, built by the global setup, run as a user or an operator would. */
export const BIN = join(import.meta.dirname, '..', '..', 'dist/src/cli/main.js');
const running: ChildProcess[] = [];
const databases = new Map<string, Promise<string>>();

/**
 * The database of a test's folder in this run: `DIR/db.sqlite`, or a PostgreSQL database of its
 * own, made the first time the folder asks (every process started for that folder shares it).
 */
export async function databaseOf(dir: string): Promise<Record<string, string>> {
  if (TEST_DIALECT === 'sqlite') return { DATABASE_FILE: join(dir, 'db.sqlite') };
  if (!databases.has(dir)) databases.set(dir, freshPostgresDatabase().then((d) => d.url));
  return { DATABASE_URL: await databases.get(dir)!, DATABASE_FILE: join(dir, 'unused.sqlite') };
}

export async function env(dir: string, extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  // The data folder too is the test's own: the service creates it at start.
  return { ...process.env, ...(await databaseOf(dir)), DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...extra };
}

export async function cli(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env: await env(dir) });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

/** Organisation 1 (Durand), its leader chef@durand.fr, and an API token of theirs, made with the admin commands. */
export async function organisationWithToken(dir: string): Promise<string> {
  await cli(dir, 'orgs', 'create', '--name', 'Durand', '--headcount', '10-49', '--sector', 'C', '--legal-form', 'sarl', '--region', 'bre');
  await cli(dir, 'users', 'create', '--email', 'chef@durand.fr', '--role', 'leader', '--org', '1', '--password', 'un mot de passe long');
  return (await cli(dir, 'tokens', 'create', '--email', 'chef@durand.fr')).out.trim();
}

/** Starts `impact-score serve` on a free port and returns its API base URL once it listens. */
export async function serve(dir: string, extra: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: await env(dir, { PORT: '0', ...extra }), stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = out.match(/http:\/\/[^ ]+\/api\/v1/);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { url, child };
}

/** Starts `serve`: its exit code and error output if it stops, or `listening` if it serves (then it is stopped). */
export async function startOrExit(environment: NodeJS.ProcessEnv): Promise<{ code: number | null; err: string } | { listening: true; err: string }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { PORT: '0', ...environment }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('/api/v1')) return;
      child.kill('SIGKILL');
      resolve({ listening: true, err });
    });
    child.once('exit', (code) => resolve({ code, err }));
  });
}

export async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}


export function killAll(): void {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}
