import type { Db } from './database.js';

export type BatchStatus = 'queued' | 'running' | 'done' | 'failed';

export interface BatchRecord {
  id: number;
  userId: number;
  status: BatchStatus;
  inputFormat: string;
  outputFormat: string;
  store: boolean;
  lang: string;
  rows: number;
  bytesRead: number;
  totalBytes: number;
  summary: unknown;
  stored: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Bytes of the input and of the results still on disk (the owner's quota counts them). */
  inputBytes: number;
  resultBytes: number;
  inputRemovedAt: string | null;
  resultsRemovedAt: string | null;
}

interface Row {
  id: number; user_id: number; status: BatchStatus; input_format: string; output_format: string; store: number; lang: string;
  rows: number; bytes_read: number; total_bytes: number; summary: string | null; stored: number; error: string | null; created_at: string; finished_at: string | null;
  input_bytes: number; result_bytes: number; input_removed_at: string | null; results_removed_at: string | null;
}

const toRecord = (r: Row): BatchRecord => ({
  id: r.id, userId: r.user_id, status: r.status, inputFormat: r.input_format, outputFormat: r.output_format, store: r.store === 1, lang: r.lang,
  rows: r.rows, bytesRead: r.bytes_read, totalBytes: r.total_bytes, summary: r.summary === null ? null : JSON.parse(r.summary), stored: r.stored,
  error: r.error, createdAt: r.created_at, finishedAt: r.finished_at,
  inputBytes: r.input_bytes, resultBytes: r.result_bytes, inputRemovedAt: r.input_removed_at, resultsRemovedAt: r.results_removed_at,
});

export type BatchFiles = 'input' | 'results';

export class BatchesRepository {
  constructor(private readonly db: Db) {}

  /**
   * Creates a queued batch, its file still to come, unless the user already has `maxRunning`
   * batches queued or running. One immediate transaction, so that uploads arriving together, on
   * this instance or another, cannot all slip under the limit.
   */
  admit(input: { userId: number; inputFormat: string; outputFormat: string; store: boolean; lang: string }, maxRunning: number, now: string): BatchRecord | undefined {
    return this.db.transaction(() => {
      if (this.running(input.userId) >= maxRunning) return undefined;
      const id = this.db
        .prepare("INSERT INTO batches (user_id, status, input_format, output_format, store, lang, created_at, input_hash) VALUES (?, 'queued', ?, ?, ?, ?, ?, '')")
        .run(input.userId, input.inputFormat, input.outputFormat, input.store ? 1 : 0, input.lang, now).lastInsertRowid;
      return this.get(Number(id))!;
    }).immediate();
  }

  /** The user's batches queued (their file maybe still arriving) or running. */
  running(userId: number): number {
    return this.db.prepare("SELECT count(*) FROM batches WHERE user_id = ? AND status IN ('queued', 'running')").pluck().get(userId) as number;
  }

  /** The input file is on disk: its hash (which identifies the file) and size. */
  received(id: number, input: { inputHash: string; inputBytes: number }): BatchRecord {
    this.db.prepare('UPDATE batches SET input_hash = ?, input_bytes = ? WHERE id = ?').run(input.inputHash, input.inputBytes, id);
    return this.get(id)!;
  }

  /** A batch whose upload was refused or abandoned: it never existed for its user. */
  discard(id: number): void {
    this.db.prepare('DELETE FROM batches WHERE id = ?').run(id);
  }

  resultWritten(id: number, bytes: number): void {
    this.db.prepare('UPDATE batches SET result_bytes = ? WHERE id = ?').run(bytes, id);
  }

  /** Bytes the user's batches keep on disk, inputs and results. */
  storedBytes(userId: number): number {
    return this.db.prepare('SELECT coalesce(sum(input_bytes + result_bytes), 0) FROM batches WHERE user_id = ?').pluck().get(userId) as number;
  }

  /** Ended batches (done or failed) finished at or before `before` whose input, or results, are still kept. */
  endedWithFiles(files: BatchFiles, before: string): BatchRecord[] {
    const removed = files === 'input' ? 'input_removed_at' : 'results_removed_at';
    return (this.db.prepare(`SELECT * FROM batches WHERE status IN ('done', 'failed') AND finished_at <= ? AND ${removed} IS NULL ORDER BY id`).all(before) as Row[]).map(toRecord);
  }

  filesRemoved(id: number, files: BatchFiles, now: string): void {
    if (files === 'input') this.db.prepare('UPDATE batches SET input_bytes = 0, input_removed_at = ? WHERE id = ?').run(now, id);
    else this.db.prepare('UPDATE batches SET input_bytes = 0, result_bytes = 0, input_removed_at = coalesce(input_removed_at, ?), results_removed_at = ? WHERE id = ?').run(now, now, id);
  }

  /** The ids of every batch, to tell a folder left by nobody from one in use. */
  ids(): Set<number> {
    return new Set(this.db.prepare('SELECT id FROM batches').pluck().all() as number[]);
  }

  get(id: number): BatchRecord | undefined {
    const row = this.db.prepare('SELECT * FROM batches WHERE id = ?').get(id) as Row | undefined;
    return row && toRecord(row);
  }

  byUser(userId: number): BatchRecord[] {
    return (this.db.prepare('SELECT * FROM batches WHERE user_id = ? ORDER BY id DESC').all(userId) as Row[]).map(toRecord);
  }

  progress(id: number, p: { status: BatchStatus; rows: number; bytesRead: number; totalBytes: number }): void {
    this.db.prepare('UPDATE batches SET status = ?, rows = ?, bytes_read = ?, total_bytes = ? WHERE id = ?').run(p.status, p.rows, p.bytesRead, p.totalBytes, id);
  }

  /** A batch's end; `rows`, when given, is the final count (progress reports are throttled and may miss the last rows). */
  finish(id: number, outcome: { status: 'done' | 'failed'; summary?: unknown; rows?: number; error?: string }, now: string): void {
    this.db
      .prepare('UPDATE batches SET status = ?, summary = ?, error = ?, finished_at = ?, rows = COALESCE(?, rows), bytes_read = CASE WHEN ? THEN total_bytes ELSE bytes_read END WHERE id = ?')
      .run(outcome.status, outcome.summary === undefined ? null : JSON.stringify(outcome.summary), outcome.error ?? null, now, outcome.rows ?? null, outcome.status === 'done' ? 1 : 0, id);
  }

  /**
   * Records an assessment stored from a row; false if a batch of the same file already stored one
   * for this organisation (the caller then keeps nothing new).
   */
  linkAssessment(batchId: number, organisationId: number, assessmentId: number): boolean {
    const changed = this.db
      .prepare('INSERT OR IGNORE INTO stored_rows (input_hash, organisation_id, assessment_id, batch_id) SELECT input_hash, ?, ?, id FROM batches WHERE id = ?')
      .run(organisationId, assessmentId, batchId).changes;
    if (changed === 1) this.db.prepare('UPDATE batches SET stored = stored + 1 WHERE id = ?').run(batchId);
    return changed === 1;
  }

  /** Whether this file (any batch of it) already stored an assessment for the organisation. */
  hasAssessment(batchId: number, organisationId: number): boolean {
    return this.db
      .prepare('SELECT 1 FROM stored_rows WHERE organisation_id = ? AND input_hash = (SELECT input_hash FROM batches WHERE id = ?)')
      .get(organisationId, batchId) !== undefined;
  }

  /** Batches left running when the process stopped: they are marked failed at start-up. */
  failInterrupted(now: string): number {
    return this.db.prepare("UPDATE batches SET status = 'failed', error = 'interrupted', finished_at = ? WHERE status IN ('queued', 'running')").run(now).changes;
  }
}
