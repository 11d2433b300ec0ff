import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { portfolioColumns } from '../../src/batch/columns.js';
import { NONE_WORDS } from '../../src/batch/none-answer.js';
import type { ContentIndex } from '../../src/core/content-index.js';
import type { AnswersDocument, AnswerValue } from '../../src/core/content-model.js';
import { generateAnswers, random } from './generate-answers.js';

/** A cell as a French spreadsheet would hold it: oui/non, decimal comma, options joined by |, « aucun » for none ticked. */
export function cellOf(value: AnswerValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (Array.isArray(value)) return value.length === 0 ? NONE_WORDS.fr : value.join('|');
  return value;
}

/** A row of the template's columns; the organisation number and SIREN columns (for storing) left empty. */
export function rowOf(index: ContentIndex, id: string, doc: AnswersDocument): string[] {
  return portfolioColumns(index, 'fr').map((c) =>
    c.kind === 'id' ? id : c.kind === 'name' ? (doc.organisation?.name ?? '') : c.kind === 'profile' || c.kind === 'answer' ? cellOf((c.kind === 'profile' ? doc.profile : doc.answers)[c.id]) : '',
  );
}

/**
 * Writes a portfolio CSV of `count` generated valid organisations (semicolon, as French Excel does):
 * complete ones, as a batch scores by default, unless a share of questions is to be left `unanswered`;
 * with `quoteEvery`, one row in that many has a name holding the delimiter, which is then quoted.
 */
export async function writePortfolio(index: ContentIndex, file: string, count: number, seed: number, { delimiter = ';', unanswered = 0, quoteEvery = 0 } = {}): Promise<AnswersDocument[]> {
  const rand = random(seed);
  const out = createWriteStream(file);
  const csv = stringify({ delimiter, bom: true });
  csv.pipe(out);
  csv.write(portfolioColumns(index, 'fr').map((c) => c.id));
  const kept: AnswersDocument[] = [];
  for (let i = 0; i < count; i++) {
    const doc = generateAnswers(index, rand, unanswered);
    if (kept.length < 2000) kept.push(doc);
    const named = quoteEvery > 0 && i % quoteEvery === 0 ? { ...doc, organisation: { name: `Org ${i + 1}${delimiter} « quoted »` } } : doc;
    if (!csv.write(rowOf(index, `ORG-${i + 1}`, named))) await new Promise<void>((resolve) => csv.once('drain', () => resolve()));
  }
  csv.end();
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
  return kept;
}

/** The same generated organisations as JSON Lines (one answers document per line, named) or as an XLSX sheet. */
export async function writePortfolioAs(format: 'jsonl' | 'xlsx', index: ContentIndex, file: string, count: number, seed: number): Promise<void> {
  const rand = random(seed);
  const docs = function* () {
    for (let i = 0; i < count; i++) yield { id: `ORG-${i + 1}`, doc: generateAnswers(index, rand, 0) };
  };
  if (format === 'jsonl') {
    const out = createWriteStream(file);
    for (const { id, doc } of docs()) {
      if (!out.write(`${JSON.stringify({ organisation: { name: id }, ...doc })}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.end();
    await new Promise<void>((resolve) => out.once('finish', () => resolve()));
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Portefeuille');
  sheet.addRow(portfolioColumns(index, 'fr').map((c) => c.id)).commit();
  for (const { id, doc } of docs()) sheet.addRow(rowOf(index, id, doc)).commit();
  sheet.commit();
  await workbook.commit();
}
