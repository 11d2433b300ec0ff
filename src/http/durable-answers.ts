import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';

/**
 * No answer leaves before every commit made so far is on the disk. With SQLite's grouped commits
 * (decision 018) a commit is flushed just after it is made, off the event loop: the answer that
 * acknowledges a write, or shows it to someone else, waits for that flush, so what a user was told
 * is saved survives a power cut as it did when each commit was flushed on its own. Nothing waits
 * when nothing is pending (reads, PostgreSQL). A flush that fails sends no answer: the connection
 * is closed, so no write is acknowledged that may not be on the disk.
 */
export function durableAnswers(store: Store, log: Logger) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const end = res.end;
    res.end = function (this: Response, ...args: unknown[]) {
      const flushed = store.durable();
      if (!flushed) return (end as (...a: unknown[]) => Response).apply(this, args);
      flushed.then(
        () => (end as (...a: unknown[]) => Response).apply(this, args),
        (error: Error) => {
          log.error({ reason: error.message }, 'the database could not flush its commits to the disk: answer withheld, connection closed');
          this.destroy();
        },
      );
      return this;
    } as Response['end'];
    next();
  };
}
