import { attributeOf, elementsOf } from './xml-text.js';

// Excel's built-in number formats, as exceljs names them (ids 9, 10: percentages; 14–22, 45–47: dates and times).
const BUILT_IN: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/**
 * The number format of each cell style of xl/styles.xml (its <cellXfs>, by index; '' for a style
 * without one), as exceljs reads them: a format's backslash escapes removed, id 0 (General) as none.
 * Undefined when the part has no cell styles to read.
 */
export function numberFormatsOf(xml: string): string[] | undefined {
  const custom = new Map<number, string>();
  for (const { tag } of elementsOf(xml, 'numFmt')) {
    const id = parseInt(attributeOf(tag, 'numFmtId') ?? '', 10);
    const code = attributeOf(tag, 'formatCode');
    if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
  }
  const cellXfs = elementsOf(xml, 'cellXfs').next();
  if (cellXfs.done) return undefined;
  return [...elementsOf(cellXfs.value.content, 'xf')].map(({ tag }) => {
    const id = parseInt(attributeOf(tag, 'numFmtId') ?? '', 10);
    return (id && (custom.get(id) || BUILT_IN[id])) || '';
  });
}

/** Whether a number format shows a date or a time: exceljs' test (a date letter outside quotes and brackets), which decides its reading of a number as a Date. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial day as a date (exceljs' conversion: 1900 system counting its 29 February, or the 1904 system). */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
