import type { BatchContext } from '../../src/batch/batch-context.js';
import { BatchFileError } from '../../src/batch/batch-file-error.js';
import type { TextFormat } from '../../src/batch/format-rows.js';
import type { InputRow } from '../../src/batch/input-row.js';
import { readRows } from '../../src/batch/read-rows.js';
import { scoreWork, type ScoredChunk } from '../../src/batch/score-work.js';
import { WorkbookRefused } from '../../src/batch/xlsx/workbook-refusals.js';
import type { XlsxChunk } from '../../src/batch/xlsx/xlsx-chunk.js';
import { eachXlsxRow } from '../../src/batch/xlsx/xlsx-chunk-rows.js';
import { readXlsxChunks } from '../../src/batch/xlsx/xlsx-chunks.js';
import type { ContentIndex } from '../../src/core/content-index.js';
import type { LocalizedText } from '../../src/core/text.js';

/** What a reader made of a workbook: its rows, or the refusal that stopped it (code and words). */
export type Read = { rows: InputRow[] } | { refused: { code: string; message: LocalizedText } };

const progress = () => ({ bytesRead: 0, totalBytes: 0 });

function refusalOf(error: unknown): Read {
  if (error instanceof BatchFileError) return { refused: { code: error.issue.code, message: error.issue.message } };
  if (error instanceof WorkbookRefused) return { refused: { code: error.code, message: error.why } };
  throw error;
}

/** The reference: exceljs' streaming reader on the main thread, as batches read workbooks before decision 015. */
export async function referenceRead(file: string, index: ContentIndex): Promise<Read> {
  const rows: InputRow[] = [];
  try {
    for await (const row of readRows(file, 'xlsx', progress(), index)) rows.push(row);
  } catch (error) {
    return refusalOf(error);
  }
  return { rows };
}

/** The workbook's chunks as the main thread cuts them for the workers. */
export async function chunksOf(file: string, rowsPerChunk: number): Promise<XlsxChunk[]> {
  const chunks: XlsxChunk[] = [];
  for await (const chunk of readXlsxChunks(file, progress(), rowsPerChunk)) chunks.push(chunk);
  return chunks;
}

/** The rows the workers read from those chunks (before scoring them). */
export async function workerRead(file: string, index: ContentIndex, rowsPerChunk = 500): Promise<Read> {
  const rows: InputRow[] = [];
  try {
    for (const chunk of await chunksOf(file, rowsPerChunk)) eachXlsxRow(index, chunk, (row) => rows.push(row));
  } catch (error) {
    return refusalOf(error);
  }
  return { rows };
}

/**
 * The rows scored as results or written (CSV), chunk after chunk: by the workers' path, or as rows were
 * scored before decision 015 (the same rows read, sent as objects in chunks of 500).
 */
export async function scored(context: BatchContext, file: string, format: TextFormat | undefined, pillars: readonly string[], asObjects: boolean): Promise<{ results: unknown[]; text: string }> {
  const works = asObjects ? chunked(((await workerRead(file, context.index)) as { rows: InputRow[] }).rows) : await chunksOf(file, 500);
  const out = { results: [] as unknown[], text: '' };
  for (const work of works) {
    const chunk: ScoredChunk = scoreWork(context, work, format, pillars);
    if ('results' in chunk) out.results.push(...chunk.results.filter((r) => !('skip' in r)));
    if ('text' in chunk) out.text += typeof chunk.text === 'string' ? chunk.text : Buffer.from(chunk.text).toString('utf8');
    if ('stop' in chunk) throw new Error(chunk.stop.message.en);
  }
  return out;
}

function chunked(rows: InputRow[]): InputRow[][] {
  return Array.from({ length: Math.ceil(rows.length / 500) }, (_, i) => rows.slice(500 * i, 500 * i + 500));
}

/** `read`, each of its strings that differs from the reference's only where exceljs garbled a character taken as the reference's. */
export function mended<T>(read: T, reference: unknown): T {
  if (typeof read === 'string' && typeof reference === 'string' && reference.includes('\uFFFD') && !read.includes('\uFFFD')) return (garbledFrom(reference, read) ? reference : read) as T;
  if (Array.isArray(read) && Array.isArray(reference)) return read.map((r, i) => mended(r, reference[i])) as T;
  if (read && reference && typeof read === 'object' && typeof reference === 'object' && !(read instanceof Date)) {
    return Object.fromEntries(Object.entries(read).map(([k, v]) => [k, mended(v, (reference as Record<string, unknown>)[k])])) as T;
  }
  return read;
}

/** Whether `garbled` is `text` with some characters (one or two UTF-16 units each) replaced by runs of U+FFFD. */
function garbledFrom(garbled: string, text: string): boolean {
  const [first, ...parts] = garbled.split(/\uFFFD+/);
  if (!text.startsWith(first!)) return false;
  let at = first!.length;
  for (const part of parts) {
    const skip = [1, 2].find((n) => text.startsWith(part, at + n));
    if (skip === undefined) return false;
    at += skip + part.length;
  }
  return at === text.length;
}
