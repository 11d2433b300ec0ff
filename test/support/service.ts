import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The real bin, built by the global setup, run as a user or an operator would. */
export const BIN = join(import.meta.dirname, '..', '..', 'dist/src/cli/main.js');
const running: ChildProcess[] = [];

export function env(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // The data folder too is the test's own: the service creates it at start.
  return { ...process.env, DATABASE_FILE: join(dir, 'db.sqlite'), DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...extra };
}

export async function cli(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env: env(dir) });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

/** Starts `impact-score serve` on a free port and returns its API base URL once it listens. */
export async function serve(dir: string, extra: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: env(dir, { PORT: '0', ...extra }), stdio: ['ignore', 'pipe', 'pipe'] });
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

export async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}


export function killAll(): void {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}
