import { crc32, deflateRawSync } from 'node:zlib';

/** A file already deflated (a zip bomb's), with the size it unfolds to. */
export interface Packed {
  packed: Buffer;
  size: number;
}

/**
 * A zip archive of these files, in this order (deflated, or stored with `stored`): to write
 * workbooks as exceljs never writes them (inline strings, parts in another order, no r attributes).
 */
export function zipOf(files: readonly (readonly [string, string | Buffer | Packed])[], { stored = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const given = typeof content === 'object' && 'packed' in content ? content : undefined;
    const data = given ? Buffer.alloc(0) : typeof content === 'string' ? Buffer.from(content, 'utf8') : (content as Buffer);
    const packed = given?.packed ?? (stored ? data : deflateRawSync(data));
    const size = given?.size ?? data.length;
    const path = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored && !given ? 0 : 8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(path.length, 26);
    locals.push(local, path, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(stored && !given ? 0 : 8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(path.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, path);
    offset += 30 + path.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface HandWorkbook {
  /** The <sheetData> element's content: the rows' XML. */
  rows: string;
  /** The <sst> element's content (<si> elements); no shared strings part when undefined. */
  strings?: string;
  /** The <styleSheet> element's content; no styles part when undefined. */
  styles?: string;
  date1904?: boolean;
  /** The parts' order in the zip (by name); by default as Excel stores them, the sheet last. */
  order?: readonly string[];
  /** More sheets, listed after the first in the workbook: their rows' XML. */
  others?: readonly string[];
}

/** A workbook written by hand, its first sheet holding `rows`. */
export function handWorkbook({ rows, strings, styles, date1904 = false, order, others = [] }: HandWorkbook): Buffer {
  const sheets = [rows, ...others];
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
  };
  if (styles !== undefined) parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${styles}</styleSheet>`;
  if (strings !== undefined) parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${strings}</sst>`;
  sheets.forEach((sheet, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>${sheet}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks></worksheet>`));
  const names = order ?? Object.keys(parts);
  return zipOf(names.map((name) => [name, parts[name]!] as const));
}
