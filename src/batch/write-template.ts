import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ContentIndex } from '../core/content-index.js';
import type { Lang } from '../core/text.js';
import { portfolioColumns } from './columns.js';

/** One decimal, so that 12.5 % shows as typed rather than rounded to 13 %. */
const PERCENT = '0.0%';

/**
 * The bytes of an empty portfolio file, for a file or a download: one column per identifier, name,
 * profile field and question id, and a second header row of labels in the user's language, which
 * the importer skips.
 */
export async function templateBytes(index: ContentIndex, format: 'csv' | 'xlsx', lang: Lang, delimiter = ','): Promise<Buffer> {
  const columns = portfolioColumns(index, lang);
  const ids = columns.map((c) => c.id);
  const labels = columns.map((c) => c.label);
  if (format === 'csv') return Buffer.from(stringify([ids, labels], { delimiter, bom: true }));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('portefeuille');
  sheet.addRow(ids);
  sheet.addRow(labels).font = { italic: true };
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];
  columns.forEach((c, i) => {
    // What Excel stores for « 7 % » typed in such a column (0.07, shown as a percentage): the importer reads it as 7.
    if (c.question?.type === 'percentage') sheet.getColumn(i + 1).numFmt = PERCENT;
    const options = c.question?.options;
    if (!options) return;
    // Drop-down lists of option values, so a spreadsheet user picks a valid answer.
    const list = options.map((o) => o.value).join(',');
    if (list.length > 250 || c.question?.type === 'multiple') return;
    for (let r = 3; r <= 1000; r++) sheet.getCell(r, i + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list}"`] };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
