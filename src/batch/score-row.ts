import type { CompiledScorer } from '../core/compiled-scorer.js';
import { scoreWithStatus } from '../core/compiled-scorer.js';
import type { AnswersDocument, AnswerValue } from '../core/content-model.js';
import { viewIssue, type Issue } from '../core/issue.js';
import { quickSuggest, type compileActions } from '../core/quick-suggest.js';
import type { Lang } from '../core/text.js';
import { validateAnswers } from '../core/validate-answers.js';
import { parseAnswersDocument } from '../core/answers-document.js';
import { ID_COLUMN, NAME_COLUMN, isLabelRow } from './columns.js';
import { parseCell } from './parse-cell.js';

/** A row as read: its number in the file (as a spreadsheet counts rows) and its cells by column. */
export interface InputRow {
  row: number;
  cells: Record<string, unknown>;
  /** For JSON Lines: the answers document itself. */
  document?: unknown;
  /** A row that could not even be read (a JSON line that is not JSON). */
  unreadable?: string;
}

export interface RowProblem {
  column: string;
  message: string;
}

export type RowResult =
  | { row: number; id: string; ok: true; global: number | null; pillars: Record<string, number | null>; indicators: Record<string, number | null>; suggestions: string[]; document?: AnswersDocument }
  | { row: number; id: string; ok: false; problems: RowProblem[] }
  | { row: number; skip: true };

export interface RowScorer {
  compiled: CompiledScorer;
  actions: ReturnType<typeof compileActions>;
  lang: Lang;
  /** How many suggested actions per row (0: none, faster). */
  suggestions: number;
  /** Rows whose identifier is here keep their answers document in the result (to be stored). */
  keep?: ReadonlySet<string>;
}

/** Scores one row: builds its answers document, validates it, scores it, suggests its top actions. */
export function scoreRow(scorer: RowScorer, input: InputRow): RowResult {
  if (input.unreadable !== undefined) return { row: input.row, id: '', ok: false, problems: [{ column: '—', message: input.unreadable }] };
  if (input.document === undefined && isLabelRow(input.cells)) return { row: input.row, skip: true };
  const built = input.document === undefined ? fromCells(scorer, input.cells) : fromJson(input.document);
  if (!built.ok) return { row: input.row, id: built.id, ok: false, problems: built.issues.map((i) => problem(i, scorer.lang)) };
  const { doc, id } = built;
  const { issues, applicability } = validateAnswers(scorer.compiled.index, doc);
  if (issues.length > 0) return { row: input.row, id, ok: false, problems: issues.map((i) => problem(i, scorer.lang)) };
  const result = scoreWithStatus(scorer.compiled, doc, applicability.status);
  const suggestions = scorer.suggestions > 0 ? quickSuggest(scorer.compiled, scorer.actions, doc, applicability, result, scorer.suggestions).map((s) => s.actionId) : [];
  return {
    row: input.row,
    id,
    ok: true,
    global: result.global,
    pillars: Object.fromEntries(result.pillars.map((p) => [p.id, p.score])),
    indicators: Object.fromEntries(result.indicators.map((i) => [i.id, i.score])),
    suggestions,
    ...(scorer.keep?.has(id) && { document: doc }),
  };
}

type Built = { ok: true; doc: AnswersDocument; id: string } | { ok: false; id: string; issues: Issue[] };

function fromCells(scorer: RowScorer, cells: Record<string, unknown>): Built {
  const index = scorer.compiled.index;
  const id = String(cells[ID_COLUMN] ?? '').trim();
  const profile: Record<string, AnswerValue> = {};
  const answers: Record<string, AnswerValue> = {};
  for (const [column, raw] of Object.entries(cells)) {
    const field = index.profileFields.get(column);
    const question = field ?? index.questions.get(column)?.question;
    if (!question) continue; // Extra columns (notes, totals…) are left alone.
    const value = parseCell(question, raw);
    if (value !== undefined) (field ? profile : answers)[column] = value;
  }
  const name = String(cells[NAME_COLUMN] ?? '').trim();
  return { ok: true, id, doc: { ...(name && { organisation: { name } }), profile, answers } };
}

function fromJson(document: unknown): Built {
  const parsed = parseAnswersDocument(document);
  const org = (document as { organisation?: { siren?: unknown; name?: unknown } } | null)?.organisation;
  const id = String(org?.siren ?? org?.name ?? '');
  return parsed.ok ? { ok: true, doc: parsed.value, id } : { ok: false, id, issues: parsed.issues };
}

// "/answers/inclusion-hires/1" → the column "inclusion-hires".
function problem(issue: Issue, lang: Lang): RowProblem {
  const parts = issue.path.split('/').filter(Boolean);
  const column = (parts[0] === 'answers' || parts[0] === 'profile') && parts[1] ? parts[1] : parts.join('/') || '—';
  return { column, message: viewIssue(issue, lang).message };
}
