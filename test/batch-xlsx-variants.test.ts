import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import { handWorkbook, zipOf, type HandWorkbook } from './support/hand-workbook.js';
import { mended, referenceRead, workerRead, type Read } from './support/xlsx-readers.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const dir = mkdtempSync(join(tmpdir(), 'impact-xlsx-variants-'));
let files = 0;

function written(bytes: Buffer): string {
  const file = join(dir, `w${files++}.xlsx`);
  writeFileSync(file, bytes);
  return file;
}

const read = (bytes: Buffer, size = 500) => workerRead(written(bytes), index, size);
const reference = (bytes: Buffer) => referenceRead(written(bytes), index);

// Percent: 1 (built-in 9), 3 (0.0%), 5 (0\% as exceljs unescapes it), 6 (built-in 10); dates: 2 (built-in 14), 4 (dd/mm/yyyy).
const STYLES = '<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/><numFmt numFmtId="166" formatCode="0\\%"/></numFmts>'
  + '<cellStyleXfs count="1"><xf numFmtId="14" fontId="0"/></cellStyleXfs>'
  + '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="10"/></cellXfs>';
// null: a rich text (two runs); '': a shared string without text.
const STRING_LIST = ['id', 'headcount', 'inclusion-disabled-rate', 'inclusion-evidence', 'A &amp; B &lt;Cie&gt; &#233;t&#xE9; &quot;x&quot;', null, '', '10 à 49', '   '];
const STRINGS = STRING_LIST.map((s) => (s === null ? '<si><r><rPr><b/></rPr><t>Ate</t></r><r><t xml:space="preserve">lier </t></r></si>' : s === '' ? '<si><t/></si>' : `<si><t>${s}</t></si>`)).join('');
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c>' + inline('B1', 'name') + '<c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c>'
  + '<c r="E1" t="str"><f>"gender-equality-index"</f><v>gender-equality-index</v></c><c r="F1" t="s"><v>3</v></c>' + inline('G1', 'employee-say-survey') + inline('H1', 'extra') + '</row>';
const ROWS = [
  HEADER,
  '<row r="2" spans="1:8">' + '<c r="A2" t="s"><v>4</v></c>' + inline('B2', 'Nom') + '<c r="C2" t="s"><v>7</v></c><c r="D2" s="1"><v>7.0000000000000007E-2</v></c><c r="E2"><v>85</v></c><c r="F2" s="2"><v>45000.25</v></c><c r="G2" t="b"><v>1</v></c></row>',
  '<row r="3"><c r="A3" t="str"><f>"B"</f><v>B &amp; co</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" t="s"><v>7</v></c><c r="D3" s="3"><f>7/100</f><v>7.0000000000000007E-2</v></c><c r="E3" s="4"><v>46000</v></c><c r="F3" t="e"><v>#N/A</v></c><c r="G3" t="b"><v>0</v></c><c r="H3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
  '<row r="4"/>',
  '<row r="5" spans="1:8"><c r="A5" s="1"/><c r="B5" t="s"><v>8</v></c>' + inline('C5', ' ') + '</row>',
  '<row r="6">' + inline('A6', 'C') + '<c r="D6" s="5"><v>0.5</v></c><c r="E6" s="6"><v>0.85</v></c><c r="F6" t="d"><v>2026-01-02</v></c></row>',
  '<row r="7" s="1" customFormat="1">' + inline('A7', 'D') + '<c r="D7"><v>0.25</v></c><c r="E7" s="0"><v>0.5</v></c><c r="F7" s="2"><v>1.5</v></c></row>',
  '<row r="9"><c r="A9" t="s"><v>99</v></c><c r="B9" t="s"><v>6</v></c><c r="C9"><v>12</v></c><c r="H9" s="3"><v></v></c></row>',
  '<row r="12">' + inline('A12', 'E') + '<c r="D12"><v>1</v></c><c r="Z12"><v>1</v></c></row>',
  '<row r="13">' + inline('A13', 'F') + '<c r="C13" s="2"><f>TODAY()</f><v>46000</v></c><c r="F13" s="4"><f>TODAY()</f><v>46000</v></c>' + inline('H13', '  spaced  ') + '</row>',
].join('');
const ORDER = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
const book = (more: Partial<HandWorkbook> = {}) => handWorkbook({ rows: ROWS, strings: STRINGS, styles: STYLES, ...more });

function rowsOf(r: Read): { row: number; cells: Record<string, unknown>; refused?: { code: string }[] }[] {
  if (!('rows' in r)) throw new Error(`refused: ${r.refused.message.en}`);
  return r.rows as never;
}

describe('XLSX read in the workers: workbooks as exceljs never writes them, against exceljs\' reader', () => {
  it('when cells are inline strings, formula results (t="str", numbers, booleans, errors), booleans, errors, percents and dates by built-in and own formats, a row\'s style, entities, a shared string past the table, in the 1900 or 1904 system, then the same rows', async () => {
    for (const date1904 of [false, true]) {
      const bytes = book({ date1904 });
      const expected = await reference(bytes);
      for (const size of [1, 2, 500]) expect(await read(bytes, size)).toEqual(expected);
      // What the rows hold, so that the equality above is not that of two empty readings.
      const rows = rowsOf(expected);
      expect(rows.map((r) => r.row)).toEqual([2, 3, 6, 7, 9, 12, 13]);
      expect(rows[0]!.cells).toMatchObject({ id: 'A & B <Cie> été "x"', name: 'Nom', 'inclusion-disabled-rate': 7, 'employee-say-survey': true });
      expect(rows[1]!.refused!.map((p) => p.code)).toEqual(['cell-holds-date']);
      expect(rows[3]!.refused!.map((p) => p.code)).toEqual(['percent-for-number']);
    }
  });

  it('when the shared strings come after the sheet, the zip stores its files without compressing them, or a workbook has no styles or no shared strings, then the same rows', async () => {
    const variants = [
      book({ order: [...ORDER.slice(0, 4), 'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'] }),
      zipOf(ORDER.map((name) => [name, unzipped(book(), name)] as const), { stored: true }),
      book({ styles: undefined }),
      // Inline strings only, and a cell naming a shared string where there is none.
      handWorkbook({ rows: ROWS.replace(/<c r="(\w+)" t="s"><v>(\d+)<\/v><\/c>/g, (_, ref: string, i: string) => (i === '99' ? `<c r="${ref}" t="s"><v>0</v></c>` : inline(ref, STRING_LIST[Number(i)] ?? 'Atelier '))), styles: STYLES }),
    ];
    for (const bytes of variants) expect(await read(bytes, 2)).toEqual(await reference(bytes));
    expect(rowsOf(await read(variants[2]!)).find((r) => r.row === 2)!.refused!.map((p) => p.code)).toEqual(['cell-format-unknown']);
  });

  it('when the styles come after the sheet, then the cells\' formats are still read (exceljs could not: it refused every number of a percentage column)', async () => {
    const after = book({ order: [...ORDER.slice(0, 4), 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml'] });
    expect(await read(after)).toEqual(await reference(book()));
    expect(rowsOf(await reference(after)).find((r) => r.row === 2)!.refused!.map((p) => p.code)).toEqual(['cell-format-unknown']);
  });

  it('when rows are long enough to span pieces of the inflated XML and chunks of one row, then the same rows', async () => {
    const words = 'été, forêt – « naïve » façade ’ '.repeat(1500);
    const rows = [HEADER, ...Array.from({ length: 12 }, (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, `R${i}`)}${inline(`F${i + 2}`, `${i} ${words}`)}<c r="E${i + 2}"><v>${i}</v></c></row>`)].join('');
    const bytes = handWorkbook({ rows, strings: STRINGS, styles: STYLES });
    const expected = await reference(bytes);
    for (const size of [1, 3, 500]) expect(mended(await read(bytes, size), expected)).toEqual(expected);
    expect(rowsOf(await read(bytes, 1)).map((r) => (r.cells['inclusion-evidence'] as string).length)).toEqual(Array.from({ length: 12 }, (_, i) => `${i} ${words}`.length));
  });

  it('when cells and rows do not say where they are (no r attributes), then they are placed in order, as the same workbook with them reads (exceljs refused the workbook)', async () => {
    const header = ['<c% t="s"><v>0</v></c>', '<c% t="inlineStr"><is><t>name</t></is></c>', '<c% t="s"><v>1</v></c>', '<c% t="s"><v>2</v></c>', '<c% t="inlineStr"><is><t>gender-equality-index</t></is></c>'];
    const row = ['<c% t="inlineStr"><is><t>G</t></is></c>', '<c%/>', '<c% t="s"><v>7</v></c>', '<c% s="1"><v>0.5</v></c>', '<c%><v>60</v></c>'];
    const cells = (list: string[], r: number, withR: boolean) => list.map((c, i) => c.replace('%', withR ? ` r="${String.fromCharCode(65 + i)}${r}"` : '')).join('');
    const sheet = (withR: boolean) => [
      `<row${withR ? ' r="1"' : ''}>${cells(header, 1, withR)}</row>`,
      `<row${withR ? ' r="2"' : ''}>${cells(row, 2, withR)}</row>`,
      `<row r="5"><c r="C5"><v>5</v></c><c${withR ? ' r="D5"' : ''}><v>0.5</v></c></row>`,
      `<row${withR ? ' r="6"' : ''}/>`,
      `<row${withR ? ' r="7"' : ''}><c${withR ? ' r="A7"' : ''} t="b"><v>1</v></c></row>`,
    ].join('');
    const without = handWorkbook({ rows: sheet(false), strings: STRINGS, styles: STYLES });
    const expected = await reference(handWorkbook({ rows: sheet(true), strings: STRINGS, styles: STYLES }));
    expect(rowsOf(expected).map((r) => r.row)).toEqual([2, 5, 7]);
    for (const size of [1, 500]) expect(await read(without, size)).toEqual(expected);
    expect(await reference(without)).toMatchObject({ refused: { code: 'unreadable-workbook' } });
  });

  it('when texts hold Excel\'s escapes (_x000D_), rich inline runs, phonetic guides or an escaped entity, and formulas give 0 or TRUE, then they are read as Excel shows them, where exceljs did not', async () => {
    const strings = `${STRINGS}<si><t>ligne_x000D_deux _x005F_x</t></si><si><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh></si>`;
    const rows = `${HEADER}<row r="2"><c r="A2" t="s"><v>9</v></c><c r="B2" t="inlineStr"><is><r><t>p</t></r><r><rPr><i/></rPr><t>q</t></r></is></c><c r="F2" t="s"><v>10</v></c><c r="H2" t="inlineStr"><is><t>a &amp;lt; b_x000A_</t></is></c></row>`
      + '<row r="3"><c r="A3" t="inlineStr"><is><t>formulas</t></is></c><c r="E3"><f>1-1</f><v>0</v></c><c r="G3" t="b"><f>TRUE()</f><v>1</v></c></row>';
    const bytes = handWorkbook({ rows, strings, styles: STYLES });
    expect(rowsOf(await read(bytes))[0]!.cells).toMatchObject({ id: 'ligne\rdeux _x', name: 'pq', 'inclusion-evidence': '漢', extra: 'a &lt; b\n' });
    expect(rowsOf(await reference(bytes))[0]!.cells).toMatchObject({ id: 'ligne_x000D_deux _x005F_x', name: 'q', 'inclusion-evidence': 'かん', extra: 'a < b_x000A_' });
    // A formula's cached result of its own type; exceljs gave TRUE as 1, and nothing for a result of 0.
    expect(rowsOf(await read(bytes))[1]!.cells).toMatchObject({ 'gender-equality-index': 0, 'employee-say-survey': true });
    expect(rowsOf(await reference(bytes))[1]!.cells).toMatchObject({ 'gender-equality-index': null, 'employee-say-survey': 1 });
  });

  it('when the zip stores a later sheet before the first, then the first sheet the workbook lists is read', async () => {
    const other = '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>OTHER</t></is></c></row>';
    const sheets = handWorkbook({ rows: ROWS, strings: STRINGS, styles: STYLES, others: [other] });
    const reordered = zipOf(['xl/worksheets/sheet2.xml', ...ORDER].map((name) => [name, unzipped(sheets, name)] as const));
    expect(await read(reordered)).toEqual(await reference(book()));
  });

  it('when a sheet unfolds a thousandfold (a zip bomb), then the workbook is refused in words before it is read whole', async () => {
    const prefix = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
    const deflate = createDeflateRaw({ level: 1 });
    const packed: Buffer[] = [];
    deflate.on('data', (b: Buffer) => packed.push(b));
    const done = new Promise((resolve) => deflate.on('end', resolve));
    deflate.write(prefix);
    const spaces = Buffer.alloc(1 << 20, 0x20);
    for (let i = 0; i < 300; i++) deflate.write(spaces);
    deflate.end(`<sheetData>${HEADER}</sheetData></worksheet>`);
    await done;
    const sheet = { packed: Buffer.concat(packed), size: (300 << 20) + prefix.length };
    const bytes = zipOf(ORDER.map((name) => [name, name.endsWith('sheet1.xml') ? sheet : unzipped(book(), name)] as const));
    const refused = await read(bytes);
    expect(refused).toMatchObject({ refused: { code: 'workbook-too-large', message: { fr: expect.stringMatching(/^classeur refusé\s:\sune fois décompressé/) } } });
  });
});

/** A file of a workbook made by handWorkbook, as text. */
function unzipped(bytes: Buffer, name: string): string {
  const at = bytes.indexOf(Buffer.from(name));
  const header = at - 30;
  const size = bytes.readUInt32LE(header + 18);
  const start = at + name.length + bytes.readUInt16LE(header + 28);
  return inflateRawSync(bytes.subarray(start, start + size)).toString('utf8');
}
