import { ApiError } from './api.js';
import type { AnswerValue, Assessment } from './api-types.js';

export type Part = 'profile' | 'answers';
/** null clears an answer. */
export type Changes = Record<Part, Record<string, AnswerValue | null>>;
export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

/** Where unsaved changes wait, so a reload, a closed tab or an expired session loses none. */
export interface PendingStore {
  load(): Changes | undefined;
  save(changes: Changes): void;
}

/** Keeps an assessment's unsaved changes in the tab's sessionStorage. */
export function sessionPendingStore(assessmentId: number): PendingStore {
  const key = `impact-score.pending.${assessmentId}`;
  return {
    load() {
      try {
        const raw = sessionStorage.getItem(key);
        return raw ? (JSON.parse(raw) as Changes) : undefined;
      } catch {
        return undefined;
      }
    },
    save(changes) {
      try {
        if (count(changes) === 0) sessionStorage.removeItem(key);
        else sessionStorage.setItem(key, JSON.stringify(changes));
      } catch {
        // Storage full or refused: the changes are still in memory and saved when possible.
      }
    },
  };
}

const empty = (): Changes => ({ profile: {}, answers: {} });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const count = (c: Changes) => Object.keys(c.profile).length + Object.keys(c.answers).length;

/**
 * Saves answers as they are given: changes wait a moment (typing), then go in one PATCH with the
 * version they were made on. A save refused because the assessment changed elsewhere (409) keeps
 * the unsaved changes and stops until the user decides; a value the server refuses (422) is set
 * aside with its message while the others are saved.
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
  lastError: ApiError | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    assessment: Assessment,
    private readonly save: (version: number, changes: Changes) => Promise<Assessment>,
    private readonly onUpdate: () => void,
    private readonly store?: PendingStore,
    private readonly delayMs = 600,
  ) {
    this.assessment = assessment;
    const restored = store?.load();
    if (restored && count(restored) > 0 && assessment.status === 'draft') {
      this.pending = { profile: { ...restored.profile }, answers: { ...restored.answers } };
      this.state = 'pending';
      this.schedule();
    }
  }

  /** What the form shows: saved values overlaid with the pending ones. */
  value(part: Part, id: string): AnswerValue | undefined {
    const pending = this.pending[part];
    if (id in pending) return pending[id] ?? undefined;
    return this.assessment[part][id];
  }

  change(part: Part, id: string, value: AnswerValue | null): void {
    this.pending[part][id] = value;
    this.store?.save(this.pending);
    this.errors.delete(`/${part}/${id}`);
    if (this.state !== 'conflict') this.state = 'pending';
    this.schedule();
    this.onUpdate();
  }

  /** Saves now what is pending, and resolves once nothing is (or a conflict or error stops it). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (this.state === 'conflict' || count(this.pending) === 0) return;
    this.inFlight = this.send().finally(() => {
      this.inFlight = undefined;
    });
    await this.inFlight;
    if (this.state === 'pending') await this.flush();
  }

  /** After a conflict: put my pending changes on top of what was saved elsewhere. */
  async keepMine(): Promise<void> {
    if (!this.conflict) return;
    this.assessment = this.conflict;
    this.conflict = undefined;
    this.state = 'pending';
    this.onUpdate();
    await this.flush();
  }

  /** After a conflict: drop my pending changes and show what was saved elsewhere. */
  discardMine(): void {
    if (this.conflict) this.assessment = this.conflict;
    this.conflict = undefined;
    this.pending = empty();
    this.store?.save(this.pending);
    this.errors.clear();
    this.state = 'saved';
    this.onUpdate();
  }

  get unsavedCount(): number {
    return count(this.pending);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  private async send(): Promise<void> {
    const sent: Changes = { profile: { ...this.pending.profile }, answers: { ...this.pending.answers } };
    this.state = 'saving';
    this.onUpdate();
    try {
      this.assessment = await this.save(this.assessment.version, sent);
      this.acknowledge(sent);
      this.lastError = undefined;
      this.state = count(this.pending) === 0 ? 'saved' : 'pending';
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
      this.lastError = error;
      if (error.status === 409 && error.details.current) {
        this.conflict = error.details.current as Assessment;
        this.state = 'conflict';
      } else if (error.status === 422 && error.issues.length > 0) {
        this.setAside(error);
      } else if (error.status === 401) {
        // The session ended: the changes wait in storage until the user logs in again.
        this.state = 'error';
      } else {
        // Network down, server busy (503): keep everything and try again a little later.
        this.state = 'error';
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.flush(), 5000);
      }
    }
    this.onUpdate();
  }

  /** Forgets the pending changes the server now has, unless they were changed again meanwhile. */
  private acknowledge(sent: Changes): void {
    for (const part of ['profile', 'answers'] as const) {
      for (const [id, value] of Object.entries(sent[part])) {
        if (same(this.pending[part][id], value)) delete this.pending[part][id];
      }
    }
    this.store?.save(this.pending);
  }

  private setAside(error: ApiError): void {
    let setAside = 0;
    for (const issue of error.issues) {
      const [, part, id] = issue.path.split('/');
      if ((part === 'profile' || part === 'answers') && id !== undefined && id in this.pending[part]) {
        this.errors.set(issue.path, issue.message);
        delete this.pending[part][id];
        setAside++;
      }
    }
    this.store?.save(this.pending);
    // Nothing to set aside means the refusal is not about a value: stop rather than resend it.
    this.state = setAside === 0 || count(this.pending) === 0 ? 'error' : 'pending';
  }
}
