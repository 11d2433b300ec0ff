import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { bilingual } from '../core/text.js';
import type { Store } from '../store/store.js';
import { sendError } from './api-error.js';
import { requestLang } from './request-lang.js';

/** Set on an answer whose end waits for a flush: it is given, though its headers are not sent yet. */
export const ANSWERED = 'answeredAwaitingFlush';

/**
 * No answer leaves before every commit made so far is on the disk. With SQLite's grouped commits
 * (decision 018) a commit is flushed just after it is made, off the event loop: the answer that
 * acknowledges a write, or shows it to someone else, waits for that flush, so what a user was told
 * is saved survives a power cut as it did when each commit was flushed on its own. An answer
 * written in pieces (a PDF, a results file) is held from its first byte. Nothing waits when
 * nothing is pending (reads, PostgreSQL). Liveness and readiness pass by: readiness asks the store
 * itself. Once a flush has failed nothing more is acknowledged: the answers held are not sent
 * (their connections are closed) and every request is refused before it can write.
 */
export function durableAnswers(store: Store, log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path === '/health' || req.path === '/ready') {
      next();
      return;
    }
    if (store.flushFailure()) {
      res.setHeader('Retry-After', '60');
      sendError(res, 503, 'storage-unavailable', bilingual(
        'Le service ne peut plus enregistrer sur son disque : rien n’a été modifié ; réessayez plus tard.',
        'The service can no longer save to its disk: nothing was changed; try again later.',
      ), requestLang(req));
      return;
    }
    const { end, write } = res as unknown as { end: (...a: unknown[]) => Response; write: (...a: unknown[]) => boolean };
    let withheld = false;
    const withhold = (error: Error) => {
      if (withheld) return;
      withheld = true;
      log.error({ reason: error.message }, 'the database could not flush its commits to the disk: answer withheld, connection closed');
      res.destroy();
    };
    let held = false;
    res.write = function (this: Response, ...args: unknown[]) {
      const flushed = held ? undefined : store.durable();
      if (flushed) {
        // Its bytes wait in the socket until the flush; the end (below) waits for it too.
        held = true;
        this.cork();
        flushed.then(() => this.uncork(), withhold);
      }
      return write.apply(this, args);
    } as Response['write'];
    res.end = function (this: Response, ...args: unknown[]) {
      const flushed = store.durable();
      if (!flushed) return end.apply(this, args);
      this.locals[ANSWERED] = true;
      flushed.then(() => {
        try {
          end.apply(this, args);
        } catch (error) {
          // Thrown here, out of the route, it would end the process: the one answer fails instead.
          log.error({ reason: (error as Error).message }, 'the answer could not be sent');
          this.destroy();
        }
      }, withhold);
      return this;
    } as Response['end'];
    next();
  };
}
