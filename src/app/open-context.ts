import type { AnswersDocument } from '../core/content-model.js';
import { issue, type Outcome } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import { exampleName, loadContent } from '../content/load-content.js';
import type { Config } from '../config.js';
import { openStore, withoutPassword } from '../store/open-store.js';
import { DamagedDatabase, type Commits } from '../store/sqlite-database.js';
import type { Store } from '../store/store.js';
import { createContext, type AppContext } from './app-context.js';
import { dataFolderProblem } from './data-folder.js';
import { seedDemoData } from './demo-data.js';

/**
 * Everything the service and the admin commands start from: content loaded and checked (a broken
 * content file stops here, never scores wrongly), the data folder writable (for the service), the
 * database checked (SQLite) or reached (PostgreSQL), opened and migrated, and, on the first start,
 * the demo data. The service groups SQLite's commits and waits for them before answering (decision
 * 018); the admin commands flush each as they make it.
 */
export async function openContext(config: Config, needs: { dataFolder?: boolean; onLostConnection?: (error: Error) => void; commits?: Commits } = {}): Promise<Outcome<AppContext & { seeded: boolean }>> {
  const loaded = loadContent(config.CONTENT_DIR);
  if (!loaded.ok) return loaded;
  // The service writes uploaded files; the admin commands do not, and need no data folder.
  const dataProblem = needs.dataFolder ? dataFolderProblem(config.DATA_DIR) : undefined;
  if (dataProblem) return { ok: false, issues: [dataProblem] };
  const where = config.DATABASE_URL ? withoutPassword(config.DATABASE_URL) : config.DATABASE_FILE;
  let store: Store;
  try {
    store = await openStore({ url: config.DATABASE_URL, file: config.DATABASE_FILE }, { poolSize: config.DATABASE_POOL_SIZE, ...(needs.onLostConnection && { onIdleError: needs.onLostConnection }), ...(needs.commits && { commits: needs.commits }) });
  } catch (error) {
    if (error instanceof DamagedDatabase) {
      const found = error.problems.join(' ; ');
      return { ok: false, issues: [issue('database-damaged', '', bilingual(
        `Base de données endommagée : ${found} (PRAGMA quick_check). Rien n’a été modifié ; restaurez la dernière sauvegarde (impact-score backup).`,
        `Database damaged: ${found} (PRAGMA quick_check). Nothing was changed; restore the latest backup (impact-score backup).`,
      ), where)] };
    }
    const reason = (error as Error).message || String((error as { code?: string }).code ?? error);
    return { ok: false, issues: [issue('database-unavailable', '', bilingual(`Base de données inutilisable : ${reason}`, `Database unusable: ${reason}`), where)] };
  }
  const ctx = createContext(store, loaded.value.content);
  const examples = new Map<string, AnswersDocument>(loaded.value.examples.map((e) => [exampleName(e.file), e.data]));
  const seeded = config.DEMO_DATA ? await seedDemoData(ctx, examples) : false;
  return { ok: true, value: { ...ctx, seeded } };
}
