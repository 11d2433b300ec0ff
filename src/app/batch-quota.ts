import { statSync } from 'node:fs';
import { BatchFailed } from '../batch/batch-job-worker.js';
import type { Lang } from '../core/text.js';
import type { AppContext } from './app-context.js';
import type { BatchLimits } from './batch-intake.js';
import { formatSize } from './format-size.js';

/**
 * Watches a running batch's results against its owner's quota. Results can be far larger than
 * the file they come from (each rejected row gets its reasons: two bytes of input, hundreds of
 * output), so the quota would mean little if it counted them only at the end. Each check records
 * the size written so far in the database, so that batches running at once (on any instance)
 * count each other; it throws BatchFailed once the owner's files outgrow the quota. Called on each
 * progress report (a few times a second, on the file being written) and on the complete results.
 */
export function resultsGuard(ctx: AppContext, userId: number, batchId: number, lang: Lang, limits: BatchLimits): (file: string) => Promise<void> {
  return async (file) => {
    let written: number;
    try {
      written = statSync(file).size;
    } catch {
      return; // Not opened yet, or already published.
    }
    await ctx.store.batches.resultWritten(batchId, written);
    const stored = await ctx.store.batches.storedBytes(userId);
    if (stored <= limits.quotaBytes) return;
    const [used, quota] = [formatSize(stored, lang), formatSize(limits.quotaBytes, lang)];
    throw new BatchFailed(lang === 'fr'
      ? `les résultats dépassent la place permise (${used} avec vos autres lots, pour ${quota}) : le lot a été arrêté et ses résultats partiels supprimés. Découpez le fichier, ou attendez que d’anciens résultats soient supprimés.`
      : `the results outgrew the space allowed (${used} with your other batches, for ${quota}): the batch was stopped and its partial results removed. Split the file, or wait for older results to be removed.`, '');
  };
}
