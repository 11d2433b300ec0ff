import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
import type { OutputFormat } from '../batch/write-results.js';
import type { BatchRecord } from '../store/batches-repository.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, notFound, ok, type Result } from './app-error.js';
import { listOrganisations } from './organisations.js';

const JOB_WORKER = fileURLToPath(new URL('../batch/batch-job-worker.js', import.meta.url));
const running = new Map<number, Promise<void>>();

export interface BatchUpload {
  body: Buffer;
  inputFormat: InputFormat;
  outputFormat: OutputFormat;
  store: boolean;
  /** Score rows that leave required questions unanswered instead of rejecting them (never stored). */
  partial: boolean;
  lang: Lang;
  suggestions: number;
}

/** Where a batch's files live: under the data folder, named by the batch id only (never by the user). */
export function batchFolder(dataDir: string, id: number): string {
  return join(dataDir, 'batches', String(id));
}

/**
 * Accepts a portfolio file from an advisor (or admin) and scores it in the background, off the
 * request thread. With `store`, rows naming an organisation of the portfolio in their
 * `organisation` (its number) or `siren` column — never by their free-text `id` — become that
 * organisation's submitted assessment, once per batch.
 */
export function startBatch(ctx: AppContext, actor: Actor, upload: BatchUpload, dataDir: string, contentRoot?: string): Result<BatchRecord> {
  if (actor.role !== 'advisor' && actor.role !== 'admin') {
    return fail('forbidden', 'forbidden', bilingual('Le calcul de portefeuilles est réservé aux conseillers.', 'Portfolio scoring is for advisors.'));
  }
  const inputHash = createHash('sha256').update(upload.body).digest('hex');
  const record = ctx.store.batches.create({ userId: actor.userId, inputFormat: upload.inputFormat, outputFormat: upload.outputFormat, store: upload.store, lang: upload.lang, inputHash }, isoNow(ctx));
  const folder = batchFolder(dataDir, record.id);
  mkdirSync(folder, { recursive: true });
  const input = join(folder, `input.${upload.inputFormat}`);
  writeFileSync(input, upload.body);
  const portfolio = new Map<string, number>();
  if (upload.store) {
    for (const org of listOrganisations(ctx, actor).filter((o) => o.access === 'edit')) {
      portfolio.set(organisationRef(org.id), org.id);
      if (org.siren) portfolio.set(sirenRef(org.siren), org.id);
    }
  }
  const job: BatchJob = {
    input, inputFormat: upload.inputFormat, output: join(folder, `scores.${upload.outputFormat}`), outputFormat: upload.outputFormat,
    ...(contentRoot && { contentRoot }), lang: upload.lang, suggestions: upload.suggestions, partial: upload.partial, keep: [...portfolio.keys()],
  };
  running.set(record.id, follow(ctx, actor, record.id, job, portfolio).finally(() => running.delete(record.id)));
  return ok(record);
}

async function follow(ctx: AppContext, actor: Actor, id: number, job: BatchJob, portfolio: ReadonlyMap<string, number>): Promise<void> {
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
    const summary = await (existsSync(JOB_WORKER) ? inWorker(job, onMessage) : inThread(job, onMessage));
    for (const { orgId, document } of documents) await storeRow(ctx, actor, id, orgId, document);
    ctx.store.batches.finish(id, { status: 'done', summary }, isoNow(ctx));
  } catch (error) {
    const failure = failureOf(error as Error, job.lang);
    // What the advisor reads names no server file; what went wrong in full is for the server's log.
    const detail = error instanceof BatchFailed ? error.detail : serverDetail(error as Error);
    if (detail) console.error(`batch ${id} failed: ${detail}`);
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
      else onMessage(m);
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
