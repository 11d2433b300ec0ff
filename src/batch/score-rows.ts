import { parseAnswersDocument } from '../core/answers-document.js';
import type { AnswersDocument } from '../core/content-model.js';
import { viewIssue, type Issue } from '../core/issue.js';
import { missingAnswerIssue, missingAnswers, validateAnswers } from '../core/validate-answers.js';
import type { RankedAction } from '../engine/index.js';
import type { BatchContext } from './batch-context.js';
import { documentOf, planOf, refsOf } from './column-plan.js';
import { isLabelRow } from './columns.js';
import type { InputRow } from './input-row.js';
import { columnOf } from './row-problems.js';
import { okResult, type RowResult, type WrittenResult } from './row-result.js';
import { ResultList, type RowSink } from './row-sink.js';
import { sirenRef } from './store-refs.js';

/**
 * A document the row's cells (or a JSON line) made: checked by the engine, and when it finds a
 * problem, validated by core for every problem's message; then scored. `refs`: what the row says of
 * its organisation, when rows may be kept.
 */
export function scoreDocument(context: BatchContext, row: number, id: string, doc: AnswersDocument, sink: RowSink, refs?: readonly string[]): void {
  if (context.row.setDocument(doc)) return scoreChecked(context, row, id, () => doc, sink, refs);
  const { issues, applicability } = validateAnswers(context.index, doc);
  if (issues.length > 0) {
    // Every problem at once, as submission lists them, so one correction of the file is enough.
    // With the profile wrong, which questions are asked is not known: missing ones would mislead.
    const profileWrong = issues.some((i) => i.path.startsWith('/profile'));
    const missing = context.partial || profileWrong ? [] : missingAnswers(context.index, applicability.status).map(missingAnswerIssue);
    return sink.result(rejected(context, row, id, [...issues, ...missing]));
  }
  context.row.setValidated(doc, applicability);
  scoreChecked(context, row, id, () => doc, sink, refs);
}

const NO_SUGGESTIONS: readonly RankedAction[] = [];

/**
 * Scores and suggests for the engine's checked row; its answers document is built only when it is
 * to be kept. A row leaving required questions unanswered is rejected, naming each (unless the
 * batch is partial): its score would not be the Impact Score, taken on a complete questionnaire.
 */
export function scoreChecked(context: BatchContext, row: number, id: string, doc: () => AnswersDocument, sink: RowSink, refs?: readonly string[]): void {
  const { engine, row: checked } = context;
  if (!context.partial && !checked.complete()) return sink.result(rejected(context, row, id, checked.unanswered().map(missingAnswerIssue)));
  const scores = checked.score();
  const suggestions = context.suggestions > 0 ? checked.topActions(context.suggestions) : NO_SUGGESTIONS;
  if (refs?.some((ref) => context.keep?.has(ref))) sink.result(okResult(engine, row, id, scores, suggestions, { refs, document: doc() }));
  else sink.scored(row, id, scores, suggestions);
}

/** A row rejected for these problems, in the batch's language. */
export function rejected(context: BatchContext, row: number, id: string, problems: readonly Issue[]): Extract<RowResult, { ok: false }> {
  return { row, id, ok: false, problems: problems.map((p) => viewIssue(p, context.lang)) };
}

/** A row read by the JSON Lines or XLSX reader: skipped (the template's label row), rejected, or scored. */
export function scoreInputRow(context: BatchContext, input: InputRow): RowResult {
  if (input.unreadable !== undefined) return rejected(context, input.row, '', [input.unreadable]);
  if (input.document === undefined && isLabelRow(input.cells)) return { row: input.row, skip: true };
  const built = input.document === undefined ? fromCells(context, input.cells) : fromJson(context, input.document);
  if (!built.ok) return rejected(context, input.row, built.id, built.issues);
  const one = new ResultList(context.engine);
  scoreDocument(context, input.row, built.id, built.doc, one, built.refs);
  return input.refused ? withRefused(context, one.results[0]!, input.refused) : one.results[0]!;
}

/**
 * A row some of whose cells were refused is rejected: their problems first, then the row's others
 * (scored without those cells), except what their being empty caused (a required question unanswered).
 */
function withRefused(context: BatchContext, result: WrittenResult, refused: readonly Issue[]): Extract<RowResult, { ok: false }> {
  const columns = new Set(refused.map((p) => columnOf(p.path)));
  const others = result.ok ? [] : result.problems.filter((p) => !columns.has(columnOf(p.path)));
  return { row: result.row, id: result.id, ok: false, problems: [...refused.map((p) => viewIssue(p, context.lang)), ...others] };
}

type Built = { ok: true; doc: AnswersDocument; id: string; refs?: readonly string[] } | { ok: false; id: string; issues: Issue[] };

function fromCells(context: BatchContext, cells: Record<string, unknown>): Built {
  const header = Object.keys(cells);
  const plan = planOf(context, header);
  const record = header.map((h) => cells[h]);
  return { ok: true, id: String(record[plan.idIndex] ?? '').trim(), doc: documentOf(plan, record), refs: refsOf(context, plan, (i) => record[i]) };
}

function fromJson(context: BatchContext, document: unknown): Built {
  const parsed = parseAnswersDocument(document);
  const org = (document as { organisation?: { siren?: unknown; name?: unknown } } | null)?.organisation;
  const id = String(org?.siren ?? org?.name ?? '');
  if (!parsed.ok) return { ok: false, id, issues: parsed.issues };
  const siren = parsed.value.organisation?.siren;
  return { ok: true, doc: parsed.value, id, ...(context.keep && { refs: siren ? [sirenRef(siren)] : [] }) };
}
