import { Worker } from 'node:worker_threads';
import type { DataSync } from './group-commit.js';

// Fixed text, no input in it: run as a script so that it needs no file beside the compiled one.
const SCRIPT = `
const { parentPort } = require('node:worker_threads');
const { fdatasyncSync } = require('node:fs');
parentPort.on('message', (fd) => {
  let failed = null;
  try { fdatasyncSync(fd); } catch (error) { failed = { message: error.message, code: error.code }; }
  parentPort.postMessage(failed);
});
`;

/**
 * `fdatasync` on a thread of its own: on libuv's four shared threads, a flush waited behind the
 * password hashes of a burst of logins (about 30 ms each), and every answer waited behind it.
 * One flush at a time, answered in order; the thread does not keep the process alive.
 */
export function flushThread(): DataSync & { stop(): Promise<void> } {
  const worker = new Worker(SCRIPT, { eval: true });
  worker.unref();
  const waiting: ((error: Error | null) => void)[] = [];
  worker.on('message', (failed: { message: string; code?: string } | null) => {
    waiting.shift()?.(failed && Object.assign(new Error(failed.message), { code: failed.code }));
  });
  // A thread that died (an error, or stopped) answers no flush: those waiting and any later fail.
  let dead: Error | undefined;
  const die = (error: Error) => {
    dead ??= error;
    for (const done of waiting.splice(0)) done(dead);
  };
  worker.on('error', die);
  worker.on('exit', (code) => die(new Error(`the flushing thread stopped (exit code ${code})`)));
  const sync = (fd: number, done: (error: Error | null) => void) => {
    if (dead) {
      queueMicrotask(() => done(dead!));
      return;
    }
    waiting.push(done);
    worker.postMessage(fd);
  };
  return Object.assign(sync, { stop: async () => void (await worker.terminate()) });
}
