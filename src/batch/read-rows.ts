import type { EventEmitter } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ContentIndex } from '../core/content-index.js';
import type { Question } from '../core/content-model.js';
import { issue, type Issue } from '../core/issue.js';
import { BatchFileError, unreadableFile } from './batch-file-error.js';
import { checkHeader } from './columns.js';
import type { InputRow } from './input-row.js';
import { readJsonLinesChunks, type JsonLinesChunk } from './json-lines.js';
import { cellPath } from './row-problems.js';
import { readXlsxCell, xlsxText } from './xlsx-cell.js';
import { EMPTY_SHEET, MAX_CELL_CHARS, MAX_COLUMNS, rowTooLarge, UNREADABLE_WORKBOOK } from './xlsx/workbook-refusals.js';

export type InputFormat = 'csv' | 'jsonl' | 'xlsx';


export function formatOf(file: string): InputFormat | undefined {
  const ext = file.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'xlsx') return 'xlsx';
  return undefined;
}

/** Tracks how far into the file reading has gone, for progress and remaining time. */
export interface ReadProgress {
  bytesRead: number;
  /** 0 while unknown; for XLSX, the sheet's compressed size, against its compressed bytes read. */
  totalBytes: number;
}

/**
 * The rows of an XLSX portfolio file, streamed by exceljs, with spreadsheet row numbers: the
 * reference the tests hold the workers' reader to (xlsx/xlsx-chunks.ts, decision 015), which the
 * batch runs. A workbook's cells are read for their column's question in `index` (see xlsx-cell.ts).
 */
export function readRows(file: string, format: 'xlsx', progress: ReadProgress, index?: ContentIndex): AsyncGenerator<InputRow> {
  // exceljs may copy the whole zip to a temporary file before the first row (a sheet stored
  // before its shared strings), so the bytes read tell nothing of the rows to come.
  progress.totalBytes = 0;
  return readXlsx(file, progress, index);
}

/** A JSON Lines file in chunks of whole lines, for the workers (see readJsonLinesChunks), its bytes read counted. */
export function jsonLinesChunks(file: string, progress: ReadProgress, linesPerChunk: number): AsyncGenerator<JsonLinesChunk | InputRow[]> {
  progress.totalBytes = statSync(file).size;
  return readJsonLinesChunks(counted(createReadStream(file, { highWaterMark: 1 << 20 }), progress), linesPerChunk);
}

function counted(stream: Readable, progress: ReadProgress): Readable {
  stream.on('data', (chunk: Buffer) => (progress.bytesRead += chunk.length));
  return stream;
}

async function* readXlsx(file: string, progress: ReadProgress, index: ContentIndex | undefined): AsyncGenerator<InputRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted(createReadStream(file), progress), { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'cache', entries: 'emit' });
  // exceljs reads a sheet as it comes when its shared strings came before it: styles coming after
  // it are then not known (Excel and LibreOffice store them before, or their strings after).
  let stylesRead = false;
  (reader as unknown as EventEmitter).on('entry', (entry: { type: string }) => (stylesRead ||= entry.type === 'styles'));
  let header: string[] | undefined;
  let questions: (Question | undefined)[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1);
        // A workbook can be a bomb (a small zip unfolding into huge rows): refuse what no portfolio needs.
        if (values.length > MAX_COLUMNS || values.some((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS)) {
          throw unreadableFile(file, 'row-too-large', rowTooLarge(row.number));
        }
        if (!header) {
          header = values.map(xlsxText);
          checkHeader(header, file);
          questions = header.map((h) => index?.profileFields.get(h) ?? index?.questions.get(h)?.question);
          continue;
        }
        if (values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) continue;
        yield rowOf(row, values, header, questions, stylesRead);
      }
      break; // The first sheet holds the portfolio.
    }
  } catch (error) {
    if (error instanceof BatchFileError) throw error;
    throw unreadableFile(file, 'unreadable-workbook', UNREADABLE_WORKBOOK);
  }
  if (!header) throw unreadableFile(file, 'empty-sheet', EMPTY_SHEET);
}

/** A sheet's row as a batch row: each cell read for its column's question; a cell refused is left empty and said why. */
function rowOf(row: ExcelJS.Row, values: unknown[], header: string[], questions: (Question | undefined)[], formatsKnown: boolean): InputRow {
  const cells: Record<string, unknown> = {};
  let refused: Issue[] | undefined;
  header.forEach((column, i) => {
    const read = readXlsxCell(values[i], () => row.findCell(i + 1)?.numFmt, questions[i], formatsKnown);
    if ('value' in read) cells[column] = read.value ?? null;
    else (refused ??= []).push(issue(read.refused.code, cellPath(column), read.refused.message));
  });
  return { row: row.number, cells, ...(refused && { refused }) };
}
