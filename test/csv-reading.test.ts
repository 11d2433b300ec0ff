import { execFile } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readResultsCsv } from './support/read-results.js';
import { rowOf } from './support/generate-portfolio.js';
import { portfolioColumns } from '../src/batch/columns.js';
import type { CsvChunk } from '../src/batch/csv/csv-chunk.js';
import { readCsvChunks, READ_SIZE } from '../src/batch/csv/csv-chunks.js';
import { delimiterOf, EncodingSniffer } from '../src/batch/csv/csv-sniff.js';
import { BatchFileError } from '../src/batch/batch-file-error.js';
import { jsonLinesChunks, readRows, type ReadProgress } from '../src/batch/read-rows.js';
import { runBatch } from '../src/batch/run-batch.js';
import { inlinePool } from '../src/batch/scoring-pool.js';
import { loadContent } from '../src/content/load-content.js';
import type { AnswersDocument } from '../src/core/content-model.js';
import { createScorer, score } from '../src/core/score.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content } = loaded.value;
const index = createScorer(content).index;
const mission = loaded.value.examples.find((e) => e.file.endsWith('mission-company.json'))!.data;
const dir = () => mkdtempSync(join(tmpdir(), 'impact-csv-'));
const BIN = join(import.meta.dirname, '..', 'dist/src/cli/main.js');
const ids = () => portfolioColumns(index, 'fr').map((c) => c.id);

/** The example's row with its free texts stripped of accents: rows that are ASCII from end to end. */
const asciiRow = (id: string) => rowOf(index, id, mission).map((cell) => cell.normalize('NFD').replace(/[^\x20-\x7e]/g, ''));

/** The audit's row: an accented name and a French option label where the option's value was. */
function accentedRow(): string[] {
  const row = rowOf(index, 'Café-Crème', mission);
  expect(mission.answers['inclusion-hires']).toBe('10-24');
  row[ids().indexOf('inclusion-hires')] = '10 à 24 %';
  return row;
}

/** The audit's file: ASCII rows well past the first read, then accents. */
function auditText(asciiRows: number, delimiter: string, pad = 0): string {
  const filler = Array.from({ length: asciiRows }, (_, i) => [...asciiRow(`ORG-${i + 1}`), '']);
  filler.at(-1)![ids().length] = 'x'.repeat(pad);
  const head = stringify([[...ids(), 'commentaire'], ...filler], { delimiter });
  expect(isAscii(Buffer.from(head))).toBe(true);
  return head + stringify([[...accentedRow(), 'à revoir'], [...asciiRow('LAST'), '']], { delimiter });
}

async function scoreFile(input: string, output: string) {
  return runBatch({ input, inputFormat: 'csv', output, outputFormat: 'csv', content, pool: inlinePool(content, 'fr', 0), lang: 'fr', suggestions: 0, chunkSize: 50 });
}

// Results come back in the input's dialect (semicolons, decimal commas, its encoding): read whichever.
const readCsv = (file: string) => readResultsCsv(file);

async function expectedGlobal(doc: AnswersDocument): Promise<string> {
  const expected = await score(createScorer(content), doc);
  if (!expected.ok) throw new Error('invalid example');
  return String(expected.value.global);
}

async function chunksOf(file: string, progress: ReadProgress = { bytesRead: 0, totalBytes: 0 }): Promise<CsvChunk[]> {
  const chunks: CsvChunk[] = [];
  for await (const work of readCsvChunks(file, progress, 50)) if (!Array.isArray(work)) chunks.push(work);
  return chunks;
}

describe('CSV encoding told by the first non-ASCII bytes', () => {
  const rowsFor = (bytes: number) => Math.ceil(bytes / Buffer.byteLength(asciiRow('ORG-1').join(';')));
  const asciiRows = rowsFor(1.5 * READ_SIZE);

  it.each([
    ['Windows-1252', (text: string) => iconv.encode(text, 'win1252')],
    ['UTF-8', (text: string) => Buffer.from(text)],
  ])('when the first accents of a %s file come after 1.5 MiB of ASCII rows, then they are read right and the row is scored', async (_, encode) => {
    const d = dir();
    const input = join(d, 'portfolio.csv');
    writeFileSync(input, encode(auditText(asciiRows, ';')));
    expect(await scoreFile(input, join(d, 'scores.csv'))).toMatchObject({ rows: asciiRows + 2, scored: asciiRows + 2, rejected: 0 });
    const out = readCsv(join(d, 'scores.csv'));
    expect(out.at(-2)).toMatchObject({ id: 'Café-Crème', error: '', global: await expectedGlobal(mission) });
    expect(out.at(-1)).toMatchObject({ id: 'LAST', error: '' });
  });

  it('when the real command scores that Windows-1252 file on 2 workers, then the accented row is scored with its text', async () => {
    const d = dir();
    const input = join(d, 'portfolio.csv');
    writeFileSync(input, iconv.encode(auditText(asciiRows, ';'), 'win1252'));
    await promisify(execFile)(process.execPath, [BIN, 'batch', input, '-o', join(d, 'scores.csv'), '--workers', '2', '--progress', 'none']);
    expect(readCsv(join(d, 'scores.csv')).at(-2)).toMatchObject({ id: 'Café-Crème', error: '' });
  });

  it('when the first é of a UTF-8 file is cut in two by the end of the first read, then it is read as é', async () => {
    const d = dir();
    const input = join(d, 'portfolio.csv');
    const rows = rowsFor(0.9 * READ_SIZE);
    const unpadded = Buffer.byteLength(auditText(rows, ',')) - Buffer.byteLength(stringify([[...accentedRow(), 'à revoir'], [...asciiRow('LAST'), '']]));
    // 'Caf' then é's first byte at the read's last byte.
    const bytes = Buffer.from(auditText(rows, ',', READ_SIZE - 4 - unpadded));
    expect(bytes.subarray(READ_SIZE - 4, READ_SIZE + 1).toString()).toBe('Café');
    writeFileSync(input, bytes);
    const chunks = await chunksOf(input);
    expect(chunks.at(-1)!.encoding).toBe('utf8');
    await scoreFile(input, join(d, 'scores.csv'));
    expect(readCsv(join(d, 'scores.csv')).at(-2)).toMatchObject({ id: 'Café-Crème', error: '' });
  });

  const pieces = (...parts: number[][]) => parts.map((p) => Buffer.from(p));
  const [C3, A9, E9] = [0xc3, 0xa9, 0xe9];
  const EURO = [0xe2, 0x82, 0xac];
  it.each([
    ['ASCII only', 'utf8', pieces([0x61, 0x0a], [0x62])],
    ['é cut after its first byte', 'utf8', pieces([0x61, C3], [A9, 0x0a])],
    ['€ cut after its first byte', 'utf8', pieces([0x61, EURO[0]!], [EURO[1]!, EURO[2]!])],
    ['€ cut after its second byte', 'utf8', pieces([0x61, EURO[0]!, EURO[1]!], [EURO[2]!, 0x0a])],
    ['€ cut across three reads', 'utf8', pieces([EURO[0]!], [EURO[1]!], [EURO[2]!])],
    ['a Windows-1252 é ending a read', 'win1252', pieces([0x61, E9], [0x0a])],
    ['a Windows-1252 é ending the file', 'win1252', pieces([0x61, 0x0a], [0x61, E9])],
    ['UTF-8 in the first read holding non-ASCII, Windows-1252 in a later one', 'utf8', pieces([C3, A9], [E9])],
    ['a Windows-1252 à before an é', 'win1252', pieces([0x61, 0xe0, E9])],
  ])('when the pieces read hold %s, then the encoding is %s', (_, encoding, read) => {
    const sniffer = new EncodingSniffer();
    for (const piece of read) sniffer.see(piece);
    sniffer.end();
    expect(sniffer.encoding).toBe(encoding);
  });

  it('when a file starts with a UTF-8 BOM, then it is UTF-8 whatever follows', () => {
    const sniffer = new EncodingSniffer();
    sniffer.settleUtf8();
    sniffer.see(Buffer.from([0x61, E9, 0x0a]));
    expect(sniffer.encoding).toBe('utf8');
  });

  it.each([
    ['id;nom,prénom;x\nA,B,C,D', ';'],
    ['id,nom\tx\n;;;', ','],
    ['id\tnom\tx;y\n', '\t'],
    ['id', ','],
  ])('when the header line is %j, then the delimiter is %j', (head, delimiter) => {
    expect(delimiterOf(Buffer.from(head))).toBe(delimiter);
  });
});

describe('UTF-8 CSV with a BOM', () => {
  it.each([',', ';'])('when a UTF-8 file with a BOM, delimited by %j, with a blank line and an extra column is read, then the first column is id and every row is scored', async (delimiter) => {
    const d = dir();
    const input = join(d, 'bom.csv');
    const text = stringify([[...ids(), 'commentaire interne'], [...accentedRow(), 'à revoir'], [], [...asciiRow('B'), '']], { delimiter });
    writeFileSync(input, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const [chunk] = await chunksOf(input);
    expect(chunk!.header[0]).toBe('id');
    expect(chunk!.delimiter).toBe(delimiter);
    expect(await scoreFile(input, join(d, 'scores.csv'))).toMatchObject({ rows: 2, scored: 2, rejected: 0 });
    expect(readCsv(join(d, 'scores.csv')).map((r) => [r.row, r.id, r.error])).toEqual([['2', 'Café-Crème', ''], ['4', 'B', '']]);
  });
});

describe('reading progress', () => {
  it('when a CSV file is read, then the total is its size from the first chunk on, and the bytes read reach it', async () => {
    const d = dir();
    const input = join(d, 'portfolio.csv');
    writeFileSync(input, stringify([ids(), ...Array.from({ length: 700 }, (_, i) => asciiRow(`ORG-${i}`))]));
    const size = statSync(input).size;
    const progress: ReadProgress = { bytesRead: 0, totalBytes: 0 };
    const totals: number[] = [];
    for await (const _ of readCsvChunks(input, progress, 50)) totals.push(progress.totalBytes);
    expect(size).toBeGreaterThan(READ_SIZE);
    expect(new Set(totals)).toEqual(new Set([size]));
    expect(progress.bytesRead).toBe(size);
  });

  it('when a JSON Lines file is read, then the total is its size; when an XLSX file is read, then it is 0 (unknown)', async () => {
    const d = dir();
    writeFileSync(join(d, 'docs.jsonl'), `${JSON.stringify(mission)}\n`);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('p').addRows([['id', 'headcount'], ['A', '10-49']]);
    await workbook.xlsx.writeFile(join(d, 'p.xlsx'));
    for (const [file, format, total] of [['docs.jsonl', 'jsonl', statSync(join(d, 'docs.jsonl')).size], ['p.xlsx', 'xlsx', 0]] as const) {
      const progress: ReadProgress = { bytesRead: 0, totalBytes: -1 };
      for await (const _ of format === 'jsonl' ? jsonLinesChunks(join(d, file), progress, 50) : readRows(join(d, file), format, progress));
      expect(progress.totalBytes).toBe(total);
    }
  });
});

describe('a file that cannot be read', () => {
  it('when the header has no id column, then the message names the file in French, and the reason is an issue with its code, in each language', async () => {
    const d = dir();
    const file = join(d, 'no-id.csv');
    writeFileSync(file, 'nom;score\nA;3\n');
    const error = await chunksOf(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchFileError);
    const { message, issue, file: named } = error as BatchFileError;
    expect([message, named, issue.code, issue.path]).toEqual([`${file}: ${issue.message.fr}`, file, 'no-id-column', '']);
    expect(issue.message.fr).toMatch(/^la première ligne doit nommer les colonnes, dont «\u00a0id\u00a0»/);
    expect(issue.message.en).toMatch(/^the first row must name the columns, including "id"/);
  });
});
