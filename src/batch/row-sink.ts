import type { Engine, RankedAction, RowScores } from '../engine/index.js';
import { okResult, type WrittenResult } from './row-result.js';

/**
 * Where scored rows go, in file order. A valid row comes as its scores by position (valid until
 * the next row) and suggestions, so that a sink writing text needs no result object per row; any
 * other row (with problems, or whose answers are kept) comes as a result.
 */
export interface RowSink {
  /** `name`: the organisation's, where the row gives one. */
  scored(row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[], name?: string): void;
  result(result: WrittenResult): void;
}

/** A sink keeping every row as a result object: what XLSX, JSON Lines and the API take. */
export class ResultList implements RowSink {
  readonly results: WrittenResult[] = [];

  constructor(private readonly engine: Engine) {}

  scored(row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[], name?: string): void {
    this.results.push(okResult(this.engine, row, id, scores, suggestions, { name }));
  }

  result(result: WrittenResult): void {
    this.results.push(result);
  }
}
