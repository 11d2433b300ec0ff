import { createWriteStream, type WriteStream } from 'node:fs';
import { stringify as stringifySync } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { RowResult } from './score-row.js';
import { cellsOf, formatRows, textFormatOf, type OutputLayout, type TextFormat } from './format-rows.js';


export type OutputFormat = 'csv' | 'jsonl' | 'xlsx';

export function outputFormatOf(file: string): OutputFormat | undefined {
  const ext = file.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  return ext === 'csv' ? 'csv' : ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : ext === 'xlsx' ? 'xlsx' : undefined;
}

export interface ResultWriter {
  /** For CSV and JSON Lines: the format in which rows can come already written, to `writeText`. */
  text?: TextFormat;
  writeText?(lines: string | Uint8Array): Promise<void>;
  write(result: Exclude<RowResult, { skip: true }>): Promise<void>;
  close(): Promise<void>;
}

function headerOf(layout: OutputLayout): string[] {
  return ['row', 'id', 'global', ...layout.pillars, ...layout.indicators, ...Array.from({ length: layout.suggestions }, (_, i) => `suggestion_${i + 1}`), 'error'];
}

function ended(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
  });
}

/** Writes results in the format of the output file's extension, streaming. */
export function openWriter(file: string, format: OutputFormat, layout: OutputLayout, delimiter = ','): ResultWriter {
  if (format === 'xlsx') return xlsxWriter(file, layout);
  const text = textFormatOf(format, layout, delimiter)!;
  const out = createWriteStream(file);
  const done = ended(out);
  if (text.format === 'csv') out.write(stringifySync([headerOf(layout)], { bom: true, delimiter }));
  const writeText = async (lines: string | Uint8Array) => {
    if (lines.length > 0 && !out.write(lines)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  return {
    text,
    writeText,
    write: (result) => writeText(formatRows(text, [result])),
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
