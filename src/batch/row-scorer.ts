import { indexContent } from '../core/content-index.js';
import type { Content } from '../core/content-model.js';
import type { Lang } from '../core/text.js';
import { compileContent } from '../engine/index.js';
import type { RowScorer } from './score-row.js';
import { plainRecord } from './plain-records.js';

/** How a batch treats its rows, beyond the content: see RowScorer. */
export interface RowOptions {
  keep?: ReadonlySet<string>;
  partial?: boolean;
}

/** Everything a batch row needs, compiled once per content version (per worker). */
export function createRowScorer(content: Content, lang: Lang, suggestions: number, { keep, partial = false }: RowOptions = {}): RowScorer {
  const index = indexContent(content);
  const engine = compileContent(index);
  return { index, engine, row: engine.row(), record: plainRecord(), lang, suggestions, partial, ...(keep && { keep }) };
}
