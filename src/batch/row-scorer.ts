import { compileScorer } from '../core/compiled-scorer.js';
import { indexContent } from '../core/content-index.js';
import type { Content } from '../core/content-model.js';
import { compileActions } from '../core/quick-suggest.js';
import type { Lang } from '../core/text.js';
import type { RowScorer } from './score-row.js';

/** Everything a batch row needs, compiled once per content version (per worker). */
export function createRowScorer(content: Content, lang: Lang, suggestions: number, keep?: ReadonlySet<string>): RowScorer {
  const compiled = compileScorer(indexContent(content));
  return { compiled, actions: compileActions(compiled), lang, suggestions, ...(keep && { keep }) };
}
