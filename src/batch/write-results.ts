import { createWriteStream, type WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { RowResult } from './score-row.js';

export type OutputFormat = 'csv' | 'jsonl' | 'xlsx';

export function outputFormatOf(file: string): OutputFormat | undefined {
  const ext = file.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  return ext === 'csv' ? 'csv' : ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : ext === 'xlsx' ? 'xlsx' : undefined;
}

export interface ResultWriter {
  write(result: Exclude<RowResult, { skip: true }>): Promise<void>;
  close(): Promise<void>;
}

export interface OutputLayout {
  pillars: string[];
  indicators: string[];
  suggestions: number;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) is prefixed with
 * an apostrophe: an identifier sent by someone else must never execute in an advisor's Excel.
 */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function headerOf(layout: OutputLayout): string[] {
  return ['row', 'id', 'global', ...layout.pillars, ...layout.indicators, ...Array.from({ length: layout.suggestions }, (_, i) => `suggestion_${i + 1}`), 'error'];
}

function cellsOf(layout: OutputLayout, r: Exclude<RowResult, { skip: true }>): (string | number | null)[] {
  const id = safeCell(r.id);
  if (!r.ok) {
    const error = safeCell(r.problems.map((p) => `${p.column}: ${p.message}`).join(' | '));
    return [r.row, id, null, ...layout.pillars.map(() => null), ...layout.indicators.map(() => null), ...Array.from({ length: layout.suggestions }, () => null), error];
  }
  return [r.row, id, r.global, ...layout.pillars.map((p) => r.pillars[p] ?? null), ...layout.indicators.map((i) => r.indicators[i] ?? null), ...Array.from({ length: layout.suggestions }, (_, i) => r.suggestions[i] ?? null), null];
}

function ended(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
  });
}

/** Writes results in the format of the output file's extension, streaming. */
export function openWriter(file: string, format: OutputFormat, layout: OutputLayout, delimiter = ','): ResultWriter {
  if (format === 'jsonl') return jsonLinesWriter(file);
  if (format === 'xlsx') return xlsxWriter(file, layout);
  const out = createWriteStream(file);
  const done = ended(out);
  const csv = stringify({ delimiter, bom: true, cast: { number: (n) => String(n) } });
  csv.pipe(out);
  csv.write(headerOf(layout));
  return {
    async write(result) {
      if (!csv.write(cellsOf(layout, result).map((c) => c ?? ''))) await new Promise<void>((resolve) => csv.once('drain', () => resolve()));
    },
    async close() {
      csv.end();
      await done;
    },
  };
}

function jsonLinesWriter(file: string): ResultWriter {
  const out = createWriteStream(file);
  const done = ended(out);
  return {
    async write(result) {
      if (!out.write(`${JSON.stringify(result)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    },
    async close() {
      out.end();
      await done;
    },
  };
}

function xlsxWriter(file: string, layout: OutputLayout): ResultWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('scores');
  sheet.addRow(headerOf(layout)).commit();
  return {
    async write(result) {
      sheet.addRow(cellsOf(layout, result)).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
