import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.js';
import type { ClaimedBatch } from '../store/batches-repository.js';
import type { AppContext } from './app-context.js';
import type { Receiver } from './batch-intake.js';
import { runClaimedBatch, type BatchStorage } from './batch-job.js';

export interface RunnerSettings {
  /** How long a claim holds without being extended (BATCH_LEASE_SECONDS); extended every third of it. */
  leaseMs: number;
  /** Batches this instance runs at once (BATCH_WORKERS). */
  concurrency: number;
  /** How often it looks for batches to claim, beside being told of its own uploads. */
  pollMs?: number;
}

/**
 * This instance's share of the batches: it claims batches waiting in the database (uploaded to
 * any instance, or left by an instance that died) while it has room, runs each on a worker thread,
 * and keeps extending their leases. Every instance has one; whichever claims a batch first runs it.
 */
export class BatchRunner {
  readonly instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  readonly receiver: Receiver;
  private readonly running = new Map<number, { done: Promise<void>; stop: AbortController; attempt: number }>();
  private timer: NodeJS.Timeout | undefined;
  private claiming: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly ctx: AppContext, readonly storage: BatchStorage, private readonly settings: RunnerSettings) {
    this.receiver = { instance: this.instance, leaseMs: settings.leaseMs };
  }

  /** Starts looking for batches, now and every `pollMs`. */
  start(): this {
    this.timer = setInterval(() => this.kick(), this.settings.pollMs ?? 1000);
    this.timer.unref();
    this.kick();
    return this;
  }

  /** Claims what is waiting, as long as this instance has room; a kick during a round makes another round. */
  kick(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = this.claimWhileRoom()
      .catch((error: Error) => this.storage.logError(`batches: claiming failed: ${error.message}`))
      .finally(() => {
        this.claiming = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private lease() {
    // Real time, not the context's clock: other instances compare it with theirs.
    return { instance: this.instance, until: new Date(Date.now() + this.settings.leaseMs).toISOString() };
  }

  private async claimWhileRoom(): Promise<void> {
    while (!this.stopped && this.running.size < this.settings.concurrency) {
      const claimed = await this.ctx.store.batches.claim(this.lease(), new Date().toISOString());
      if (!claimed) return;
      this.run(claimed);
    }
  }

  private run(claimed: ClaimedBatch): void {
    const { id } = claimed.record;
    const stop = new AbortController();
    const heartbeat = setInterval(() => {
      this.ctx.store.batches.extend(id, claimed.attempt, this.lease()).then(
        (held) => held || stop.abort(),
        // The database did not answer: try again at the next beat; the lease may run out meanwhile.
        (error: Error) => this.storage.logError(`batch ${id}: lease not extended: ${error.message}`),
      );
    }, this.settings.leaseMs / 3);
    const done = runClaimedBatch(this.ctx, claimed, this.storage, stop.signal)
      .catch((error: Error) => this.storage.logError(`batch ${id}: ${error.stack ?? error.message}`))
      .finally(() => {
        clearInterval(heartbeat);
        this.running.delete(id);
        this.kick();
      });
    this.running.set(id, { done, stop, attempt: claimed.attempt });
  }

  /**
   * Stops claiming, stops the batches running here (nothing of them is recorded) and lets go of
   * them, so that another instance, or this one once restarted, takes them over at once.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.claiming;
    const running = [...this.running.entries()];
    for (const [, job] of running) job.stop.abort();
    await Promise.all(running.map(([, job]) => job.done));
    for (const [id, job] of running) await this.ctx.store.batches.release(id, job.attempt, this.instance).catch(() => undefined);
  }
}

/** The runner of a service configured so (DATA_DIR, CONTENT_DIR, BATCH_*), not yet started. */
export function createBatchRunner(ctx: AppContext, config: Config, logError: (message: string) => void): BatchRunner {
  return new BatchRunner(ctx, {
    dataDir: config.DATA_DIR,
    ...(config.CONTENT_DIR && { contentRoot: config.CONTENT_DIR }),
    limits: { uploadBytes: config.BATCH_UPLOAD_LIMIT, quotaBytes: config.BATCH_QUOTA, maxRunning: config.BATCH_MAX_RUNNING, resultDays: config.BATCH_RESULT_DAYS },
    retention: { inputDays: config.BATCH_INPUT_DAYS, resultDays: config.BATCH_RESULT_DAYS },
    logError,
  }, { leaseMs: config.BATCH_LEASE_SECONDS * 1000, concurrency: config.BATCH_WORKERS });
}
