import type { ContentIndex } from '../core/content-index.js';
import type { AnswersDocument, AnswerValue, Question } from '../core/content-model.js';
import { viewIssue, type Issue } from '../core/issue.js';
import { Known, scoreOrNull, type Engine, type EngineRow, type RankedAction, type RowScores } from '../engine/index.js';
import { localize, type Lang, type LocalizedText } from '../core/text.js';
import { missingAnswerIssue, missingAnswers, validateAnswers } from '../core/validate-answers.js';
import { parseAnswersDocument } from '../core/answers-document.js';
import { ID_COLUMN, NAME_COLUMN, ORGANISATION_COLUMN, SIREN_COLUMN, isLabelRow } from './columns.js';
import { rowRefs, sirenRef } from './store-refs.js';
import { cellParser } from './parse-cell.js';
import { chunkText, type CsvChunk } from './csv-chunk.js';
import { csvRecords } from './csv-records.js';
import { ByteCellReader, isAscii, type TextOf } from './byte-cell.js';
import { quotedRecords, readPlainRecord, type PlainRecord } from './plain-records.js';

/** A row as read: its number in the file (as a spreadsheet counts rows) and its cells by column. */
export interface InputRow {
  row: number;
  cells: Record<string, unknown>;
  /** For JSON Lines: the answers document itself. */
  document?: unknown;
  /** A row that could not even be read (a JSON line that is not JSON, a CSV quote never closed): why, in each language. */
  unreadable?: LocalizedText;
  /** Cells the reader refused (a workbook's date, or a number that could mean two percentages): left out of `cells`, and why. */
  refused?: CellProblem[];
}

export interface CellProblem {
  column: string;
  reason: LocalizedText;
}

export interface RowProblem {
  column: string;
  message: string;
}

/** A scored row's answers, kept to be stored, with what the row says of its organisation (see store-refs.ts). */
export interface KeptRow {
  refs: readonly string[];
  document: AnswersDocument;
}

export type RowResult =
  | { row: number; id: string; ok: true; global: number | null; pillars: Record<string, number | null>; indicators: Record<string, number | null>; suggestions: string[]; kept?: KeptRow }
  | { row: number; id: string; ok: false; problems: RowProblem[] }
  | { row: number; skip: true };

export interface RowScorer {
  index: ContentIndex;
  engine: Engine;
  lang: Lang;
  /** How many suggested actions per row (0: none, faster). */
  suggestions: number;
  /** Whether a row leaving required questions unanswered is scored (they earn no points) rather than rejected. */
  partial: boolean;
  /** Rows naming one of these organisations (by their organisation or SIREN columns, never by `id`: see store-refs.ts) keep their answers in the result, to be stored. */
  keep?: ReadonlySet<string>;
  /** The row the engine works in, and the record read from bytes, reused by the next (rows are scored one after the other). */
  row: EngineRow;
  record: PlainRecord;
}

/**
 * Where scored rows go, in file order. A valid row comes as its scores by position (valid until
 * the next row) and suggestions, so that a sink writing text needs no result object per row; any
 * other row (with problems, or whose answers are kept) comes as a result.
 */
export interface RowSink {
  scored(row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[]): void;
  result(result: Exclude<RowResult, { skip: true }>): void;
}

/** A sink keeping every row as a result object: what XLSX, JSON Lines and the API take. */
export class ResultList implements RowSink {
  readonly results: Exclude<RowResult, { skip: true }>[] = [];

  constructor(private readonly engine: Engine) {}

  scored(row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[]): void {
    this.results.push(okResult(this.engine, row, id, scores, suggestions));
  }

  result(result: Exclude<RowResult, { skip: true }>): void {
    this.results.push(result);
  }
}

/** A valid row's result, scores by id. */
export function okResult(engine: Engine, row: number, id: string, scores: RowScores, suggestions: readonly RankedAction[], kept?: KeptRow): Extract<RowResult, { ok: true }> {
  const pillars: Record<string, number | null> = {};
  engine.pillars.forEach((p, n) => (pillars[p] = scoreOrNull(scores.pillars[n]!)));
  const indicators: Record<string, number | null> = {};
  engine.indicators.forEach((i, n) => (indicators[i] = scoreOrNull(scores.indicators[n]!)));
  return { row, id, ok: true, global: scoreOrNull(scores.global), pillars, indicators, suggestions: suggestions.map((s) => s.actionId), ...(kept && { kept }) };
}

/** Scores one row: builds its answers document, validates it, scores it, suggests its top actions. */
export function scoreRow(scorer: RowScorer, input: InputRow): RowResult {
  if (input.unreadable !== undefined) return unreadableRow(input.row, input.unreadable, scorer.lang);
  if (input.document === undefined && isLabelRow(input.cells)) return { row: input.row, skip: true };
  const built = input.document === undefined ? fromCells(scorer, input.cells) : fromJson(scorer, input.document);
  if (!built.ok) return { row: input.row, id: built.id, ok: false, problems: built.issues.map((i) => problem(i, scorer.lang)) };
  const one = new ResultList(scorer.engine);
  scoreDocument(scorer, input.row, built.id, built.doc, one, built.refs);
  return input.refused ? withRefused(one.results[0]!, input.refused, scorer.lang) : one.results[0]!;
}

/**
 * A row some of whose cells were refused is rejected: their problems first, then the row's others
 * (scored without those cells), except what their being empty caused (a required question unanswered).
 */
function withRefused(result: Exclude<RowResult, { skip: true }>, refused: readonly CellProblem[], lang: Lang): Extract<RowResult, { ok: false }> {
  const columns = new Set(refused.map((p) => p.column));
  const others = result.ok ? [] : result.problems.filter((p) => !columns.has(p.column));
  return { row: result.row, id: result.id, ok: false, problems: [...refused.map((p) => ({ column: p.column, message: localize(p.reason, lang) })), ...others] };
}

function unreadableRow(row: number, reason: LocalizedText, lang: Lang): Extract<RowResult, { ok: false }> {
  return { row, id: '', ok: false, problems: [{ column: '—', message: localize(reason, lang) }] };
}

/** Validates, scores and suggests for one organisation's answers; `refs`: what the row says of its organisation, when rows may be kept. */
function scoreDocument(scorer: RowScorer, row: number, id: string, doc: AnswersDocument, sink: RowSink, refs?: readonly string[]): void {
  if (scorer.row.setDocument(doc)) return scoreState(scorer, row, id, () => doc, sink, refs);
  // A problem somewhere: the full validation names every one.
  const { issues, applicability } = validateAnswers(scorer.index, doc);
  if (issues.length > 0) {
    // Every problem at once, as submission lists them, so one correction of the file is enough.
    // With the profile wrong, which questions are asked is not known: missing ones would mislead.
    const profileWrong = issues.some((i) => i.path.startsWith('/profile'));
    const missing = scorer.partial || profileWrong ? [] : missingAnswers(scorer.index, applicability.status).map(missingAnswerIssue);
    return sink.result({ row, id, ok: false, problems: [...issues, ...missing].map((i) => problem(i, scorer.lang)) });
  }
  scorer.row.setValidated(doc, applicability);
  scoreState(scorer, row, id, () => doc, sink, refs);
}

const NO_SUGGESTIONS: readonly RankedAction[] = [];

/**
 * Scores and suggests for a valid row; its answers document is only built when it is to be kept.
 * A row leaving required questions unanswered is rejected, naming each (unless the batch is partial):
 * its score would not be the Impact Score, which is taken on a complete questionnaire.
 */
function scoreState(scorer: RowScorer, row: number, id: string, doc: () => AnswersDocument, sink: RowSink, refs?: readonly string[]): void {
  const { engine } = scorer;
  if (!scorer.partial && !scorer.row.complete()) {
    return sink.result({ row, id, ok: false, problems: scorer.row.unanswered().map((q) => problem(missingAnswerIssue(q), scorer.lang)) });
  }
  const scores = scorer.row.score();
  const suggestions = scorer.suggestions > 0 ? scorer.row.topActions(scorer.suggestions) : NO_SUGGESTIONS;
  if (refs?.some((ref) => scorer.keep?.has(ref))) sink.result(okResult(engine, row, id, scores, suggestions, { refs, document: doc() }));
  else sink.scored(row, id, scores, suggestions);
}

type Built = { ok: true; doc: AnswersDocument; id: string; refs?: readonly string[] } | { ok: false; id: string; issues: Issue[] };

function fromCells(scorer: RowScorer, cells: Record<string, unknown>): Built {
  const header = Object.keys(cells);
  const plan = planOf(scorer, header);
  const record = header.map((h) => cells[h]);
  return { ok: true, id: String(record[plan.idIndex] ?? '').trim(), doc: documentOf(plan, record), refs: refsOf(scorer, plan, (i) => record[i]) };
}

function fromJson(scorer: RowScorer, document: unknown): Built {
  const parsed = parseAnswersDocument(document);
  const org = (document as { organisation?: { siren?: unknown; name?: unknown } } | null)?.organisation;
  const id = String(org?.siren ?? org?.name ?? '');
  if (!parsed.ok) return { ok: false, id, issues: parsed.issues };
  const siren = parsed.value.organisation?.siren;
  return { ok: true, doc: parsed.value, id, ...(scorer.keep && { refs: siren ? [sirenRef(siren)] : [] }) };
}

/** What a row's cells say of its organisation, read only when rows may be kept. */
function refsOf(scorer: RowScorer, plan: ColumnPlan, cell: (index: number) => unknown): readonly string[] | undefined {
  if (!scorer.keep) return undefined;
  return rowRefs(plan.organisationIndex < 0 ? undefined : cell(plan.organisationIndex), plan.sirenIndex < 0 ? undefined : cell(plan.sirenIndex));
}

// "/answers/inclusion-hires/1" → the column "inclusion-hires".
function problem(issue: Issue, lang: Lang): RowProblem {
  const parts = issue.path.split('/').filter(Boolean);
  const column = (parts[0] === 'answers' || parts[0] === 'profile') && parts[1] ? parts[1] : parts.join('/') || '—';
  return { column, message: viewIssue(issue, lang).message };
}

/** Where each column of a header goes, worked out once per header. */
interface ColumnPlan {
  idIndex: number;
  nameIndex: number;
  organisationIndex: number;
  sirenIndex: number;
  /** No two columns fill the same slot (the header names each field once), as is usual. */
  oneColumnPerSlot: boolean;
  columns: { index: number; id: string; slot: number; profile: boolean; question: Question; parse: (raw: unknown) => AnswerValue | undefined }[];
  /** The columns' cells read from their bytes (column k of the reader is `columns[k]`). */
  cells: ByteCellReader;
}

const plans = new WeakMap<RowScorer, Map<string, ColumnPlan>>();

function planOf(scorer: RowScorer, header: readonly string[]): ColumnPlan {
  const key = header.join('\u0000');
  let byHeader = plans.get(scorer);
  if (!byHeader) plans.set(scorer, (byHeader = new Map()));
  let plan = byHeader.get(key);
  if (plan) return plan;
  const { index } = scorer;
  const columns: ColumnPlan['columns'] = [];
  header.forEach((id, i) => {
    const field = index.profileFields.get(id);
    const question = field ?? index.questions.get(id)?.question;
    if (question) columns.push({ index: i, id, slot: scorer.engine.slotOf(id)!, profile: field !== undefined, question, parse: cellParser(question) });
  });
  plan = {
    idIndex: header.indexOf(ID_COLUMN), nameIndex: header.indexOf(NAME_COLUMN), organisationIndex: header.indexOf(ORGANISATION_COLUMN), sirenIndex: header.indexOf(SIREN_COLUMN),
    oneColumnPerSlot: false, columns, cells: new ByteCellReader(columns, scorer.engine.codes),
  };
  plan.oneColumnPerSlot = new Set(plan.columns.map((c) => c.slot)).size === plan.columns.length;
  byHeader.set(key, plan);
  return plan;
}

/** A chunk read whole as text (csvRecords): what the tests hold `scoreCsvChunk` to. */
export function scoreTextChunk(scorer: RowScorer, chunk: CsvChunk, sink: RowSink, plan = planOf(scorer, chunk.header)): number {
  const records = csvRecords(chunkText(chunk), chunk.delimiter);
  records.forEach((record, i) => scoreTextRecord(scorer, plan, chunk.firstRow + i, record, sink));
  return chunk.firstRow + records.length - 1;
}

/** One record read as text: skipped when blank, or when it is the template's label row. */
function scoreTextRecord(scorer: RowScorer, plan: ColumnPlan, row: number, record: readonly string[], sink: RowSink): void {
  if (record.every((cell) => cell.trim() === '')) return;
  const id = String(record[plan.idIndex] ?? '').trim();
  if (row === 2 && isLabelRow({ [ID_COLUMN]: id })) return;
  scoreRecord(scorer, plan, row, id, record, sink);
}

/**
 * Parses and scores a chunk of CSV records (in a worker) into `sink`, and tells the row number of
 * its last record: row numbers follow the file's. Each cell of a record without quotes (most are)
 * is read from its bytes (plain-records.ts), with no string made for the texts a column repeats;
 * records with quotes are read as text (see `quotedRecords`), and one that cannot be read is
 * rejected with its number.
 */
export function scoreCsvChunk(scorer: RowScorer, chunk: CsvChunk, sink: RowSink): number {
  const plan = planOf(scorer, chunk.header);
  const { bytes } = chunk;
  const delimiter = chunk.delimiter.charCodeAt(0);
  const { record } = scorer;
  const textOf = textReader(chunk);
  const quoted = quotedRecords(bytes, chunk.delimiter, textOf);
  // Slots no column of this header fills stay empty for the whole chunk (see scorePlainRecord).
  scorer.row.clear();
  let row = chunk.firstRow;
  for (let at = 0; at < bytes.length; row++) {
    const text = quoted.size > 0 ? quoted.get(at) : undefined;
    if (text) {
      at = text.next;
      if ('cells' in text) scoreTextRecord(scorer, plan, row, text.cells, sink);
      else sink.result(unreadableRow(row, text.unreadable, scorer.lang));
      continue;
    }
    at = readPlainRecord(bytes, at, delimiter, record);
    if (isBlank(bytes, record, delimiter, textOf)) continue;
    const id = plan.idIndex >= 0 && plan.idIndex < record.count ? textOf(record.starts[plan.idIndex]!, record.ends[plan.idIndex]!).trim() : '';
    if (row === 2 && isLabelRow({ [ID_COLUMN]: id })) continue;
    scorePlainRecord(scorer, plan, row, id, bytes, record, textOf, sink);
  }
  return row - 1;
}

function scorePlainRecord(scorer: RowScorer, plan: ColumnPlan, row: number, id: string, bytes: Uint8Array, record: PlainRecord, textOf: TextOf, sink: RowSink): void {
  const { row: state } = scorer;
  const { columns, oneColumnPerSlot, cells } = plan;
  // Each column's slot is written whatever the cell holds, which clears what the row before left
  // there; where two columns fill one slot, the last non-empty cell wins, as in documentOf.
  if (!oneColumnPerSlot) state.clear();
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k]!;
    const value = c.index < record.count ? cells.read(k, bytes, record.starts[c.index]!, record.ends[c.index]!, textOf, record.hashes[c.index]!) : undefined;
    if (value === undefined && !oneColumnPerSlot) continue;
    state.set(c.slot, value, value !== undefined ? cells.known : Known.unknown, value !== undefined ? cells.code : -1);
  }
  const valid = state.check();
  // The record's texts are made only for a row with a problem, or one to keep.
  const texts = () => Array.from({ length: record.count }, (_, i) => textOf(record.starts[i]!, record.ends[i]!));
  const refs = scorer.keep && refsOf(scorer, plan, (i) => (i < record.count ? textOf(record.starts[i]!, record.ends[i]!) : undefined));
  if (!valid) return scoreDocument(scorer, row, id, documentOf(plan, texts()), sink, refs);
  scoreState(scorer, row, id, () => documentOf(plan, texts()), sink, refs);
}

/** Whether every cell of a record is blank (`cell.trim() === ''`): bytes other than ASCII spaces are decoded to be sure. */
function isBlank(bytes: Uint8Array, record: PlainRecord, delimiter: number, textOf: TextOf): boolean {
  for (let i = record.start; i < record.end; i++) {
    const b = bytes[i]!;
    if (b === delimiter || b === SPACE || (b >= TAB && b <= CR)) continue;
    if (b < 0x80) return false;
    for (let c = 0; c < record.count; c++) if (textOf(record.starts[c]!, record.ends[c]!).trim() !== '') return false;
    return true;
  }
  return true;
}

const [TAB, CR, SPACE] = [0x09, 0x0d, 0x20] as const;

/** Cells' texts as a whole-chunk decoding would give them: ASCII reads alike in both encodings, the rest is decoded with the chunk's. */
function textReader(chunk: CsvChunk): TextOf {
  const { bytes } = chunk;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (start, end) => {
    if (isAscii(bytes, start, end)) return buffer.toString('latin1', start, end);
    return chunkText({ bytes: bytes.subarray(start, end), encoding: chunk.encoding });
  };
}

/** One record straight into the row's arrays; the answers document is built only for a row with a problem, or one to keep. */
function scoreRecord(scorer: RowScorer, plan: ColumnPlan, row: number, id: string, record: readonly unknown[], sink: RowSink): void {
  scorer.row.clear();
  for (const c of plan.columns) {
    const value = c.parse(record[c.index]);
    if (value !== undefined) scorer.row.set(c.slot, value, Known.unknown, -1);
  }
  const refs = scorer.keep && refsOf(scorer, plan, (i) => record[i]);
  if (!scorer.row.check()) return scoreDocument(scorer, row, id, documentOf(plan, record), sink, refs);
  scoreState(scorer, row, id, () => documentOf(plan, record), sink, refs);
}

/** The answers document of one row: each known column's cell read for its question; other columns ignored. */
function documentOf(plan: ColumnPlan, record: readonly unknown[]): AnswersDocument {
  const profile: Record<string, AnswerValue> = {};
  const answers: Record<string, AnswerValue> = {};
  for (const c of plan.columns) {
    const value = c.parse(record[c.index]);
    if (value !== undefined) (c.profile ? profile : answers)[c.id] = value;
  }
  const name = plan.nameIndex >= 0 ? String(record[plan.nameIndex] ?? '').trim() : '';
  return { ...(name && { organisation: { name } }), profile, answers };
}
