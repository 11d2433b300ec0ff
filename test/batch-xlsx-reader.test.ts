import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createBatchContext } from '../src/batch/batch-context.js';
import { textFormatOf } from '../src/batch/format-rows.js';
import { runBatch } from '../src/batch/run-batch.js';
import { inlinePool } from '../src/batch/scoring-pool.js';
import { templateBytes } from '../src/batch/write-template.js';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import type { AnswersDocument } from '../src/core/content-model.js';
import { typeIn } from './support/fill-template.js';
import { writePortfolioAs } from './support/generate-portfolio.js';
import { mended, referenceRead, scored, workerRead } from './support/xlsx-readers.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content, examples } = loaded.value;
const index = indexContent(content);
const dir = () => mkdtempSync(join(tmpdir(), 'impact-xlsx-reader-'));
const docs = examples.map((e) => e.data as AnswersDocument);

/**
 * The workers' reading equals exceljs' (rows, cells, refusals, row numbers, or the same refusal of
 * the file), whatever the chunks' size; but where exceljs garbled a character cut between two
 * pieces of the inflated XML (each of its bytes a U+FFFD), the workers read it whole.
 */
async function expectSameRows(file: string, sizes: readonly number[] = [1, 3, 500]): Promise<void> {
  const reference = await referenceRead(file, index);
  for (const size of sizes) expect(mended(await workerRead(file, index, size), reference)).toEqual(reference);
}

async function saved(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const file = join(dir(), name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function template(lang: 'fr' | 'en'): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await templateBytes(index, 'xlsx', lang)) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('XLSX read in the workers, against exceljs\' reader (the reference)', () => {
  it('when the template is filled in either language as Excel stores it (labels, percent cells, its label row), then the same rows, and the same results scored and written', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const workbook = await template(lang);
      docs.forEach((doc, i) => typeIn(index, workbook.worksheets[0]!, 3 + i, `ORG-${i}`, doc, lang));
      const file = await saved(workbook, `filled-${lang}.xlsx`);
      await expectSameRows(file);
      const context = createBatchContext(content, lang, 3);
      const pillars = content.pillars.map((p) => p.id);
      const csv = textFormatOf('csv', { pillars, indicators: content.pillars.flatMap((p) => p.indicators.map((i) => i.id)), suggestions: 3 }, ';', ',');
      for (const format of [undefined, csv]) expect(await scored(context, file, format, pillars, false)).toEqual(await scored(context, file, format, pillars, true));
    }
  });

  it('when a generated portfolio of 1,200 rows is written by exceljs\' streaming writer (shared strings), then the same rows in chunks of 7 or 500, and the same CSV', async () => {
    const file = join(dir(), 'portfolio.xlsx');
    await writePortfolioAs('xlsx', index, file, 1200, 5);
    await expectSameRows(file, [7, 500]);
    const context = createBatchContext(content, 'fr', 3);
    const pillars = content.pillars.map((p) => p.id);
    const csv = textFormatOf('csv', { pillars, indicators: content.pillars.flatMap((p) => p.indicators.map((i) => i.id)), suggestions: 3 }, ',');
    expect(await scored(context, file, csv, pillars, false)).toEqual(await scored(context, file, csv, pillars, true));
  });

  it('when cells hold dates, fractions and percents, booleans, formulas, rich text, errors, hyperlinks, and rows are blank or sparse, then the same rows and refusals', async () => {
    const workbook = await template('fr');
    const sheet = workbook.worksheets[0]!;
    const ids = (sheet.getRow(1).values as string[]).slice(1);
    const col = (id: string) => ids.indexOf(id) + 1;
    typeIn(index, sheet, 3, 'A', docs[0]!, 'fr');
    typeIn(index, sheet, 6, 'B', docs[1]!, 'fr');
    const cell = (r: number, id: string, value: ExcelJS.CellValue, numFmt?: string) => {
      const c = sheet.getRow(r).getCell(col(id));
      c.value = value;
      if (numFmt) c.numFmt = numFmt;
    };
    cell(3, 'gender-equality-index', new Date(Date.UTC(2026, 7, 31)), 'dd/mm/yyyy');
    cell(3, 'inclusion-evidence', new Date(Date.UTC(2026, 7, 31, 9, 30)), 'dd/mm/yyyy hh:mm');
    cell(3, 'inclusion-disabled-rate', 0.07, 'General');
    cell(6, 'gender-equality-index', 0.85, '0%');
    cell(6, 'inclusion-disabled-rate', { formula: '7/100', result: 0.07 }, '0.0%');
    cell(6, 'name', { richText: [{ text: 'Ate' }, { text: 'lier', font: { bold: true } }] });
    cell(6, 'siren', { text: 'site', hyperlink: 'https://example.org' });
    sheet.getRow(7).getCell(col('name')).value = '   ';
    sheet.getRow(8).getCell(col('id')).value = { error: '#N/A' };
    sheet.getRow(9).getCell(col('id')).value = true;
    sheet.getRow(9).getCell(col('name')).value = { formula: '"x"&"y"', result: 'xy' };
    sheet.getRow(10).getCell(200).value = 'far right';
    await expectSameRows(await saved(workbook, 'typed.xlsx'));
  });

  it('when the header has gaps, a column named twice, no id, or the sheet is empty, then the same rows or the same refusal', async () => {
    const sheets: unknown[][][] = [
      [['id', null, 'headcount', 'name'], ['A', 'x', 12, 'Nom'], [], ['B', null, 3]],
      [['id', 'name', 'name'], ['A', 'un', 'deux']],
      [['name', 'headcount'], ['A', 3]],
      [],
      [[null], ['id'], ['A']],
    ];
    for (const rows of sheets) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('p');
      rows.forEach((values, r) => values.forEach((v, c) => (sheet.getRow(r + 1).getCell(c + 1).value = v as ExcelJS.CellValue)));
      await expectSameRows(await saved(workbook, 'header.xlsx'));
    }
  });

  it('when a row unfolds into a huge cell or more than 5,000 columns, or the file is cut in half, then the same refusal', async () => {
    const huge = new ExcelJS.Workbook();
    huge.addWorksheet('p').addRows([['id', 'headcount'], ['A', 3], ['B', 'x'.repeat(200_000)]]);
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet('p').addRows([['id'], ['A', ...Array.from({ length: 5001 }, () => 1)]]);
    for (const [workbook, name] of [[huge, 'huge.xlsx'], [wide, 'wide.xlsx']] as const) {
      const file = await saved(workbook, name);
      const read = await workerRead(file, index);
      expect(read).toEqual(await referenceRead(file, index));
      expect(read).toMatchObject({ refused: { code: 'row-too-large' } });
    }
    const d = dir();
    const bytes = await templateBytes(index, 'xlsx', 'fr');
    writeFileSync(join(d, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    writeFileSync(join(d, 'not.xlsx'), 'id;name\nA;B\n');
    for (const name of ['cut.xlsx', 'not.xlsx']) {
      const read = await workerRead(join(d, name), index);
      expect([name, read]).toEqual([name, await referenceRead(join(d, name), index)]);
      expect(read).toMatchObject({ refused: { code: 'unreadable-workbook' } });
    }
  });
});


describe('XLSX texts read whole', () => {
  it('when a filled workbook\'s accented labels fall across the pieces its XML inflates in, then every character is read whole and every row scored (exceljs\' reader garbled such a character into U+FFFD and rejected its row)', async () => {
    const workbook = await template('fr');
    for (let i = 0; i < 40; i++) typeIn(index, workbook.worksheets[0]!, 3 + i, `ORG-${i}`, docs[i % docs.length]!, 'fr');
    const file = await saved(workbook, 'accents.xlsx');
    const output = join(dir(), 'out.jsonl');
    // Partial: one example leaves questions unanswered; a garbled label is refused all the same.
    const summary = await runBatch({ input: file, inputFormat: 'xlsx', output, outputFormat: 'jsonl', content, pool: inlinePool(content, 'fr', 0, { partial: true }), lang: 'fr', suggestions: 0 });
    expect(summary).toMatchObject({ rows: 40, scored: 40, rejected: 0 });
    expect(readFileSync(output, 'utf8')).not.toContain('\uFFFD');
  });
});
