import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { organisationAccess, type Actor } from '../core/access.js';
import type { AnswersDocument } from '../core/content-model.js';
import { score } from '../core/score.js';
import { missingAnswers, validateAnswers } from '../core/validate-answers.js';
import { issue, viewIssue, type IssueView } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import { BatchFailed, failureOf, runJob, serverDetail, type BatchJob } from '../batch/batch-job-worker.js';
import type { InputFormat } from '../batch/read-rows.js';
import type { BatchSummary } from '../batch/batch-summary.js';
import { organisationRef, sirenRef } from '../batch/store-refs.js';
import type { OutputFormat } from '../batch/write-results.js';
import type { BatchesRepository, ClaimedBatch } from '../store/batches-repository.js';
import { actorOf } from './accounts.js';
import { isoNow, type AppContext } from './app-context.js';
import type { BatchLimits } from './batch-intake.js';
import { resultsGuard } from './batch-quota.js';
import { removeInput, type BatchRetention } from './batch-retention.js';
import { batchFolder } from './data-folder.js';
import { listOrganisations } from './organisations.js';

const JOB_WORKER = fileURLToPath(new URL('../batch/batch-job-worker.js', import.meta.url));

/** Where batch files go, how much each user may keep and run, how long files stay, and where failures are logged. */
export interface BatchStorage {
  dataDir: string;
  contentRoot?: string;
  limits: BatchLimits;
  retention: BatchRetention;
  logError: (message: string) => void;
}

type Message = { type: string; [key: string]: unknown };

/**
 * Runs a batch this instance has claimed, to its end. Its results are written under a name of
 * this attempt's own and published as `scores.FORMAT` only in the transaction that records the
 * batch done, and only if this attempt still holds it: an attempt whose instance was thought dead
 * (and whose batch another took over) publishes nothing and records nothing. `lost` aborts when
 * the lease could not be extended.
 */
export async function runClaimedBatch(ctx: AppContext, claimed: ClaimedBatch, storage: BatchStorage, lost: AbortSignal): Promise<void> {
  const { record, attempt } = claimed;
  const lang = record.lang === 'en' ? 'en' : 'fr';
  const folder = batchFolder(storage.dataDir, record.id);
  const output = join(folder, `scores.${record.outputFormat}`);
  const mine = join(folder, `attempt-${attempt}.scores.${record.outputFormat}`);
  if (claimed.uploadLost) {
    await end(ctx, claimed, storage, { status: 'failed', error: viewIssue(issue('upload-interrupted', '', bilingual('l’envoi du fichier a été interrompu : renvoyez-le', 'the upload was interrupted: send the file again')), lang) });
    return;
  }
  try {
    const user = await ctx.store.accounts.getUser(record.userId);
    if (!user) throw new Error(`batch ${record.id}: its user ${record.userId} is gone`);
    const actor = await actorOf(ctx, user);
    const portfolio = record.store ? await portfolioOf(ctx, actor) : new Map<string, number>();
    const job: BatchJob = {
      input: join(folder, `input.${record.inputFormat}`), inputFormat: record.inputFormat as InputFormat, output: mine, outputFormat: record.outputFormat as OutputFormat,
      ...(storage.contentRoot && { contentRoot: storage.contentRoot }), lang, suggestions: claimed.options.suggestions, partial: claimed.options.partial,
      strict: claimed.options.strict === true, ...(claimed.options.excel && { excel: claimed.options.excel }), keep: [...portfolio.keys()],
    };
    const documents: { orgId: number; document: AnswersDocument }[] = [];
    const withinQuota = resultsGuard(ctx, record.userId, record.id, lang, storage.limits);
    const summary = await follow(job, lost, async (m) => {
      if (m.type === 'progress') {
        await withinQuota(`${mine}.partial`);
        if (!(await ctx.store.batches.progress(record.id, attempt, { rows: m.rows as number, bytesRead: m.bytesRead as number, totalBytes: m.totalBytes as number }))) throw new LeaseLost();
      } else if (m.type === 'document') {
        const orgId = storedInto(portfolio, m.refs as string[]);
        if (orgId !== undefined) documents.push({ orgId, document: m.document as AnswersDocument });
      }
    }) as BatchSummary;
    await withinQuota(mine);
    for (const { orgId, document } of documents) await storeRow(ctx, actor, record.id, orgId, document);
    if (!(await end(ctx, claimed, storage, { status: 'done', summary, rows: summary.rows }, () => renameSync(mine, output)))) throw new LeaseLost();
  } catch (error) {
    // A worker stopped mid-write leaves its partial file; results over quota are not kept either.
    for (const file of [`${mine}.partial`, mine]) rmSync(file, { force: true });
    if (error instanceof LeaseLost) return;
    // What the advisor reads names no server file; what went wrong in full is for the server's log.
    const detail = error instanceof BatchFailed ? error.detail : serverDetail(error as Error);
    if (detail) storage.logError(`batch ${record.id} failed: ${detail}`);
    await end(ctx, claimed, storage, { status: 'failed', error: failureOf(error as Error, lang) });
  }
}

/**
 * Records the batch's end, if this attempt still holds it, in one transaction with what it keeps
 * on disk (`publish` puts its results in place before the commit); then its input goes if the
 * schedule says at once. False when another attempt holds the batch now: nothing was recorded.
 */
async function end(ctx: AppContext, claimed: ClaimedBatch, storage: BatchStorage, outcome: Parameters<BatchesRepository['finish']>[1], publish?: () => void): Promise<boolean> {
  const { id } = claimed.record;
  const output = join(batchFolder(storage.dataDir, id), `scores.${claimed.record.outputFormat}`);
  const now = isoNow(ctx);
  const removeInputNow = storage.retention.inputDays === 0;
  const ended = await ctx.store.transaction(async (tx) => {
    if (!(await tx.batches.finish(id, outcome, now, claimed.attempt))) return false;
    publish?.();
    await tx.batches.resultWritten(id, outcome.status === 'done' && existsSync(output) ? statSync(output).size : 0);
    if (removeInputNow) await tx.batches.filesRemoved(id, 'input', now);
    return true;
  });
  if (ended) {
    try {
      // The input goes only once its batch is recorded as ended on the disk (grouped commits, decision 018).
      await ctx.store.durable();
      if (removeInputNow) removeInput(storage.dataDir, id);
      removeOtherAttempts(storage.dataDir, id, claimed.attempt);
    } catch (error) {
      // The next sweep removes what is due; the batch's own outcome is already recorded.
      storage.logError(`batch ${id}: files not tidied: ${(error as Error).message}`);
    }
  }
  return ended;
}

/** What earlier attempts (their instance died) left half-written: the batch has ended without them. */
function removeOtherAttempts(dataDir: string, id: number, attempt: number): void {
  const folder = batchFolder(dataDir, id);
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (/^attempt-\d+\./.test(name) && !name.startsWith(`attempt-${attempt}.`)) rmSync(join(folder, name), { force: true });
  }
}

/** This attempt no longer holds its batch: another instance took it over. */
class LeaseLost extends Error {}

/** The organisations rows may be stored into: those of the portfolio the batch's owner may edit, by number and SIREN. */
async function portfolioOf(ctx: AppContext, actor: Actor): Promise<Map<string, number>> {
  const portfolio = new Map<string, number>();
  for (const org of (await listOrganisations(ctx, actor)).filter((o) => o.access === 'edit')) {
    portfolio.set(organisationRef(org.id), org.id);
    if (org.siren) portfolio.set(sirenRef(org.siren), org.id);
  }
  return portfolio;
}

/** The organisation a kept row is stored into: the one all it names is; none if one names no organisation of the portfolio or two disagree. */
function storedInto(portfolio: ReadonlyMap<string, number>, refs: readonly string[]): number | undefined {
  const ids = new Set(refs.map((ref) => portfolio.get(ref)));
  return ids.size === 1 ? [...ids][0] : undefined;
}

/**
 * The job's messages, handled one after another (each may write to the database); the first
 * handler to throw, or `lost`, stops the job where it stands. Resolves with its summary.
 */
async function follow(job: BatchJob, lost: AbortSignal, handle: (m: Message) => Promise<void>): Promise<unknown> {
  const stop = new AbortController();
  let handled: Promise<void> = Promise.resolve();
  let failure: unknown;
  const onMessage = (m: Message) => {
    handled = handled.then(() => (failure === undefined ? handle(m) : undefined)).catch((error: unknown) => {
      failure ??= error;
      stop.abort(error);
    });
  };
  const onLost = () => stop.abort(new LeaseLost());
  lost.addEventListener('abort', onLost);
  try {
    const summary = await (existsSync(JOB_WORKER) ? inWorker(job, onMessage, stop.signal) : inThread(job, onMessage, stop.signal));
    await handled;
    if (failure !== undefined) throw failure;
    return summary;
  } catch (error) {
    await handled;
    throw failure ?? (stop.signal.aborted ? stop.signal.reason : error);
  } finally {
    lost.removeEventListener('abort', onLost);
  }
}

function inWorker(job: BatchJob, onMessage: (m: Message) => void, signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(JOB_WORKER, { workerData: job });
    const abort = () => {
      reject(signal.reason);
      void worker.terminate();
    };
    signal.addEventListener('abort', abort, { once: true });
    const settle = <T>(then: (value: T) => void) => (value: T) => {
      signal.removeEventListener('abort', abort);
      then(value);
    };
    worker.on('message', (m: Message & { summary?: unknown; error?: IssueView; detail?: string }) => {
      if (m.type === 'done') settle(resolve)(m.summary);
      else if (m.type === 'failed') settle(reject)(new BatchFailed(m.error!, m.detail ?? ''));
      else onMessage(m);
    });
    worker.on('error', settle(reject));
    worker.on('exit', (code) => code !== 0 && settle(reject)(new Error(`batch worker exited with ${code}`)));
  });
}

// Running from sources (tests), there is no compiled worker script: the job runs here instead.
async function inThread(job: BatchJob, onMessage: (m: Message) => void, signal: AbortSignal): Promise<unknown> {
  let summary: unknown;
  await runJob(job, (m) => {
    signal.throwIfAborted();
    const message = m as Message;
    if (message.type === 'done') summary = message.summary;
    else onMessage(message);
  });
  signal.throwIfAborted();
  return summary;
}

/**
 * Stores one row as the organisation's submitted assessment, in one transaction with the record
 * that this file stored it: a run killed at any point, then run again (or taken over by another
 * instance), stores it once. Rows that are incomplete for a submission (scored by a partial batch)
 * are not stored: the batch's `stored` count says how many were.
 */
async function storeRow(ctx: AppContext, actor: Actor, batchId: number, orgId: number, document: AnswersDocument): Promise<void> {
  if ((await ctx.store.batches.hasAssessment(batchId, orgId)) || organisationAccess(actor, orgId) !== 'edit') return;
  const { issues, applicability } = validateAnswers(ctx.scorer.index, document);
  if (issues.length > 0 || missingAnswers(ctx.scorer.index, applicability.status).length > 0) return;
  const outcome = await score(ctx.scorer, document);
  if (!outcome.ok) return;
  const now = isoNow(ctx);
  await ctx.store.transaction(async (tx) => {
    // Rows stored into one organisation at once (by batches of one file on several instances) wait
    // here one after another: the first stores, the others find it stored.
    await tx.exclusive(`stored-rows:${orgId}`);
    if (await tx.batches.hasAssessment(batchId, orgId)) return;
    const draft = await tx.assessments.create({ organisationId: orgId, profile: document.profile, answers: document.answers, createdBy: actor.userId }, now);
    await tx.assessments.submit(draft.id, draft.version, outcome.value, actor.userId, now);
    if (!(await tx.batches.linkAssessment(batchId, orgId, draft.id))) throw new Error(`batch ${batchId}: organisation ${orgId} stored twice`);
    await tx.audit.record({ at: now, userId: actor.userId, organisationId: orgId, action: 'submit', entity: 'assessment', entityId: draft.id, detail: { batchId, global: outcome.value.global, contentVersion: outcome.value.contentVersion } });
  });
}
