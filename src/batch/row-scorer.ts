import { compileScorer, emptyScores } from '../core/compiled-scorer.js';
import { indexContent } from '../core/content-index.js';
import type { Content } from '../core/content-model.js';
import { compileActions } from '../core/quick-suggest.js';
import { rowBuffers } from '../core/row-state.js';
import type { Lang } from '../core/text.js';
import type { RowScorer } from './score-row.js';
import { plainRecord } from './plain-records.js';

/** How a batch treats its rows, beyond the content: see RowScorer. */
export interface RowOptions {
  keep?: ReadonlySet<string>;
  partial?: boolean;
}

/** Everything a batch row needs, compiled once per content version (per worker). */
export function createRowScorer(content: Content, lang: Lang, suggestions: number, { keep, partial = false }: RowOptions = {}): RowScorer {
  const compiled = compileScorer(indexContent(content));
  const buffers = { values: new Array<unknown>(compiled.slots.size), codes: new Int32Array(compiled.slots.size).fill(-1), row: rowBuffers(compiled), scores: emptyScores(compiled), record: plainRecord(), known: new Uint8Array(compiled.slots.size) };
  return { compiled, actions: compileActions(compiled), lang, suggestions, partial, buffers, ...(keep && { keep }) };
}
