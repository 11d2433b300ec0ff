import type { AnswersDocument, AnswerValue, Question } from '../core/content-model.js';
import type { BatchContext } from './batch-context.js';
import { ID_COLUMN, NAME_COLUMN, ORGANISATION_COLUMN, SIREN_COLUMN } from './columns.js';
import { cellParser } from './parse-cell.js';
import { rowRefs } from './store-refs.js';

/** Where each column of a header goes, worked out once per header. */
export interface ColumnPlan {
  /** The header's column names, as read. */
  header: readonly string[];
  idIndex: number;
  nameIndex: number;
  organisationIndex: number;
  sirenIndex: number;
  /** No two columns fill the same slot (the header names each field once), as is usual. */
  oneColumnPerSlot: boolean;
  columns: { index: number; id: string; slot: number; profile: boolean; question: Question; parse: (raw: unknown) => AnswerValue | undefined }[];
}

const plans = new WeakMap<BatchContext, Map<string, ColumnPlan>>();

/** The plan of a header, made the first time the batch meets it. */
export function planOf(context: BatchContext, header: readonly string[]): ColumnPlan {
  const key = header.join('\u0000');
  let byHeader = plans.get(context);
  if (!byHeader) plans.set(context, (byHeader = new Map()));
  let plan = byHeader.get(key);
  if (plan) return plan;
  const { index, engine } = context;
  const columns: ColumnPlan['columns'] = [];
  header.forEach((id, i) => {
    const field = index.profileFields.get(id);
    const question = field ?? index.questions.get(id)?.question;
    if (question) columns.push({ index: i, id, slot: engine.slotOf(id)!, profile: field !== undefined, question, parse: cellParser(question) });
  });
  plan = {
    header: [...header], idIndex: header.indexOf(ID_COLUMN), nameIndex: header.indexOf(NAME_COLUMN), organisationIndex: header.indexOf(ORGANISATION_COLUMN), sirenIndex: header.indexOf(SIREN_COLUMN),
    oneColumnPerSlot: new Set(columns.map((c) => c.slot)).size === columns.length, columns,
  };
  byHeader.set(key, plan);
  return plan;
}

/** The answers document of one row: each known column's cell read for its question; other columns ignored. */
export function documentOf(plan: ColumnPlan, record: readonly unknown[]): AnswersDocument {
  const profile: Record<string, AnswerValue> = {};
  const answers: Record<string, AnswerValue> = {};
  for (const c of plan.columns) {
    const value = c.parse(record[c.index]);
    if (value !== undefined) (c.profile ? profile : answers)[c.id] = value;
  }
  const name = plan.nameIndex >= 0 ? String(record[plan.nameIndex] ?? '').trim() : '';
  return { ...(name && { organisation: { name } }), profile, answers };
}

/** What a row's cells say of its organisation, read only when rows may be kept. */
export function refsOf(context: BatchContext, plan: ColumnPlan, cell: (index: number) => unknown): readonly string[] | undefined {
  if (!context.keep) return undefined;
  return rowRefs(plan.organisationIndex < 0 ? undefined : cell(plan.organisationIndex), plan.sirenIndex < 0 ? undefined : cell(plan.sirenIndex));
}
