import type { AnswersDocument } from '../core/content-model.js';
import type { Engine, RankedAction, RowScores } from '../engine/index.js';
import { okResult, type WrittenResult } from './row-result.js';

/**
 * Where scored rows go, in file order. A valid row comes as its scores by position (valid until
 * the next row) and suggestions, so that a sink writing text needs no result object per row; any
 * other row (with problems, or whose answers are kept) comes as a result.
 */
export interface RowSink {
  /** `doc` makes the row's answers document, for a sink that shows more of the row than its scores (its name). */
  scored(row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[], doc?: () => AnswersDocument): void;
  result(result: WrittenResult): void;
}

/** A sink keeping every row as a result object: what XLSX, JSON Lines and the API take. */
export class ResultList implements RowSink {
  readonly results: WrittenResult[] = [];

  constructor(private readonly engine: Engine) {}

  scored(row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[], doc?: () => AnswersDocument): void {
    this.results.push(okResult(this.engine, row, id, scores, suggestions, { name: doc?.().organisation?.name }));
  }

  result(result: WrittenResult): void {
    this.results.push(result);
  }
}
