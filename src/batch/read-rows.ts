import type { EventEmitter } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ContentIndex } from '../core/content-index.js';
import type { Question } from '../core/content-model.js';
import { issue, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import { BatchFileError, unreadableFile } from './batch-file-error.js';
import { checkHeader } from './columns.js';
import type { InputRow } from './input-row.js';
import { readJsonLinesChunks, type JsonLinesChunk } from './json-lines.js';
import { cellPath } from './row-problems.js';
import { readXlsxCell, xlsxText } from './xlsx-cell.js';

export type InputFormat = 'csv' | 'jsonl' | 'xlsx';

const MAX_COLUMNS = 5000;
const MAX_CELL_CHARS = 100_000;

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
  /** 0 when how far reading has gone cannot be told from the bytes read (XLSX). */
  totalBytes: number;
}

/**
 * The rows of an XLSX portfolio file, streamed, with spreadsheet row numbers. (CSV and JSON Lines
 * are read in chunks of bytes parsed by the workers: see csv-chunks.ts and `jsonLinesChunks`.) A
 * workbook's cells are read for their column's question in `index` (see xlsx-cell.ts).
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
          throw unreadableFile(file, 'row-too-large', bilingual(
            `ligne ${row.number} démesurée (plus de ${MAX_COLUMNS} colonnes ou une cellule de plus de ${MAX_CELL_CHARS} caractères)`,
            `row ${row.number} too large (more than ${MAX_COLUMNS} columns or a cell of more than ${MAX_CELL_CHARS} characters)`,
          ));
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
    // The zip library's own reason (« Corrupted zip? ») tells a reader nothing they can act on.
    throw unreadableFile(file, 'unreadable-workbook', bilingual(
      'classeur illisible : le fichier est abîmé ou n’est pas un classeur XLSX ; ouvrez-le dans Excel et enregistrez-le à nouveau au format .xlsx',
      'unreadable workbook: the file is damaged or not an XLSX workbook; open it in Excel and save it again as .xlsx',
    ));
  }
  if (!header) throw unreadableFile(file, 'empty-sheet', bilingual('feuille vide', 'empty sheet'));
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
