import { indexContent, type ContentIndex } from '../core/content-index.js';
import type { Content } from '../core/content-model.js';
import type { Lang } from '../core/text.js';
import { compileContent, type Engine, type EngineRow } from '../engine/index.js';

/** How a batch treats its rows, beyond the content. */
export interface RowOptions {
  /** Rows naming one of these organisations (by their organisation or SIREN columns, never by `id`: see store-refs.ts) keep their answers in the result, to be stored. */
  keep?: ReadonlySet<string>;
  /** Whether a row leaving required questions unanswered is scored (they earn no points) rather than rejected. */
  partial?: boolean;
  /** Whether an answer to a question that does not apply to the row rejects it (as a submission does) rather than being ignored with a warning. */
  strict?: boolean;
}

/** What a batch's rows are scored with: the content compiled once per worker, the row the engine works in, and the batch's options. */
export interface BatchContext extends RowOptions {
  index: ContentIndex;
  engine: Engine;
  /** Reused from row to row: rows are scored one after the other. */
  row: EngineRow;
  lang: Lang;
  /** How many suggested actions per row (0: none, faster). */
  suggestions: number;
  partial: boolean;
  strict: boolean;
}

export function createBatchContext(content: Content, lang: Lang, suggestions: number, { keep, partial = false, strict = false }: RowOptions = {}): BatchContext {
  const index = indexContent(content);
  const engine = compileContent(index);
  return { index, engine, row: engine.row(), lang, suggestions, partial, strict, ...(keep && { keep }) };
}
