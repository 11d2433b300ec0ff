import { ApiError } from './api.js';
import type { AnswerValue, Assessment } from './api-types.js';

export type Part = 'profile' | 'answers';
/** null clears an answer. */
export type Changes = Record<Part, Record<string, AnswerValue | null>>;
/**
 * saved: nothing waits; pending/saving: changes on their way; invalid: the server refused some
 * values (flagged on their fields), the rest is saved; error: saving stopped (see lastError);
 * retrying: the server could not be reached, a new attempt is scheduled; conflict: the assessment
 * changed elsewhere, the user decides.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error' | 'retrying' | 'conflict';

/** Unsaved changes and the version they were made on. */
export interface StoredChanges {
  version: number;
  changes: Changes;
}

/** Where unsaved changes wait, so a reload, a closed tab or an expired session loses none. */
export interface PendingStore {
  load(): StoredChanges | undefined;
  save(stored: StoredChanges): void;
}

const empty = (): Changes => ({ profile: {}, answers: {} });
const copy = (c: Changes): Changes => ({ profile: { ...c.profile }, answers: { ...c.answers } });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const count = (c: Changes) => Object.keys(c.profile).length + Object.keys(c.answers).length;
/** Worth trying again by itself: the server was unreachable or briefly unavailable. */
const TRANSIENT = new Set([0, 502, 503, 504]);

/** Keeps an assessment's unsaved changes in the tab's sessionStorage. */
export function sessionPendingStore(assessmentId: number): PendingStore {
  const key = `impact-score.pending.${assessmentId}`;
  return {
    load() {
      try {
        const raw = sessionStorage.getItem(key);
        return raw ? (JSON.parse(raw) as StoredChanges) : undefined;
      } catch {
        return undefined;
      }
    },
    save(stored) {
      try {
        if (count(stored.changes) === 0) sessionStorage.removeItem(key);
        else sessionStorage.setItem(key, JSON.stringify(stored));
      } catch {
        // Storage full or refused: the changes are still in memory and saved when possible.
      }
    },
  };
}

/**
 * Saves answers as they are given: changes wait a moment (typing), then go in one PATCH with the
 * version they were made on. A save refused because the assessment changed elsewhere (409) keeps
 * the unsaved changes and stops until the user decides; a value the server refuses (422) is set
 * aside with its message while the others are saved; an unreachable server is tried again later;
 * anything else stops with its message.
 */
export class Autosaver {
  assessment: Assessment;
  state: SaveState = 'saved';
  /** Changes made and not yet acknowledged by the server (sent ones included until they are). */
  pending: Changes = empty();
  /** The server's message for values it refused, by JSON pointer ("/answers/x"). */
  errors = new Map<string, string>();
  /** The assessment as saved elsewhere, when a save hit a conflict. */
  conflict: Assessment | undefined;
  /** Answers the last save removed because they no longer apply (a gate answered "no"…). */
  removed: Record<string, AnswerValue> = {};
  lastError: ApiError | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private retryDelayMs: number;
  private disposed = false;
  private readonly store: PendingStore | undefined;
  private readonly delayMs: number;
  private readonly firstRetryMs: number;

  constructor(
    assessment: Assessment,
    private readonly save: (version: number, changes: Changes) => Promise<Assessment & { removed?: Record<string, AnswerValue> }>,
    private readonly onUpdate: () => void,
    options: { store?: PendingStore; delayMs?: number; retryMs?: number } = {},
  ) {
    this.assessment = assessment;
    this.store = options.store;
    this.delayMs = options.delayMs ?? 600;
    this.firstRetryMs = this.retryDelayMs = options.retryMs ?? 2000;
    this.restore(this.store?.load());
  }

  /** What the form shows: saved values overlaid with the pending ones. */
  value(part: Part, id: string): AnswerValue | undefined {
    const pending = this.pending[part];
    if (id in pending) return pending[id] ?? undefined;
    return this.assessment[part][id];
  }

  change(part: Part, id: string, value: AnswerValue | null): void {
    if (this.disposed) return;
    this.pending[part][id] = value;
    this.persist();
    this.errors.delete(`/${part}/${id}`);
    if (this.state !== 'conflict') this.state = 'pending';
    this.schedule(this.delayMs);
    this.onUpdate();
  }

  /** Saves now what is pending, and resolves once nothing is (or a conflict or error stops it). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (this.disposed || this.state === 'conflict' || count(this.pending) === 0) return;
    this.inFlight = this.send().finally(() => {
      this.inFlight = undefined;
    });
    await this.inFlight;
    if (this.state === 'pending') await this.flush();
  }

  /** After a conflict on a draft: put my pending changes on top of what was saved elsewhere. */
  async keepMine(): Promise<void> {
    if (!this.conflict || this.conflict.status !== 'draft') return;
    this.assessment = this.conflict;
    this.conflict = undefined;
    this.state = 'pending';
    this.persist();
    this.onUpdate();
    await this.flush();
  }

  /** After a conflict: drop my pending changes and show what was saved elsewhere. */
  discardMine(): void {
    if (this.conflict) this.assessment = this.conflict;
    this.conflict = undefined;
    this.pending = empty();
    this.persist();
    this.errors.clear();
    this.state = 'saved';
    this.onUpdate();
  }

  get unsavedCount(): number {
    return count(this.pending);
  }

  /** Stops every timer and callback: the form is gone (what is pending stays in the store). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  /** Changes kept from an earlier visit: made on an older version, they go through the conflict choice. */
  private restore(stored: StoredChanges | undefined): void {
    if (!stored || count(stored.changes) === 0) return;
    if (this.assessment.status !== 'draft') {
      this.store?.save({ version: this.assessment.version, changes: empty() });
      return;
    }
    this.pending = copy(stored.changes);
    if (stored.version === this.assessment.version) {
      this.state = 'pending';
      this.schedule(this.delayMs);
    } else {
      this.state = 'conflict';
      this.conflict = this.assessment;
    }
  }

  private persist(): void {
    this.store?.save({ version: this.assessment.version, changes: this.pending });
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    if (!this.disposed) this.timer = setTimeout(() => void this.flush(), delay);
  }

  private update(): void {
    if (!this.disposed) this.onUpdate();
  }

  private async send(): Promise<void> {
    const sent = copy(this.pending);
    this.state = 'saving';
    this.update();
    try {
      const saved = await this.save(this.assessment.version, sent);
      this.assessment = saved;
      this.removed = saved.removed ?? {};
      this.acknowledge(sent);
      this.lastError = undefined;
      this.retryDelayMs = this.firstRetryMs;
      this.state = count(this.pending) > 0 ? 'pending' : this.errors.size > 0 ? 'invalid' : 'saved';
    } catch (e) {
      this.failed(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)), sent);
    }
    this.persist();
    this.update();
  }

  private failed(error: ApiError, sent: Changes): void {
    this.lastError = error;
    if (error.status === 409 && error.details.current) {
      this.conflict = error.details.current as Assessment;
      this.state = 'conflict';
    } else if (error.status === 422 && this.setAside(error, sent) > 0) {
      this.state = count(this.pending) > 0 ? 'pending' : 'invalid';
    } else if (TRANSIENT.has(error.status)) {
      // Unreachable or briefly unavailable: keep everything, try again a little later, then less often.
      this.state = 'retrying';
      this.schedule(this.retryDelayMs);
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, 60_000);
    } else {
      // Refused for a reason a retry will not change (session ended, no right, gone): stop and say it.
      this.state = 'error';
    }
  }

  /**
   * Sets aside the refused values, unless the user changed them again since they were sent.
   * Returns how many issues were about a value of this save.
   */
  private setAside(error: ApiError, sent: Changes): number {
    let found = 0;
    for (const issue of error.issues) {
      const [, part, id] = issue.path.split('/');
      if ((part !== 'profile' && part !== 'answers') || id === undefined) continue;
      if (!(id in sent[part])) {
        // An answer saved earlier that no longer passes: flag it where it stands.
        this.errors.set(issue.path, issue.message);
        continue;
      }
      found++;
      if (same(this.pending[part][id], sent[part][id])) {
        this.errors.set(issue.path, issue.message);
        delete this.pending[part][id];
      }
    }
    return found;
  }

  /** Forgets the pending changes the server now has, unless they were changed again meanwhile. */
  private acknowledge(sent: Changes): void {
    for (const part of ['profile', 'answers'] as const) {
      for (const [id, value] of Object.entries(sent[part])) {
        if (same(this.pending[part][id], value)) delete this.pending[part][id];
      }
    }
  }
}
