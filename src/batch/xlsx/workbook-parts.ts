import { numberFormatsOf } from './number-formats.js';
import { noSharedStrings, sharedStringsOf } from './shared-strings.js';
import type { XlsxBook } from './xlsx-chunk.js';
import { attributeOf, elementsOf } from './xml-text.js';
import type { ZipEntry, ZipFile } from './zip-file.js';

// Parts held whole in memory: a workbook's own are a few KiB to a few MiB; its shared strings, a
// string per distinct text, some tens of MiB for a million rows.
const PART_LIMIT = 64 << 20;
const STRINGS_LIMIT = 256 << 20;

/** The workbook's first sheet, and what its rows need of the rest of the workbook (read whole, wherever they lie in the zip). */
export async function readBook(zip: ZipFile): Promise<{ sheet: ZipEntry | undefined; book: XlsxBook }> {
  const text = async (name: string, limit = PART_LIMIT) => {
    const entry = zip.entries.get(name);
    return entry && (await zip.read(entry, limit));
  };
  const workbook = (await text('xl/workbook.xml'))?.toString('utf8') ?? '';
  const rels = (await text('xl/_rels/workbook.xml.rels'))?.toString('utf8') ?? '';
  const strings = await text('xl/sharedStrings.xml', STRINGS_LIMIT);
  const styles = await text('xl/styles.xml');
  const numFmts = styles && numberFormatsOf(styles.toString('utf8'));
  const workbookPr = elementsOf(workbook, 'workbookPr').next();
  return {
    sheet: firstSheet(zip, workbook, rels),
    book: {
      strings: strings ? sharedStringsOf(strings) : noSharedStrings(),
      hasStrings: strings !== undefined,
      numFmts: numFmts ?? [],
      formatsKnown: numFmts !== undefined,
      date1904: !workbookPr.done && attributeOf(workbookPr.value.tag, 'date1904') === '1',
    },
  };
}

/** The first sheet the workbook lists (its tab on the left), found through the workbook's relationships; else the first sheet stored. */
function firstSheet(zip: ZipFile, workbook: string, rels: string): ZipEntry | undefined {
  const sheets = elementsOf(workbook, 'sheets').next();
  const first = sheets.done ? undefined : elementsOf(sheets.value.content, 'sheet').next();
  const id = first && !first.done ? attributeOf(first.value.tag, 'r:id') : undefined;
  for (const { tag } of elementsOf(rels, 'Relationship')) {
    const target = attributeOf(tag, 'Target');
    if (id === undefined || attributeOf(tag, 'Id') !== id || !target) continue;
    const entry = zip.entries.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (entry) return entry;
  }
  return [...zip.entries.values()].find((e) => /^xl\/worksheets\/sheet\d+[.]xml$/.test(e.name));
}
