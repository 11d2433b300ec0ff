import type { AnswersDocument } from '../core/content-model.js';
import type { IssueView } from '../core/issue.js';
import { scoreOrNull, type Engine, type RankedAction, type RowScores } from '../engine/index.js';

/** A scored row's answers, kept to be stored, with what the row says of its organisation (see store-refs.ts). */
export interface KeptRow {
  refs: readonly string[];
  document: AnswersDocument;
}

/**
 * What became of one row: scored (with warnings for answers it ignored: see score-rows.ts), rejected
 * with its problems (in the batch's language), or skipped (a blank or label row).
 */
export type RowResult =
  | {
    row: number; id: string; ok: true; global: number | null; pillars: Record<string, number | null>; indicators: Record<string, number | null>;
    /** The suggested actions, best first, and what each would add to the global score. */
    suggestions: string[]; gains: number[];
    /** The organisation's name, where the row gives one and its writer shows it (XLSX, JSON Lines). */
    name?: string;
    kept?: KeptRow; warnings?: IssueView[];
  }
  | { row: number; id: string; ok: false; problems: IssueView[]; name?: string }
  | { row: number; skip: true };

export type WrittenResult = Exclude<RowResult, { skip: true }>;

/** A valid row's result, scores by id. */
export function okResult(engine: Engine, row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[], { name, kept, warnings }: { name?: string | undefined; kept?: KeptRow | undefined; warnings?: IssueView[] } = {}): Extract<RowResult, { ok: true }> {
  const pillars: Record<string, number | null> = {};
  engine.pillars.forEach((p, n) => (pillars[p] = scoreOrNull(scores.pillars[n]!)));
  const indicators: Record<string, number | null> = {};
  engine.indicators.forEach((i, n) => (indicators[i] = scoreOrNull(scores.indicators[n]!)));
  return {
    row, id, ok: true, global: scoreOrNull(scores.global), pillars, indicators, suggestions: suggestions.map((s) => s.actionId), gains: suggestions.map((s) => s.gains.global),
    ...(name && { name }), ...(kept && { kept }), ...(warnings && warnings.length > 0 && { warnings }),
  };
}
