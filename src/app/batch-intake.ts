import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Actor } from '../core/access.js';
import { issue } from '../core/issue.js';
import { bilingual, localize, type Lang } from '../core/text.js';
import type { InputFormat } from '../batch/read-rows.js';
import type { OutputFormat } from '../batch/write-results.js';
import { reason, WRITING } from '../batch/system-errors.js';
import type { BatchOptions, BatchRecord } from '../store/batches-repository.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, invalid, ok, type Result } from './app-error.js';
import { batchFolder } from './data-folder.js';
import { formatSize } from './format-size.js';
import { receiveFile } from './receive-file.js';

/** What the service lets one user keep and run (config: BATCH_UPLOAD_LIMIT, BATCH_QUOTA, BATCH_MAX_RUNNING). */
export interface BatchLimits {
  uploadBytes: number;
  quotaBytes: number;
  maxRunning: number;
  /** Days results are kept after their batch ends, to say when space frees up. */
  resultDays: number;
}

/** Who receives uploads: this instance, holding each batch while its file arrives. */
export interface Receiver {
  instance: string;
  leaseMs: number;
}

export interface IncomingFile {
  source: Readable;
  /** The size the sender announced (Content-Length), if any: a file too large is refused before it is read. */
  declaredBytes: number | undefined;
  inputFormat: InputFormat;
  outputFormat: OutputFormat;
  store: boolean;
  lang: Lang;
  options: BatchOptions;
}

/**
 * Admits an upload and writes it under the batch's folder as it arrives. Refused, with the user's
 * reason, when they already run as many batches as allowed, when the file is larger than the
 * upload limit or than what is left of their quota, or when it is empty: then no batch exists and
 * nothing stays on disk. A data folder that refuses the file fails the batch with the reason.
 */
export async function receiveBatchInput(ctx: AppContext, actor: Actor, file: IncomingFile, limits: BatchLimits, dataDir: string, receiver: Receiver): Promise<Result<{ record: BatchRecord; input: string }>> {
  // Leases are real time (other instances read them), not the context's clock.
  const lease = () => ({ instance: receiver.instance, until: new Date(Date.now() + receiver.leaseMs).toISOString() });
  const record = await ctx.store.batches.admit({ userId: actor.userId, inputFormat: file.inputFormat, outputFormat: file.outputFormat, store: file.store, lang: file.lang, options: file.options }, limits.maxRunning, isoNow(ctx), lease());
  if (!record) return tooManyBatches(limits.maxRunning);
  // While the file arrives, this instance keeps holding the batch: no other runs it before it is all there.
  const holding = setInterval(() => void ctx.store.batches.extend(record.id, 0, lease()).catch(() => undefined), receiver.leaseMs / 3);
  try {
    return await receive(ctx, actor, file, limits, dataDir, record);
  } finally {
    clearInterval(holding);
  }
}

async function receive(ctx: AppContext, actor: Actor, file: IncomingFile, limits: BatchLimits, dataDir: string, record: BatchRecord): Promise<Result<{ record: BatchRecord; input: string }>> {
  const used = await ctx.store.batches.storedBytes(actor.userId);
  const room = Math.max(0, Math.min(limits.uploadBytes, limits.quotaBytes - used));
  const refuse = async (result: { ok: false; error: ReturnType<typeof fail>['error'] }) => {
    await ctx.store.batches.discard(record.id);
    await rm(batchFolder(dataDir, record.id), { recursive: true, force: true }).catch(() => undefined);
    return result;
  };
  const tooLarge = async () => refuse(limits.uploadBytes <= limits.quotaBytes - used ? uploadTooLarge(limits.uploadBytes) : await quotaExceeded(ctx, actor, used, limits));
  if (file.declaredBytes !== undefined && file.declaredBytes > room) return tooLarge();
  const input = join(batchFolder(dataDir, record.id), `input.${file.inputFormat}`);
  const received = await receiveFile(file.source, input, room);
  switch (received.kind) {
    case 'too-large':
      return tooLarge();
    case 'aborted':
      return refuse(fail('invalid', 'upload-aborted', bilingual('L’envoi du fichier a été interrompu.', 'The upload was interrupted.')));
    case 'unwritable': {
      // The server's fault, not the user's: the batch is kept, failed, with the reason.
      const why = bilingual(reason(WRITING, received.code, 'fr'), reason(WRITING, received.code, 'en'));
      const failure = bilingual(`le serveur n’a pas pu enregistrer le fichier : ${why.fr}`, `the server could not store the file: ${why.en}`);
      await ctx.store.batches.finish(record.id, { status: 'failed', error: localize(failure, file.lang) }, isoNow(ctx));
      return fail('conflict', 'storage-unavailable', bilingual(
        `Le serveur n’a pas pu enregistrer le fichier (${why.fr}) : le lot ${record.id} a échoué, rien n’a été calculé. Réessayez plus tard ou prévenez l’administrateur.`,
        `The server could not store the file (${why.en}): batch ${record.id} failed, nothing was scored. Try again later or tell the administrator.`,
      ));
    }
    case 'stored':
      if (received.bytes === 0) return refuse(invalid([issue('empty-file', '/', bilingual('Le fichier est vide.', 'The file is empty.'))]));
      return ok({ record: await ctx.store.batches.received(record.id, { inputHash: received.hash, inputBytes: received.bytes }), input });
  }
}

function tooManyBatches(max: number) {
  return fail('conflict', 'too-many-batches', max === 1
    ? bilingual('Vous avez déjà un lot en cours, le maximum permis : attendez qu’il se termine avant d’en envoyer un autre.', 'You already have a batch running, the most allowed: wait for it to finish before sending another.')
    : bilingual(`Vous avez déjà ${max} lots en cours, le maximum permis : attendez que l’un d’eux se termine avant d’en envoyer un autre.`, `You already have ${max} batches running, the most allowed: wait for one of them to finish before sending another.`));
}

function uploadTooLarge(limit: number) {
  return fail('invalid', 'upload-too-large', bilingual(
    `Le fichier dépasse la taille maximale acceptée (${formatSize(limit, 'fr')}) : découpez le portefeuille en plusieurs fichiers.`,
    `The file is larger than the most accepted (${formatSize(limit, 'en')}): split the portfolio into several files.`,
  ));
}

/** Over quota: how much is used, and when the next results leave (that space comes back then). */
async function quotaExceeded(ctx: AppContext, actor: Actor, used: number, limits: BatchLimits) {
  const ends = (await ctx.store.batches.byUser(actor.userId)).filter((b) => b.finishedAt && b.resultBytes + b.inputBytes > 0).map((b) => Date.parse(b.finishedAt!));
  const next = ends.length === 0 ? undefined : new Date(Math.min(...ends) + limits.resultDays * 86_400_000).toISOString().slice(0, 10);
  return fail('invalid', 'batch-quota-exceeded', bilingual(
    `Vos lots occupent déjà ${formatSize(used, 'fr')} sur les ${formatSize(limits.quotaBytes, 'fr')} permis : ce fichier n’y tient pas. Les résultats sont supprimés ${limits.resultDays} jours après la fin de leur lot${next ? ` (prochaine suppression le ${next})` : ''} ; réessayez ensuite.`,
    `Your batches already take ${formatSize(used, 'en')} of the ${formatSize(limits.quotaBytes, 'en')} allowed: this file does not fit. Results are removed ${limits.resultDays} days after their batch ends${next ? ` (next on ${next})` : ''}; try again then.`,
  ));
}
