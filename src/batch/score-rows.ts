import { parseAnswersDocument } from '../core/answers-document.js';
import type { AnswersDocument } from '../core/content-model.js';
import { viewIssue, type Issue } from '../core/issue.js';
import { missingAnswerIssue, missingAnswers, validateAnswers } from '../core/validate-answers.js';
import type { RankedAction } from '../engine/index.js';
import type { BatchContext } from './batch-context.js';
import { documentOf, planOf, refsOf, type ColumnPlan } from './column-plan.js';
import { ID_COLUMN, isLabelRow } from './columns.js';
import type { InputRow } from './input-row.js';
import { hasDocumentShape } from './document-shape.js';
import { hasOutOfPlace, withoutOutOfPlace } from './ignored-answers.js';
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
  let checked = { doc, warnings: [] as Issue[], ...validateAnswers(context.index, doc) };
  // Answers out of place are ignored with a warning (unless the batch is strict): see ignored-answers.ts.
  if (!context.strict && hasOutOfPlace(checked.issues)) checked = withoutOutOfPlace(context.index, doc);
  const { issues, applicability, warnings } = checked;
  if (issues.length > 0) {
    // Every problem at once, as submission lists them, so one correction of the file is enough.
    // With the profile wrong, which questions are asked is not known: missing ones would mislead.
    const profileWrong = issues.some((i) => i.path.startsWith('/profile'));
    const missing = context.partial || profileWrong ? [] : missingAnswers(context.index, applicability.status).map(missingAnswerIssue);
    return sink.result(rejected(context, row, id, [...issues, ...missing, ...warnings], doc.organisation?.name));
  }
  context.row.setValidated(checked.doc, applicability);
  scoreChecked(context, row, id, () => checked.doc, sink, refs, warnings);
}

const NO_SUGGESTIONS: readonly RankedAction[] = [];

/**
 * Scores and suggests for the engine's checked row; its answers document is built only when it is
 * to be kept. A row leaving required questions unanswered is rejected, naming each (unless the
 * batch is partial): its score would not be the Impact Score, taken on a complete questionnaire.
 * `name` is the organisation's, when the caller has it without building the document.
 */
export function scoreChecked(context: BatchContext, row: number, id: string, doc: () => AnswersDocument, sink: RowSink, refs?: readonly string[], warnings: readonly Issue[] = [], name?: string): void {
  const { engine, row: checked } = context;
  if (!context.partial && !checked.complete()) return sink.result(rejected(context, row, id, [...checked.unanswered().map(missingAnswerIssue), ...warnings], doc().organisation?.name));
  const scores = checked.score();
  const suggestions = context.suggestions > 0 ? checked.topActions(context.suggestions) : NO_SUGGESTIONS;
  const kept = refs?.some((ref) => context.keep?.has(ref)) ? { refs: refs!, document: doc() } : undefined;
  if (kept || warnings.length > 0) sink.result(okResult(engine, row, id, scores, suggestions, { name: doc().organisation?.name, kept, warnings: warnings.map((w) => viewIssue(w, context.lang)) }));
  else sink.scored(row, id, scores, suggestions, name ?? doc().organisation?.name);
}

/** A row rejected for these problems, in the batch's language, with the organisation's name when the row gives one. */
export function rejected(context: BatchContext, row: number, id: string, problems: readonly Issue[], name?: string): Extract<RowResult, { ok: false }> {
  return { row, id, ok: false, problems: problems.map((p) => viewIssue(p, context.lang)), ...(name && { name }) };
}

/** A row read by the JSON Lines or XLSX reader: skipped (the template's label row), rejected, or scored. */
export function scoreInputRow(context: BatchContext, input: InputRow): RowResult {
  if (input.unreadable !== undefined) return rejected(context, input.row, '', [input.unreadable]);
  if (input.document === undefined && isLabelRow(input.cells)) return { row: input.row, skip: true };
  const built = input.document === undefined ? fromCells(context, input.cells) : fromJson(context, input.document);
  if (!built.ok) return rejected(context, input.row, built.id, built.issues, built.name);
  const one = new ResultList(context.engine);
  scoreDocument(context, input.row, built.id, built.doc, one, built.refs);
  return input.refused ? withRefused(context, one.results[0]!, input.refused) : one.results[0]!;
}

/** A row some of whose cells were refused (a workbook's, or a CSV record's « aucun » with others), rejected into `sink` as scoreInputRow says. */
export function scoreRefusedRow(context: BatchContext, input: InputRow, sink: RowSink): void {
  const result = scoreInputRow(context, input);
  if (!('skip' in result)) sink.result(result);
}

/** A workbook row without refused cells, its values by the columns of `plan` (as fromCells orders a row's cells): scored as scoreInputRow scores it. */
export function scoreRecord(context: BatchContext, row: number, plan: ColumnPlan, record: readonly unknown[], sink: RowSink): void {
  if (isLabelRow({ [ID_COLUMN]: plan.idIndex >= 0 ? record[plan.idIndex] : undefined })) return;
  const built = fromRecord(context, plan, record);
  scoreDocument(context, row, built.id, built.doc, sink, built.refs);
}

/** A JSON line read in a worker, scored into `sink` (a CSV writer's bytes, or results): as scoreInputRow does, without a result per row. */
export function scoreJsonRow(context: BatchContext, input: InputRow, sink: RowSink): void {
  if (input.unreadable !== undefined) return sink.result(rejected(context, input.row, '', [input.unreadable]));
  // Most lines are valid documents: checked by the engine without the schema's parse (see document-shape.ts).
  if (hasDocumentShape(input.document) && context.row.setDocument(input.document as AnswersDocument)) {
    const built = fromJson(context, input.document, false);
    const doc = withoutSchema(input.document);
    if (built.ok) return scoreChecked(context, input.row, built.id, () => doc, sink, built.refs);
  }
  const built = fromJson(context, input.document);
  if (!built.ok) return sink.result(rejected(context, input.row, built.id, built.issues, built.name));
  scoreDocument(context, input.row, built.id, built.doc, sink, built.refs);
}

/**
 * A row some of whose cells were refused is rejected: their problems first, then the row's others
 * (scored without those cells), except what their being empty caused (a required question unanswered).
 */
function withRefused(context: BatchContext, result: WrittenResult, refused: readonly Issue[]): Extract<RowResult, { ok: false }> {
  const columns = new Set(refused.map((p) => columnOf(p.path)));
  const others = (result.ok ? result.warnings ?? [] : result.problems).filter((p) => !columns.has(columnOf(p.path)));
  return { row: result.row, id: result.id, ok: false, problems: [...refused.map((p) => viewIssue(p, context.lang)), ...others], ...(result.name && { name: result.name }) };
}

type Built = { ok: true; doc: AnswersDocument; id: string; refs?: readonly string[] } | { ok: false; id: string; name?: string; issues: Issue[] };

function fromCells(context: BatchContext, cells: Record<string, unknown>): Built {
  const header = Object.keys(cells);
  return fromRecord(context, planOf(context, header), header.map((h) => cells[h]));
}

function fromRecord(context: BatchContext, plan: ColumnPlan, record: readonly unknown[]): Extract<Built, { ok: true }> {
  return { ok: true, id: String(record[plan.idIndex] ?? '').trim(), doc: documentOf(plan, record), refs: refsOf(context, plan, (i) => record[i]) };
}

/** A JSON line's document, its identifier and what it says of its organisation; `parse: false` for a document whose shape is known good, taken as it is. */
function fromJson(context: BatchContext, document: unknown, parse = true): Built {
  const parsed = parse ? parseAnswersDocument(document) : { ok: true as const, value: document as AnswersDocument };
  const org = (document as { organisation?: { siren?: unknown; name?: unknown } } | null)?.organisation;
  const id = String(org?.siren ?? org?.name ?? '');
  if (!parsed.ok) return { ok: false, id, issues: parsed.issues, ...(typeof org?.name === 'string' && { name: org.name }) };
  return { ok: true, doc: parsed.value, id, ...(context.keep && { refs: sirenRefs(parsed.value.organisation?.siren) }) };
}

/** A JSON line's document as the schema's parse gives it: the same, without its $schema. */
export function withoutSchema(document: unknown): AnswersDocument {
  const { $schema: _schema, ...doc } = document as AnswersDocument & { $schema?: string };
  return doc;
}

/** What a JSON line says of its organisation, for the rows a batch keeps: its SIREN, if any. */
export const sirenRefs = (siren: string | undefined): string[] => (siren ? [sirenRef(siren)] : []);
