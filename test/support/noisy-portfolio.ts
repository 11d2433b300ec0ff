import iconv from 'iconv-lite';
import { generateAnswers } from './generate-answers.js';
import { rowOf } from './generate-portfolio.js';
import { portfolioColumns } from '../../src/batch/columns.js';
import type { CsvChunk } from '../../src/batch/csv/csv-chunk.js';
import { loadContent } from '../../src/content/load-content.js';
import { indexContent } from '../../src/core/content-index.js';

/** Portfolio chunks as spreadsheets hold them, noise included: what the batch's readers and writers are held to. */
const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
export const header = portfolioColumns(index, 'fr').map((c) => c.id);

// What spreadsheets hold besides clean values: labels, spaces, n/a, decimal commas, accents, typos, unicode spaces.
const NOISE = [' oui ', 'Non', 'N/A', 'sans objet', '12,5', '-12,5', '-3', ' 12 ', '12.3456789012345678', '45 %', '-0', '007', '1.', '3e2', 'épreuve', 'Élevé', '\u00a0', ' ', '\t', 'x|y', 'none|', 'inconnu', 'ça', '€', '1 000'];

const ORGANISATION = header.indexOf('organisation');

/** A row of a generated organisation (its organisation number n, to be kept or not), some cells replaced by noise, some cut or added at the end. */
export function noisyRow(rand: () => number, n: number): string[] {
  const row = rowOf(index, `ORG-${n}`, generateAnswers(index, rand));
  row[ORGANISATION] = String(n);
  for (let i = 1; i < row.length; i++) if (rand() < 0.05) row[i] = NOISE[Math.floor(rand() * NOISE.length)]!;
  const r = rand();
  if (r < 0.05) return row.slice(0, Math.floor(rand() * row.length));
  if (r < 0.1) return [...row, 'extra', 'é'];
  if (r < 0.13) return row.map(() => (rand() < 0.5 ? '' : ' '));
  return row;
}

/** The chunk of these rows, its columns in the order of `columns` (positions in `header`): any order must read the same. */
export function chunkOf(lines: string[][], delimiter: string, crlf: boolean, encoding: CsvChunk['encoding'], firstRow = 2, columns = header.map((_, i) => i)): CsvChunk {
  const text = lines.map((cells) => columns.map((i) => cells[i]).filter((cell) => cell !== undefined).join(delimiter)).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
  const bytes = encoding === 'utf8' ? new TextEncoder().encode(text) : new Uint8Array(iconv.encode(text, 'win1252'));
  return { kind: 'csv', header: columns.map((i) => header[i]!), delimiter, encoding, bytes: new Uint8Array(bytes), firstRow };
}

