import { closeSync, openSync } from 'node:fs';
import { flushThread } from './flush-thread.js';

/** Flushes a file descriptor's data to the disk, calling back once done (fs.fdatasync's shape). */
export type DataSync = (fd: number, done: (error: Error | null) => void) => void;

/**
 * Group commit for a SQLite file in WAL mode with `synchronous = NORMAL`: SQLite writes each
 * commit to the WAL without flushing it; a flush (`fdatasync` of the WAL, on a thread of its own)
 * starts just after, and `durable()` gives the promise of one covering every commit made before
 * it was asked. Whoever acknowledges a write waits for that promise; commits made while a flush
 * runs share the next one. With `synchronous = FULL`, SQLite flushed the WAL on the event loop at
 * every commit (why, and the proof that this keeps what FULL kept: decision 018).
 */
export class GroupCommit {
  private readonly fd: number;
  /** Commits seen, and of those, how many are known to be on the disk. */
  private committed = 0;
  private synced = 0;
  /** The flush running, and the commits it covers. */
  private running: { upTo: number; promise: Promise<void> } | undefined;
  /** Those waiting for the next flush (commits made after the running one began). */
  private next: { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } | undefined;
  /**
   * A flush that failed: the kernel may have dropped the pages it could not write and a later
   * flush would then succeed without them, so no commit after it is ever called durable.
   */
  private failed: Error | undefined;
  private closed = false;
  /** A flush is to start once this turn of the event loop's commits are made. */
  private scheduled = false;

  private readonly sync: DataSync;
  private readonly thread: ReturnType<typeof flushThread> | undefined;

  /** `sync` flushes on a thread of its own unless given (a test that watches the flushes). */
  constructor(walFile: string, sync?: DataSync) {
    this.fd = openSync(walFile, 'r');
    if (!sync) this.thread = flushThread();
    this.sync = sync ?? this.thread!;
  }

  /**
   * Called as a commit returns (the statement that ended it, or a write outside any transaction).
   * A flush starts once the commits of this turn of the event loop are made, whether or not an
   * answer waits for it: a commit nobody acknowledges (a batch's progress) is on the disk as soon.
   */
  committedOne(): void {
    this.committed++;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      // A failure is kept (`failure`) and said to whoever waits next.
      this.durable()?.catch(() => undefined);
    });
  }

  /** The flush that failed, if one did: nothing is durable after it. */
  get failure(): Error | undefined {
    return this.failed;
  }

  /** Undefined when every commit made so far is on the disk; otherwise the promise of a flush covering them all. */
  durable(): Promise<void> | undefined {
    if (this.synced >= this.committed) return undefined;
    if (this.failed) return Promise.reject(this.failed);
    if (this.running && this.running.upTo >= this.committed) return this.running.promise;
    if (this.closed) return Promise.reject(closedFirst());
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      this.next = { promise, resolve, reject };
    }
    const waiting = this.next.promise;
    this.flush();
    return waiting;
  }

  private flush(): void {
    if (this.running || !this.next || this.closed) return;
    const batch = this.next;
    this.next = undefined;
    const upTo = this.committed;
    this.running = { upTo, promise: batch.promise };
    this.sync(this.fd, (error) => {
      this.running = undefined;
      if (this.closed) this.release();
      if (error) {
        this.failed = error;
        batch.reject(error);
        this.next?.reject(error);
        this.next = undefined;
        return;
      }
      this.synced = upTo;
      batch.resolve();
      this.flush();
    });
  }

  /** Closes the WAL's descriptor, once the flush running (if any) is done; SQLite flushes the rest as it closes. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.next?.reject(closedFirst());
    this.next = undefined;
    if (!this.running) this.release();
  }

  private release(): void {
    closeSync(this.fd);
    void this.thread?.stop();
  }
}

const closedFirst = () => new Error('the database was closed before its last commits were flushed');
