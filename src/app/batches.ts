import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { organisationAccess, type Actor } from '../core/access.js';
import { score } from '../core/score.js';
import { missingAnswers, validateAnswers } from '../core/validate-answers.js';
import type { AnswersDocument } from '../core/content-model.js';
import { bilingual, type Lang } from '../core/text.js';
import { BatchFailed, failureOf, runJob, serverDetail, type BatchJob } from '../batch/batch-job-worker.js';
import type { InputFormat } from '../batch/read-rows.js';
import { organisationRef, sirenRef } from '../batch/store-refs.js';
import type { BatchSummary } from '../batch/batch-summary.js';
import type { OutputFormat } from '../batch/write-results.js';
import type { BatchRecord } from '../store/batches-repository.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, notFound, ok, type Result } from './app-error.js';
import { receiveBatchInput, type BatchLimits, type IncomingFile } from './batch-intake.js';
import { resultsGuard } from './batch-quota.js';
import { removeInput, type BatchRetention } from './batch-retention.js';
import { batchFolder } from './data-folder.js';
import { listOrganisations } from './organisations.js';

const JOB_WORKER = fileURLToPath(new URL('../batch/batch-job-worker.js', import.meta.url));
const running = new Map<number, Promise<void>>();

export interface BatchUpload extends IncomingFile {
  inputFormat: InputFormat;
  outputFormat: OutputFormat;
  /** Score rows that leave required questions unanswered instead of rejecting them (never stored). */
  partial: boolean;
  /** Reject rows answering questions that do not apply to them (otherwise those answers are ignored with a warning). */
  strict?: boolean;
  /** CSV results for French or English Excel, whatever the file's dialect. */
  excel?: 'fr' | 'en';
  lang: Lang;
  suggestions: number;
}

/** Where batch files go, how much each user may keep and run, how long files stay, and where failures are logged. */
export interface BatchStorage {
  dataDir: string;
  contentRoot?: string;
  limits: BatchLimits;
  retention: BatchRetention;
  logError: (message: string) => void;
}

/**
 * Accepts a portfolio file from an advisor (or admin) and scores it in the background, off the
 * request thread. With `store`, rows naming an organisation of the portfolio in their
 * `organisation` (its number) or `siren` column — never by their free-text `id` — become that
 * organisation's submitted assessment, once per batch.
 */
export async function startBatch(ctx: AppContext, actor: Actor, upload: BatchUpload, storage: BatchStorage): Promise<Result<BatchRecord>> {
  if (actor.role !== 'advisor' && actor.role !== 'admin') {
    return fail('forbidden', 'forbidden', bilingual('Le calcul de portefeuilles est réservé aux conseillers.', 'Portfolio scoring is for advisors.'));
  }
  const received = await receiveBatchInput(ctx, actor, upload, storage.limits, storage.dataDir);
  if (!received.ok) return received;
  const { record, input } = received.value;
  const folder = batchFolder(storage.dataDir, record.id);
  const contentRoot = storage.contentRoot;
  const portfolio = new Map<string, number>();
  if (upload.store) {
    for (const org of listOrganisations(ctx, actor).filter((o) => o.access === 'edit')) {
      portfolio.set(organisationRef(org.id), org.id);
      if (org.siren) portfolio.set(sirenRef(org.siren), org.id);
    }
  }
  const job: BatchJob = {
    input, inputFormat: upload.inputFormat, output: join(folder, `scores.${upload.outputFormat}`), outputFormat: upload.outputFormat,
    ...(contentRoot && { contentRoot }), lang: upload.lang, suggestions: upload.suggestions, partial: upload.partial, strict: upload.strict === true, ...(upload.excel && { excel: upload.excel }), keep: [...portfolio.keys()],
  };
  running.set(record.id, follow(ctx, actor, record.id, job, portfolio, storage).finally(() => {
    running.delete(record.id);
    afterBatch(ctx, record.id, job, storage);
  }));
  return ok(record);
}

/** Once a batch has ended: its results counted in the quota, its input removed if the schedule says at once. */
function afterBatch(ctx: AppContext, id: number, job: BatchJob, storage: BatchStorage): void {
  try {
    ctx.store.batches.resultWritten(id, existsSync(job.output) ? statSync(job.output).size : 0);
    if (storage.retention.inputDays === 0) {
      removeInput(storage.dataDir, id);
      ctx.store.batches.filesRemoved(id, 'input', isoNow(ctx));
    }
  } catch (error) {
    // The next sweep removes what is due; the batch's own outcome is already recorded.
    storage.logError(`batch ${id}: files not tidied: ${(error as Error).message}`);
  }
}

async function follow(ctx: AppContext, actor: Actor, id: number, job: BatchJob, portfolio: ReadonlyMap<string, number>, storage: BatchStorage): Promise<void> {
  const documents: { orgId: number; document: AnswersDocument }[] = [];
  const onMessage = (m: { type: string; [key: string]: unknown }) => {
    if (m.type === 'progress') ctx.store.batches.progress(id, { status: 'running', rows: m.rows as number, bytesRead: m.bytesRead as number, totalBytes: m.totalBytes as number });
    else if (m.type === 'document') {
      const orgId = storedInto(portfolio, m.refs as string[]);
      if (orgId !== undefined) documents.push({ orgId, document: m.document as AnswersDocument });
    }
  };
  try {
    ctx.store.batches.progress(id, { status: 'running', rows: 0, bytesRead: 0, totalBytes: 0 });
    const withinQuota = resultsGuard(ctx, actor.userId, id, job.lang, storage.limits);
    const watched = (m: { type: string; [key: string]: unknown }) => {
      if (m.type === 'progress') withinQuota(`${job.output}.partial`);
      onMessage(m);
    };
    const summary = await (existsSync(JOB_WORKER) ? inWorker(job, watched) : inThread(job, watched));
    withinQuota(job.output);
    for (const { orgId, document } of documents) await storeRow(ctx, actor, id, orgId, document);
    ctx.store.batches.finish(id, { status: 'done', summary, rows: (summary as BatchSummary).rows }, isoNow(ctx));
  } catch (error) {
    const failure = failureOf(error as Error, job.lang);
    // What the advisor reads names no server file; what went wrong in full is for the server's log.
    const detail = error instanceof BatchFailed ? error.detail : serverDetail(error as Error);
    if (detail) storage.logError(`batch ${id} failed: ${detail}`);
    // A worker stopped mid-write leaves its partial file; results over quota are not kept either.
    for (const file of [`${job.output}.partial`, job.output]) rmSync(file, { force: true });
    ctx.store.batches.finish(id, { status: 'failed', error: failure }, isoNow(ctx));
  }
}

/** The organisation a kept row is stored into: the one all it names is; none if one names no organisation of the portfolio or two disagree. */
function storedInto(portfolio: ReadonlyMap<string, number>, refs: readonly string[]): number | undefined {
  const ids = new Set(refs.map((ref) => portfolio.get(ref)));
  return ids.size === 1 ? [...ids][0] : undefined;
}

function inWorker(job: BatchJob, onMessage: (m: { type: string; [key: string]: unknown }) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(JOB_WORKER, { workerData: job });
    worker.on('message', (m: { type: string; summary?: unknown; error?: string; detail?: string }) => {
      if (m.type === 'done') resolve(m.summary);
      else if (m.type === 'failed') reject(new BatchFailed(m.error!, m.detail ?? ''));
      else {
        try {
          onMessage(m);
        } catch (error) {
          // A batch stopped from here (over quota): the worker is ended where it stands.
          reject(error);
          void worker.terminate();
        }
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`batch worker exited with ${code}`)));
  });
}

// Running from sources (tests), there is no compiled worker script: the job runs here instead.
async function inThread(job: BatchJob, onMessage: (m: { type: string; [key: string]: unknown }) => void): Promise<unknown> {
  let summary: unknown;
  await runJob(job, (m) => {
    const message = m as { type: string; summary?: unknown; [key: string]: unknown };
    if (message.type === 'done') summary = message.summary;
    else onMessage(message);
  });
  return summary;
}

/**
 * Stores one row as the organisation's submitted assessment, in one transaction with the record
 * that this file stored it: a run killed at any point, then run again, stores it once. Rows that
 * are incomplete for a submission (scored by a partial batch) are not stored: the batch's `stored`
 * count says how many were.
 */
async function storeRow(ctx: AppContext, actor: Actor, batchId: number, orgId: number, document: AnswersDocument): Promise<void> {
  if (ctx.store.batches.hasAssessment(batchId, orgId) || organisationAccess(actor, orgId) !== 'edit') return;
  const { issues, applicability } = validateAnswers(ctx.scorer.index, document);
  if (issues.length > 0 || missingAnswers(ctx.scorer.index, applicability.status).length > 0) return;
  const outcome = await score(ctx.scorer, document);
  if (!outcome.ok) return;
  const now = isoNow(ctx);
  ctx.store.transaction(() => {
    if (ctx.store.batches.hasAssessment(batchId, orgId)) return;
    const draft = ctx.store.assessments.create({ organisationId: orgId, profile: document.profile, answers: document.answers, createdBy: actor.userId }, now);
    ctx.store.assessments.submit(draft.id, draft.version, outcome.value, actor.userId, now);
    ctx.store.batches.linkAssessment(batchId, orgId, draft.id);
    ctx.store.audit.record({ at: now, userId: actor.userId, organisationId: orgId, action: 'submit', entity: 'assessment', entityId: draft.id, detail: { batchId, global: outcome.value.global, contentVersion: outcome.value.contentVersion } });
  });
}

export function getBatch(ctx: AppContext, actor: Actor, id: number): Result<BatchRecord> {
  const record = ctx.store.batches.get(id);
  return record && (record.userId === actor.userId || actor.role === 'admin') ? ok(record) : notFound('Lot', 'Batch');
}

export function listBatches(ctx: AppContext, actor: Actor): BatchRecord[] {
  return ctx.store.batches.byUser(actor.userId);
}

/** Resolves once the batch has finished (for tests and the CLI); immediately if it is not running. */
export async function waitForBatch(id: number): Promise<void> {
  await running.get(id);
}
