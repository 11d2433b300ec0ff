import { BatchFileError, unreadableFile } from '../batch-file-error.js';
import { checkHeader } from '../columns.js';
import type { ReadProgress } from '../read-rows.js';
import { SheetCutter } from './sheet-cutter.js';
import { checkRowSize, headerOf } from './sheet-input.js';
import { eachSheetRow, sheetTables, type SheetRow } from './sheet-rows.js';
import { SheetDamaged } from './xml-bytes.js';
import { EMPTY_SHEET, rowTooLarge, UNREADABLE_WORKBOOK, WorkbookRefused, workbookTooLarge } from './workbook-refusals.js';
import { readBook } from './workbook-parts.js';
import type { XlsxBook, XlsxChunk } from './xlsx-chunk.js';
import { ZipFile, ZipTooLarge } from './zip-file.js';

/**
 * How far the sheet may unfold: the bench's portfolios' sheet XML inflates 6.8 times (a 500,000-row
 * sheet, 246 MiB, to 1.6 GiB); deflate can reach a thousandfold, which only a zip bomb asks for.
 */
export const SHEET_LIMITS = { ratio: 200, floor: 256 << 20 };

/**
 * A workbook's first sheet as chunks of whole rows, for the workers to parse and score (decision
 * 015): the main thread reads the zip's directory, the workbook's small parts and its shared
 * strings, then inflates the sheet and cuts it at row starts; of the rows it parses only the first
 * (the header). Progress is the sheet's compressed bytes read.
 */
export async function* readXlsxChunks(file: string, progress: ReadProgress, rowsPerChunk: number): AsyncGenerator<XlsxChunk> {
  let zip: ZipFile;
  try {
    zip = await ZipFile.open(file);
  } catch (error) {
    throw refusal(file, error);
  }
  try {
    const { sheet, book } = await readBook(zip);
    if (!sheet) throw unreadableFile(file, 'empty-sheet', EMPTY_SHEET);
    progress.totalBytes = sheet.compressedSize;
    const cutter = new SheetCutter(rowsPerChunk);
    let header: (string | null)[] | undefined;
    for await (const piece of zip.stream(sheet, SHEET_LIMITS, (bytes) => (progress.bytesRead += bytes))) {
      for (const cut of cutter.push(piece)) {
        if (cut.kind === 'too-long') throw unreadableFile(file, 'row-too-large', rowTooLarge(cut.row));
        if (cut.kind === 'header') header = headerRow(file, book, cut.bytes, cut.row);
        else yield { kind: 'xlsx', book, header: header!, bytes: cut.bytes, previousRow: cut.previousRow };
      }
      if (cutter.ended) break;
    }
    if (!cutter.ended) throw new SheetDamaged('sheet cut short');
    if (!header) throw unreadableFile(file, 'empty-sheet', EMPTY_SHEET);
  } catch (error) {
    throw refusal(file, error);
  } finally {
    await zip.close();
  }
}

/** The header row's column names, checked as the other readers check theirs. */
function headerRow(file: string, book: XlsxBook, bytes: Buffer, number: number): (string | null)[] {
  let row: SheetRow | undefined;
  eachSheetRow(bytes, sheetTables(book), number - 1, (r) => (row = r));
  if (!row) throw new SheetDamaged('no header row');
  checkRowSize(row);
  const header = headerOf(row);
  checkHeader(header as string[], file);
  return header;
}

/** Why the workbook cannot be read, in words (the zip library's or the parser's own reason tells a reader nothing they can act on). */
function refusal(file: string, error: unknown): BatchFileError {
  if (error instanceof BatchFileError) return error;
  if (error instanceof WorkbookRefused) return unreadableFile(file, error.code, error.why);
  if (error instanceof ZipTooLarge) return unreadableFile(file, 'workbook-too-large', workbookTooLarge(SHEET_LIMITS.ratio));
  return unreadableFile(file, 'unreadable-workbook', UNREADABLE_WORKBOOK);
}
