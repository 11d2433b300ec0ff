/**
 * The real server (`impact-score serve`) in a child process on a free loopback port, as the
 * benches drive it: `bin` is a build's dist/src/cli/main.js (this one's, or another's to compare).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh data folder and database for a build's server, and its admin commands run there (their output returned). */
export function serverFolder(prefix: string, bin: string, settings: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env = { ...process.env, DATABASE_FILE: join(dir, 'bench.db'), DATA_DIR: dir, LOG_LEVEL: 'silent', ...settings };
  return {
    dir,
    env,
    cli: (...args: string[]) => execFileSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ServerProcess {
  child: ChildProcess;
  /** The API's address (…/api/v1). */
  api: URL;
  /** The server's resident memory in MiB. */
  rss(): number;
  stop(): Promise<void>;
}

export async function startServer(bin: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], { env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const api = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/http:\/\/[^ ]+\/api\/v1/);
      if (m) resolve(new URL(m[0]));
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    child,
    api,
    rss: () => Number(readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)![1]) / 1024,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
