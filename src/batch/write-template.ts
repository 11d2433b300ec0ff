import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ContentIndex } from '../core/content-index.js';
import type { Lang } from '../core/text.js';
import { portfolioColumns, type Column } from './columns.js';
import { columnHelp, type ColumnHelp } from './template-help.js';

/** One decimal, so that 12.5 % shows as typed rather than rounded to 13 %. */
const PERCENT = '0.0%';
const WHOLE = '0';
const DECIMAL = '0.0#';
/** Cells Excel must keep as typed: a SIREN's leading zero, a reference that looks like a number or a date. */
const TEXT = '@';
/** Rows offered to fill, each with the column's list and format. */
const LAST_ROW = 2000;

const SHEETS = {
  fr: { portfolio: 'portefeuille', help: 'aide', lists: 'listes', heads: ['Colonne', 'Libellé', 'Que saisir', 'Concerne', 'Explication'], listTitle: 'Choisissez dans la liste', listError: 'Cette réponse n’est pas dans la liste : le calcul la refusera si elle ne nomme aucune réponse possible.' },
  en: { portfolio: 'portfolio', help: 'help', lists: 'lists', heads: ['Column', 'Label', 'What to type', 'For', 'Explanation'], listTitle: 'Pick from the list', listError: 'This answer is not in the list: scoring will refuse it if it names no possible answer.' },
} as const;

/**
 * The bytes of an empty portfolio file, for a file or a download: one column per identifier, name,
 * profile field and question id, then a help row (each column's label, and who its question is
 * for), which the importer skips. The workbook also explains each column on a sheet of its own and
 * offers the options' labels in drop-down lists.
 */
export async function templateBytes(index: ContentIndex, format: 'csv' | 'xlsx', lang: Lang, delimiter = ','): Promise<Buffer> {
  const columns = portfolioColumns(index, lang);
  const help = columns.map((c) => columnHelp(index, c, lang));
  const ids = columns.map((c) => c.id);
  if (format === 'csv') return Buffer.from(stringify([ids, help.map((h) => h.row)], { delimiter, bom: true }));
  const workbook = new ExcelJS.Workbook();
  const words = SHEETS[lang];
  const sheet = workbook.addWorksheet(words.portfolio, { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  sheet.addRow(ids).font = { bold: true };
  const helpRow = sheet.addRow(help.map((h) => h.row));
  helpRow.font = { italic: true };
  helpRow.alignment = { wrapText: true, vertical: 'top' };
  helpRow.height = 90;
  const lists = workbook.addWorksheet(words.lists, { state: 'veryHidden' });
  let listColumn = 0;
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.question ? 28 : 20;
    const numFmt = formatOf(c);
    if (numFmt) column.numFmt = numFmt;
    // Column-wide formats reach the cells Excel creates; the header rows stay text as written.
    for (const row of [1, 2]) sheet.getCell(row, i + 1).numFmt = 'General';
    const choices = help[i]!.choices;
    if (choices.length === 0) return;
    listColumn++;
    choices.forEach((choice, k) => (lists.getCell(k + 1, listColumn).value = choice));
    const letter = lists.getColumn(listColumn).letter;
    validations(sheet).add(`${column.letter}3:${column.letter}${LAST_ROW}`, {
      type: 'list', allowBlank: true, formulae: [`${words.lists}!$${letter}$1:$${letter}$${choices.length}`],
      // A warning, not a refusal: several answers (a|b), a value or an earlier label are read too.
      showErrorMessage: true, errorStyle: 'warning', errorTitle: words.listTitle, error: words.listError,
    });
  });
  helpSheet(workbook, columns, help, lang);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 15000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** exceljs keeps a sheet's validations by range (merging them as it writes), but its types do not say so. */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

function formatOf(c: Column): string | undefined {
  const q = c.question;
  if (!q) return c.kind === 'organisation' ? WHOLE : TEXT;
  if (q.type === 'percentage') return PERCENT; // « 7 » or « 7 % » typed there is stored 0.07, which the importer reads as 7.
  if (q.type === 'number') return q.integer ? WHOLE : DECIMAL;
  return q.type === 'text' ? TEXT : undefined;
}

/** One row per column, in words: its label, what to type, who it is for, the question's help. */
function helpSheet(workbook: ExcelJS.Workbook, columns: readonly Column[], help: readonly ColumnHelp[], lang: Lang): void {
  const words = SHEETS[lang];
  const sheet = workbook.addWorksheet(words.help, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 30 }, { width: 50 }, { width: 45 }, { width: 45 }, { width: 70 }];
  sheet.addRow([...words.heads]).font = { bold: true };
  columns.forEach((c, i) => {
    const h = help[i]!;
    const row = sheet.addRow([c.id, c.label, h.expected, h.appliesTo, h.help]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
}
