import { once } from 'node:events';
import { createWriteStream, renameSync, statSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { isAscii } from 'node:buffer';
import { stringify as stringifySync } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { unwritableResults } from './batch-file-error.js';
import type { BatchSummary } from './batch-summary.js';
import { ENGLISH_EXCEL, type CsvDialect } from './csv/csv-dialect.js';
import type { ResultWords } from './result-words.js';
import type { WrittenResult } from './row-result.js';
import { codeHeaderOf, csvHeaderOf, formatRows, textFormatOf, type OutputLayout, type TextFormat } from './format-rows.js';
import { XlsxResults } from './xlsx-results.js';

export type OutputFormat = 'csv' | 'jsonl' | 'xlsx';

export function outputFormatOf(file: string): OutputFormat | undefined {
  const ext = file.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  return ext === 'csv' ? 'csv' : ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : ext === 'xlsx' ? 'xlsx' : undefined;
}

export interface ResultWriter {
  /** For CSV and JSON Lines: the format in which rows can come already written, to `writeText`. */
  text?: TextFormat;
  writeText?(lines: string | Uint8Array): Promise<void>;
  write(result: WrittenResult): Promise<void>;
  /** Ends the file; the summary is what a workbook's summary sheet shows. */
  close(summary: BatchSummary): Promise<void>;
  /** Closes without finishing the file, which is about to be removed. */
  discard(): Promise<void>;
}

/** The results replace OUTPUT at the end: a folder there would only fail then, after all the scoring. */
export function refuseFolder(file: string): void {
  let folder = false;
  try {
    folder = statSync(file).isDirectory();
  } catch {
    // Nothing there yet (the usual case) or an unusable path, which opening the partial file reports.
  }
  if (folder) throw unwritableResults(file, Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' }));
}

/** Gives the complete results their name, replacing any older file of that name. */
export function publish(partial: string, file: string): void {
  try {
    renameSync(partial, file);
  } catch (error) {
    throw unwritableResults(file, error as NodeJS.ErrnoException);
  }
}

/** Opened before any row is scored, so that a bad path stops the run at once, not at the first write. */
async function openStream(file: string): Promise<WriteStream> {
  const out = createWriteStream(file);
  try {
    await once(out, 'open');
  } catch (error) {
    throw unwritableResults(file, error as NodeJS.ErrnoException);
  }
  return out;
}

/**
 * Keeps a stream's first error, so that every later write and the close reject with it: a stream
 * that failed sends neither `drain` nor `finish`, and waiting for them would hang the run.
 */
function guard(out: WriteStream, file: string) {
  let failure: Error | undefined;
  const failed = new Promise<never>((_, reject) => out.on('error', (error) => reject((failure ??= unwritableResults(file, error)))));
  // Nobody may be waiting when the disk fills up between two writes: the next write reports it.
  failed.catch(() => {});
  return {
    check(): void {
      if (failure) throw failure;
    },
    until<T>(work: Promise<T>): Promise<T> {
      return Promise.race([work, failed]).catch((error: unknown) => {
        throw failure ?? error;
      });
    },
    /** Drops what was written (the run failed or was interrupted), without waiting for any flush. */
    async discard(): Promise<void> {
      out.destroy();
      if (!out.closed) await once(out, 'close').catch(() => {});
    },
  };
}

/** How results are written besides their format: a CSV's dialect, a workbook's words. */
export interface WriterOptions {
  dialect?: CsvDialect;
  words: ResultWords;
}

/** Writes results in the given format, streaming. */
export async function openWriter(file: string, format: OutputFormat, layout: OutputLayout, options: WriterOptions): Promise<ResultWriter> {
  const out = await openStream(file);
  const dialect = options.dialect ?? ENGLISH_EXCEL;
  return format === 'xlsx' ? xlsxWriter(out, layout, options.words) : textWriter(out, textFormatOf(format, layout, dialect.delimiter, dialect.decimal)!, layout, dialect, options.words);
}

function textWriter(out: WriteStream, text: TextFormat, layout: OutputLayout, dialect: CsvDialect, words: ResultWords): ResultWriter {
  const guarded = guard(out, String(out.path));
  // Workers write UTF-8; a Windows-1252 file (French Excel's) gets its rows re-encoded here, those in ASCII as they are.
  const win1252 = text.format === 'csv' && dialect.encoding === 'win1252';
  const encoded = (lines: string | Uint8Array): string | Uint8Array => {
    if (!win1252) return lines;
    const bytes = typeof lines === 'string' ? Buffer.from(lines) : Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength);
    return isAscii(bytes) ? bytes : iconv.encode(bytes.toString('utf8'), 'win1252');
  };
  if (text.format === 'csv') out.write(encoded(stringifySync([csvHeaderOf(layout)], { bom: !win1252, delimiter: dialect.delimiter })));
  const writeText = async (lines: string | Uint8Array) => {
    guarded.check();
    if (lines.length > 0 && !out.write(encoded(lines))) await guarded.until(once(out, 'drain'));
  };
  return {
    text,
    writeText,
    write: (result) => writeText(formatRows(text, [result], words)),
    async close() {
      guarded.check();
      out.end();
      await guarded.until(finished(out));
    },
    discard: guarded.discard,
  };
}

function xlsxWriter(out: WriteStream, layout: OutputLayout, words: ResultWords): ResultWriter {
  const guarded = guard(out, String(out.path));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const results = new XlsxResults(workbook, layout, words, codeHeaderOf(layout));
  return {
    async write(result) {
      guarded.check();
      results.write(result);
    },
    async close(summary) {
      guarded.check();
      results.finish(summary);
      // exceljs waits for its own events, which a failed file never sends: the file's error ends the wait.
      await guarded.until(workbook.commit());
    },
    discard: guarded.discard,
  };
}
