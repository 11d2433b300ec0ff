import type { Actor } from '../core/access.js';
import type { AuditEntry } from '../store/records.js';
import type { Store } from '../store/store.js';
import { isoNow, type AppContext } from './app-context.js';

/** What an organiser's write to an event leaves in its history (the rest: who, when, which event). */
export type EventAuditEntry = Pick<AuditEntry, 'action' | 'entity' | 'entityId' | 'detail'>;

/**
 * An organiser's write to an event, in one transaction with its line in the event's history.
 * `write` returns what it wrote, or nothing (undefined, false) when its version was stale: then
 * nothing is audited, and the caller answers 409.
 */
export async function auditedEventWrite<T>(ctx: AppContext, actor: Actor, eventId: number, write: (tx: Store, now: string) => Promise<T | undefined | false>, audit: (done: T) => EventAuditEntry): Promise<T | undefined> {
  const now = isoNow(ctx);
  return ctx.store.transaction(async (tx) => {
    const done = await write(tx, now);
    if (done === undefined || done === false) return undefined;
    await tx.audit.record({ at: now, userId: actor.userId, organisationId: null, eventId, ...audit(done) });
    return done;
  });
}
