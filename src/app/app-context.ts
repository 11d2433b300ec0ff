import type { Content } from '../core/content-model.js';
import type { Scorer } from '../core/score.js';
import { compiledScorer } from '../engine/index.js';
import type { Store } from '../store/store.js';

/** What use cases work with: the store, the loaded content (and its scorer: the compiled engine), and the clock. */
export interface AppContext {
  store: Store;
  content: Content;
  scorer: Scorer;
  /** Injected so tests and reproducible runs control time. */
  now: () => Date;
}

export function createContext(store: Store, content: Content, now: () => Date = () => new Date()): AppContext {
  return { store, content, scorer: compiledScorer(content), now };
}

export const isoNow = (ctx: AppContext) => ctx.now().toISOString();
