import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchFiles } from '../store/batches-repository.js';
import type { AppContext } from './app-context.js';
import { batchesFolder, batchFolder } from './data-folder.js';

/** How long files are kept once their batch has ended (config: BATCH_INPUT_DAYS, BATCH_RESULT_DAYS). */
export interface BatchRetention {
  inputDays: number;
  resultDays: number;
}

const DAY = 86_400_000;

/**
 * Removes what the retention schedule says is due: the input of every batch ended `inputDays` ago
 * (0: as soon as it ends), the whole folder (results included) of every batch ended `resultDays`
 * ago, and folders no batch owns (an upload refused while the process stopped). The batch records
 * stay, saying when their files went. Returns how many batches lost files.
 */
export async function sweepBatchFiles(ctx: AppContext, dataDir: string, retention: BatchRetention): Promise<number> {
  const now = ctx.now();
  const due = (files: BatchFiles, days: number) => ctx.store.batches.endedWithFiles(files, new Date(now.getTime() - days * DAY).toISOString());
  let swept = 0;
  for (const batch of await due('results', retention.resultDays)) {
    rmSync(batchFolder(dataDir, batch.id), { recursive: true, force: true });
    await ctx.store.batches.filesRemoved(batch.id, 'results', now.toISOString());
    swept++;
  }
  for (const batch of await due('input', retention.inputDays)) {
    removeInput(dataDir, batch.id);
    await ctx.store.batches.filesRemoved(batch.id, 'input', now.toISOString());
    swept++;
  }
  await removeOrphans(ctx, dataDir);
  return swept;
}

/** The uploaded file of one batch (whatever its format); its results stay. */
export function removeInput(dataDir: string, id: number): void {
  const folder = batchFolder(dataDir, id);
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) if (name.startsWith('input.')) rmSync(join(folder, name), { force: true });
}

async function removeOrphans(ctx: AppContext, dataDir: string): Promise<void> {
  const root = batchesFolder(dataDir);
  if (!existsSync(root)) return;
  // Read the folders first: a folder made after the ids were read belongs to a batch they do not list.
  const names = readdirSync(root);
  const ids = await ctx.store.batches.ids();
  for (const name of names) {
    if (/^[1-9][0-9]*$/.test(name) && !ids.has(Number(name))) rmSync(join(root, name), { recursive: true, force: true });
  }
}
