import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsxCell, xlsxText } from '../src/batch/xlsx-cell.js';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import type { Question } from '../src/core/content-model.js';
import { localize } from '../src/core/text.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const question = (id: string) => index.profileFields.get(id) ?? index.questions.get(id)!.question;
const [percentage, number, single, text] = ['inclusion-disabled-rate', 'gender-equality-index', 'inclusion-hires', 'inclusion-evidence'].map(question);
const read = (value: unknown, numFmt: string | undefined, q: Question | null = percentage!, formatsKnown = true) => {
  const result = readXlsxCell(value, () => numFmt, q ?? undefined, formatsKnown);
  return 'value' in result ? result.value : `refused: ${localize(result.refused.message, 'en')}`;
};

describe('workbook cells read by their number format', () => {
  it('when a format shows its number as a percentage (a % outside quotes, escapes and brackets), then it is a percent format', () => {
    // 0.5 in a percentage column: 50 where its format is a percentage, refused as either 0.5 % or 50 % where it is not.
    for (const format of ['0%', '0.0%', '0.00%', '#,##0%', '[Red]0%', '[$-40C]0.0%;-0.0%', '0" pts"%']) expect([format, read(0.5, format)]).toEqual([format, 50]);
    for (const format of [undefined, '', 'General', '0.00', '0" %"', '0\\%', '[%]0', 'dd/mm/yyyy']) expect([format, read(0.5, format)]).toEqual([format, expect.stringMatching(/^refused: 0.5 could mean/)]);
  });

  it('when a percentage is typed in a percent cell (Excel stores it divided by 100), then it is read back to the last digit', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
      const percent = hundredths / 100;
      expect(read(percent / 100, '0.0%')).toBe(percent);
    }), { numRuns: 2000 });
  });

  it('when a percentage question meets a plain number, then 0 and from 1 up are read as per cent and what lies strictly between is refused as ambiguous', () => {
    expect([0, 1, 7, 12.5, 100, 140].map((n) => read(n, 'General'))).toEqual([0, 1, 7, 12.5, 100, 140]);
    expect(read(0.07, undefined)).toBe('refused: 0.07 could mean 0.07% or 7%: write the percentage with its sign ("7%" or "0.07%"), or as a number of per cent (7).');
    expect(read(0.999, 'General')).toMatch(/^refused: 0\.999 could mean/);
    // Formulas give their result, read by the cell's format; text is left to the cell parser.
    expect(read({ formula: 'A1/B1', result: 0.25 }, '0%')).toBe(25);
    expect(read({ formula: 'A1/B1', result: 0.25 }, 'General')).toMatch(/^refused: 0\.25 could mean/);
    expect(read('7 %', undefined)).toBe('7 %');
    expect(read({ richText: [{ text: '0,07' }] }, undefined)).toBe('0,07');
  });

  it('when the workbook\'s styles could not be read before its sheet, then no number in a percentage column is taken, and other cells are read as before', () => {
    expect(read(7, undefined, percentage, false)).toMatch(/^refused: the format of this cell could not be read/);
    expect(read('7 %', undefined, percentage, false)).toBe('7 %');
    expect(read(85, undefined, number, false)).toBe(85);
  });

  it('when a cell holds a date, then a note keeps it as a date, and any other question refuses it saying it is a date', () => {
    const date = new Date(Date.UTC(2026, 7, 31));
    expect(read(date, 'dd/mm/yyyy', text)).toBe('2026-08-31');
    expect(read(date, 'dd/mm/yyyy', null)).toBe('2026-08-31');
    for (const q of [percentage!, number!, single!]) expect(read(date, 'dd/mm/yyyy', q)).toMatch(/^refused: the cell holds a date \(2026-08-31\)/);
    const refused = readXlsxCell(new Date(Date.UTC(2026, 4, 12, 9, 30)), () => 'd/m h:mm', single);
    expect('refused' in refused && localize(refused.refused.message, 'fr')).toMatch(/^la cellule contient une date \(12\/05\/2026 09:30\)/);
  });

  it('when a percent cell answers a number question it is refused, and elsewhere it is the text it shows', () => {
    expect(read(0.85, '0%', number)).toBe('refused: the cell is formatted as a percentage (85%), and this question takes a number (points out of 100): write it in a cell not formatted as a percentage.');
    expect(read(0.85, 'General', number)).toBe(0.85);
    expect(read(0.15, '0%', single)).toBe('15 %');
    expect(read(0.125, '0.0%', text)).toBe('12,5 %');
    expect(read(12, 'General', single)).toBe(12);
  });

  it('when a multiple-choice cell says « aucun » with other answers (typed, rich text or a formula\'s result), then it is refused, saying what to do; « aucun » alone is read', () => {
    const statuses = question('statuses')!;
    const refusal = 'refused: the cell says "none" and names other answers too: keep "none" alone if no answer applies, or the other answers without it.';
    expect([read('aucun | esus', 'General', statuses), read({ richText: [{ text: 'Néant' }, { text: ' | mission' }] }, 'General', statuses), read({ formula: 'A1', result: 'none;bcorp' }, 'General', statuses)]).toEqual([refusal, refusal, refusal]);
    expect([read('aucun', 'General', statuses), read('esus | mission', 'General', statuses), read('aucun | esus', 'General', text)]).toEqual(['aucun', 'esus | mission', 'aucun | esus']);
  });

  it('when a header cell is rich text, a formula, a date or empty, then its text is the column name', () => {
    expect([{ richText: [{ text: 'i' }, { text: 'd ' }] }, { formula: '"id"', result: 'id' }, new Date(Date.UTC(2026, 0, 2)), null].map(xlsxText)).toEqual(['id', 'id', '2026-01-02', '']);
  });
});
