import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reason, WRITING } from '../batch/system-errors.js';
import { issue, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';

/** Where uploaded portfolios and their results are kept, under the data folder. */
export function batchesFolder(dataDir: string): string {
  return join(dataDir, 'batches');
}

/** Where a batch's files live: named by the batch id only (never by anything the user sent). */
export function batchFolder(dataDir: string, id: number): string {
  return join(batchesFolder(dataDir), String(id));
}

/**
 * Checks at start that the data folder can hold batch files: created if missing, a probe file
 * written and removed. Otherwise every upload would fail later, one by one.
 */
export function dataFolderProblem(dataDir: string): Issue | undefined {
  const folder = batchesFolder(dataDir);
  try {
    mkdirSync(folder, { recursive: true });
    const probe = join(folder, `.probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    writeFileSync(probe, 'impact-score');
    rmSync(probe);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return issue('data-folder-unusable', '', bilingual(
      `Dossier de données inutilisable (DATA_DIR) : ${reason(WRITING, code, 'fr')} (${(error as Error).message}).`,
      `Data folder unusable (DATA_DIR): ${reason(WRITING, code, 'en')} (${(error as Error).message}).`,
    ), dataDir);
  }
}
