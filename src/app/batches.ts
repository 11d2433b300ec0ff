import type { Actor } from '../core/access.js';
import { bilingual, type Lang } from '../core/text.js';
import type { InputFormat } from '../batch/read-rows.js';
import type { OutputFormat } from '../batch/write-results.js';
import type { BatchRecord } from '../store/batches-repository.js';
import type { AppContext } from './app-context.js';
import { fail, notFound, ok, type Result } from './app-error.js';
import { receiveBatchInput, type IncomingFile } from './batch-intake.js';
import type { BatchRunner } from './batch-runner.js';

export interface BatchUpload extends Omit<IncomingFile, 'options'> {
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

/**
 * Accepts a portfolio file from an advisor (or admin) and queues it, to be scored in the
 * background by whichever instance claims it first (this one is told at once). With `store`, rows
 * naming an organisation of the portfolio in their `organisation` (its number) or `siren` column —
 * never by their free-text `id` — become that organisation's submitted assessment, once per file.
 */
export async function startBatch(ctx: AppContext, actor: Actor, upload: BatchUpload, runner: BatchRunner): Promise<Result<BatchRecord>> {
  if (actor.role !== 'advisor' && actor.role !== 'admin') {
    return fail('forbidden', 'forbidden', bilingual('Le calcul de portefeuilles est réservé aux conseillers.', 'Portfolio scoring is for advisors.'));
  }
  const { partial, suggestions, strict, excel, ...file } = upload;
  const received = await receiveBatchInput(ctx, actor, { ...file, options: { partial, suggestions, ...(strict && { strict }), ...(excel && { excel }) } }, runner.storage.limits, runner.storage.dataDir, runner.receiver);
  if (!received.ok) return received;
  runner.kick();
  return ok(received.value.record);
}

export async function getBatch(ctx: AppContext, actor: Actor, id: number): Promise<Result<BatchRecord>> {
  const record = await ctx.store.batches.get(id);
  return record && (record.userId === actor.userId || actor.role === 'admin') ? ok(record) : notFound('Lot', 'Batch');
}

export function listBatches(ctx: AppContext, actor: Actor): Promise<BatchRecord[]> {
  return ctx.store.batches.byUser(actor.userId);
}

/** Resolves once the batch has ended, whichever instance runs it (for tests and scripts); at once if it has or does not exist. */
export async function waitForBatch(ctx: AppContext, id: number): Promise<void> {
  for (;;) {
    const record = await ctx.store.batches.get(id);
    if (!record || record.status === 'done' || record.status === 'failed') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
