import { issue, type Issue } from '../core/issue.js';
import type { BatchContext } from './batch-context.js';
import type { ColumnPlan } from './column-plan.js';
import { noneWithOthers } from './none-answer.js';
import { cellPath } from './row-problems.js';
import type { RowSink } from './row-sink.js';
import { scoreRefusedRow } from './score-rows.js';

/**
 * A CSV record's cells that no reading can take (« aucun » with other answers, see
 * none-answer.ts), each an issue at its cell, as a workbook's refused cells are; undefined when
 * none. Looked for only in rows the engine found a problem in: the others hold none.
 */
export function refusedCells(plan: ColumnPlan, record: readonly unknown[]): Issue[] | undefined {
  let refused: Issue[] | undefined;
  for (const c of plan.columns) {
    const why = noneWithOthers(c.question, record[c.index], c.parse);
    if (why) (refused ??= []).push(issue(why.code, cellPath(c.id), why.message));
  }
  return refused;
}

/** A record with refused cells, rejected as a workbook's row is: their problems first, then the others of the row read without them. */
export function scoreRefused(context: BatchContext, plan: ColumnPlan, row: number, record: readonly unknown[], refused: Issue[], sink: RowSink): void {
  const columns = new Set(refused.map((p) => p.path));
  const cells: Record<string, unknown> = {};
  plan.header.forEach((column, i) => (cells[column] = columns.has(cellPath(column)) ? '' : record[i]));
  scoreRefusedRow(context, { row, cells, refused }, sink);
}
