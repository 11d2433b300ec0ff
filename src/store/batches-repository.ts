import type { Selectable } from 'kysely';
import { changed, exclusive, type Queries } from './queries.js';
import type { IssueView } from '../core/issue.js';
import type { BatchesTable } from './schema.js';

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
  /** Why a failed batch failed, as its owner reads it. */
  error: IssueView | null;
  createdAt: string;
  finishedAt: string | null;
  /** Bytes of the input and of the results still on disk (the owner's quota counts them). */
  inputBytes: number;
  resultBytes: number;
  inputRemovedAt: string | null;
  resultsRemovedAt: string | null;
}

/** How the upload asked its rows to be scored, kept for whichever instance runs the job. */
export interface BatchOptions {
  partial: boolean;
  suggestions: number;
  /** Reject rows answering questions that do not apply to them, rather than ignore those answers with a warning. */
  strict?: boolean;
  /** The spreadsheet dialect of CSV results, when not the input's. */
  excel?: 'fr' | 'en';
}

/** A batch an instance has claimed: `attempt` names this claim, and every later write is checked against it. */
export interface ClaimedBatch {
  record: BatchRecord;
  attempt: number;
  options: BatchOptions;
  /** Claimed before its file had arrived: the upload was cut off with the instance receiving it. */
  uploadLost: boolean;
}

const toRecord = (r: Selectable<BatchesTable>): BatchRecord => ({
  id: r.id, userId: r.user_id, status: r.status, inputFormat: r.input_format, outputFormat: r.output_format, store: r.store === 1, lang: r.lang,
  rows: r.rows, bytesRead: r.bytes_read, totalBytes: r.total_bytes, summary: r.summary === null ? null : JSON.parse(r.summary), stored: r.stored,
  error: storedFailure(r.error), createdAt: r.created_at, finishedAt: r.finished_at,
  inputBytes: r.input_bytes, resultBytes: r.result_bytes, inputRemovedAt: r.input_removed_at, resultsRemovedAt: r.results_removed_at,
});

/** Failures are stored as issues (JSON); those stored before were their message alone. */
function storedFailure(stored: string | null): IssueView | null {
  if (stored === null) return null;
  return stored.startsWith('{') ? (JSON.parse(stored) as IssueView) : { code: 'batch-failed', path: '', message: stored };
}

export type BatchFiles = 'input' | 'results';

/** Who holds a batch, and until when, unless they extend it. */
export interface Lease {
  instance: string;
  until: string;
}

export class BatchesRepository {
  constructor(private readonly q: Queries) {}

  /**
   * Creates a queued batch, its file still to come and held by the instance receiving it, unless
   * the user already has `maxRunning` batches queued or running. Admissions of one user, on this
   * instance or another, are made one at a time, so that uploads arriving together cannot all
   * slip under the limit.
   */
  async admit(input: { userId: number; inputFormat: string; outputFormat: string; store: boolean; lang: string; options: BatchOptions }, maxRunning: number, now: string, lease: Lease): Promise<BatchRecord | undefined> {
    return this.q.atomic(async (db) => {
      await exclusive(db, this.q.dialect, `batch-admission:${input.userId}`);
      const running = await db.selectFrom('batches').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', input.userId).where('status', 'in', ['queued', 'running']).executeTakeFirstOrThrow();
      if (Number(running.n) >= maxRunning) return undefined;
      const row = await db
        .insertInto('batches')
        .values({
          user_id: input.userId, status: 'queued', input_format: input.inputFormat, output_format: input.outputFormat, store: input.store ? 1 : 0, lang: input.lang,
          created_at: now, input_hash: '', options: JSON.stringify(input.options), claimed_by: lease.instance, lease_until: lease.until,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    });
  }

  /** The user's batches queued (their file maybe still arriving) or running. */
  async running(userId: number): Promise<number> {
    const row = await this.q.db.selectFrom('batches').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('status', 'in', ['queued', 'running']).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The input file is on disk: its hash (which identifies the file) and size; the batch is now free for any instance to run. */
  async received(id: number, input: { inputHash: string; inputBytes: number }): Promise<BatchRecord> {
    const row = await this.q.db
      .updateTable('batches')
      .set({ input_hash: input.inputHash, input_bytes: input.inputBytes, claimed_by: null, lease_until: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  /** A batch whose upload was refused or abandoned: it never existed for its user. */
  async discard(id: number): Promise<void> {
    await this.q.db.deleteFrom('batches').where('id', '=', id).execute();
  }

  async resultWritten(id: number, bytes: number): Promise<void> {
    await this.q.db.updateTable('batches').set({ result_bytes: bytes }).where('id', '=', id).execute();
  }

  /** Bytes the user's batches keep on disk, inputs and results. */
  async storedBytes(userId: number): Promise<number> {
    const row = await this.q.db
      .selectFrom('batches')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb('input_bytes', '+', eb.ref('result_bytes'))), eb.lit(0)).as('bytes'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.bytes);
  }

  /** Ended batches (done or failed) finished at or before `before` whose input, or results, are still kept. */
  async endedWithFiles(files: BatchFiles, before: string): Promise<BatchRecord[]> {
    const rows = await this.q.db
      .selectFrom('batches')
      .selectAll()
      .where('status', 'in', ['done', 'failed'])
      .where('finished_at', '<=', before)
      .where(files === 'input' ? 'input_removed_at' : 'results_removed_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  async filesRemoved(id: number, files: BatchFiles, now: string): Promise<void> {
    await this.q.db
      .updateTable('batches')
      .set((eb) => (files === 'input'
        ? { input_bytes: 0, input_removed_at: now }
        : { input_bytes: 0, result_bytes: 0, input_removed_at: eb.fn.coalesce('input_removed_at', eb.val(now)), results_removed_at: now }))
      .where('id', '=', id)
      .execute();
  }

  /** The ids of every batch, to tell a folder left by nobody from one in use. */
  async ids(): Promise<Set<number>> {
    return new Set((await this.q.db.selectFrom('batches').select('id').execute()).map((r) => r.id));
  }

  async get(id: number): Promise<BatchRecord | undefined> {
    const row = await this.q.db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async byUser(userId: number): Promise<BatchRecord[]> {
    return (await this.q.db.selectFrom('batches').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute()).map(toRecord);
  }

  /**
   * Claims the oldest batch ready to run — its file received and nobody holding it, or held by an
   * instance whose lease ran out — as a new attempt. On PostgreSQL the row is locked as it is
   * chosen and rows other instances are claiming are skipped (`FOR UPDATE SKIP LOCKED`); on SQLite
   * the statement runs alone. Undefined when nothing is waiting.
   */
  async claim(lease: Lease, now: string): Promise<ClaimedBatch | undefined> {
    const row = await this.q.db
      .updateTable('batches')
      .set((eb) => ({ status: 'running', claimed_by: lease.instance, lease_until: lease.until, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', (eb) => eb
        .selectFrom('batches')
        .select('id')
        .where((w) => w.or([
          w.and([w('status', '=', 'queued'), w('claimed_by', 'is', null), w('input_hash', '<>', '')]),
          w.and([w('status', 'in', ['queued', 'running']), w('lease_until', '<', now)]),
        ]))
        .orderBy('id')
        .limit(1)
        .$if(this.q.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked()))
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    const options = JSON.parse(row.options) as Partial<BatchOptions>;
    return {
      record: toRecord(row), attempt: row.attempts, uploadLost: row.input_hash === '',
      options: { partial: options.partial ?? false, suggestions: options.suggestions ?? 3, ...(options.strict && { strict: true }), ...(options.excel && { excel: options.excel }) },
    };
  }

  /**
   * Extends the lease of a batch this instance holds — claimed (`attempt` ≥ 1), or still receiving
   * its file (`attempt` 0); false when the claim was lost (the lease ran out and another instance
   * took the batch).
   */
  async extend(id: number, attempt: number, lease: Lease): Promise<boolean> {
    const result = await this.q.db
      .updateTable('batches')
      .set({ lease_until: lease.until })
      .where('id', '=', id)
      .where('attempts', '=', attempt)
      .where('claimed_by', '=', lease.instance)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return changed(result) === 1;
  }

  /** Lets go of a batch this attempt holds, for any instance to claim at once (this one is stopping). */
  async release(id: number, attempt: number, instance: string): Promise<void> {
    await this.q.db
      .updateTable('batches')
      .set({ lease_until: new Date(0).toISOString() })
      .where('id', '=', id)
      .where('attempts', '=', attempt)
      .where('claimed_by', '=', instance)
      .where('status', '=', 'running')
      .execute();
  }

  /** Progress of the attempt that holds the batch; false when it no longer does. */
  async progress(id: number, attempt: number, p: { rows: number; bytesRead: number; totalBytes: number }): Promise<boolean> {
    const result = await this.q.db
      .updateTable('batches')
      .set({ rows: p.rows, bytes_read: p.bytesRead, total_bytes: p.totalBytes })
      .where('id', '=', id)
      .where('attempts', '=', attempt)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return changed(result) === 1;
  }

  /**
   * A batch's end; `rows`, when given, is the final count (progress reports are throttled and may
   * miss the last rows). With `attempt`, only that attempt may end it: false when another one
   * holds it now, or it has already ended.
   */
  async finish(id: number, outcome: { status: 'done' | 'failed'; summary?: unknown; rows?: number; error?: IssueView }, now: string, attempt?: number): Promise<boolean> {
    const result = await this.q.db
      .updateTable('batches')
      .set((eb) => ({
        status: outcome.status, summary: outcome.summary === undefined ? null : JSON.stringify(outcome.summary), error: outcome.error === undefined ? null : JSON.stringify(outcome.error), finished_at: now,
        rows: outcome.rows ?? eb.ref('rows'), bytes_read: outcome.status === 'done' ? eb.ref('total_bytes') : eb.ref('bytes_read'), claimed_by: null, lease_until: null,
      }))
      .where('id', '=', id)
      .$if(attempt !== undefined, (qb) => qb.where('attempts', '=', attempt!).where('status', '=', 'running'))
      .executeTakeFirst();
    return changed(result) === 1;
  }

  /**
   * Records an assessment stored from a row; false if a batch of the same file already stored one
   * for this organisation (the caller then keeps nothing new).
   */
  async linkAssessment(batchId: number, organisationId: number, assessmentId: number): Promise<boolean> {
    const inserted = await this.q.db
      .insertInto('stored_rows')
      .columns(['input_hash', 'organisation_id', 'assessment_id', 'batch_id'])
      .expression((eb) => eb.selectFrom('batches').select((s) => ['input_hash', s.val(organisationId).as('organisation_id'), s.val(assessmentId).as('assessment_id'), 'id']).where('id', '=', batchId))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    const linked = Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
    if (linked) await this.q.db.updateTable('batches').set((eb) => ({ stored: eb('stored', '+', 1) })).where('id', '=', batchId).execute();
    return linked;
  }

  /** Whether this file (any batch of it) already stored an assessment for the organisation. */
  async hasAssessment(batchId: number, organisationId: number): Promise<boolean> {
    const row = await this.q.db
      .selectFrom('stored_rows')
      .select('organisation_id')
      .where('organisation_id', '=', organisationId)
      .where('input_hash', '=', (eb) => eb.selectFrom('batches').select('input_hash').where('id', '=', batchId))
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Ends the leases of every batch held by any instance, so that they are claimed again at once.
   * Only where no other instance can be running: a SQLite file serves one process.
   */
  async releaseAll(): Promise<number> {
    return changed(await this.q.db.updateTable('batches').set({ lease_until: new Date(0).toISOString() }).where('status', 'in', ['queued', 'running']).where('claimed_by', 'is not', null).executeTakeFirst());
  }
}
