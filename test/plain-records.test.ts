import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { random } from './support/generate-answers.js';
import { ByteCellReader } from '../src/batch/csv/byte-cell.js';
import { ValueCodes } from '../src/engine/value-codes.js';
import { answerValidator } from '../src/core/answer-value.js';
import { Known } from '../src/engine/index.js';

const { unknown: UNKNOWN, validAnswer: VALID_ANSWER, validNotApplicable: VALID_NOT_APPLICABLE } = Known;
import type { CsvChunk } from '../src/batch/csv/csv-chunk.js';
import { readCsvChunks } from '../src/batch/csv/csv-chunks.js';
import { UNCLOSED_QUOTE } from '../src/batch/row-problems.js';
import { cellParser, parseCell, plainNumber } from '../src/batch/parse-cell.js';
import { cellHash, plainRecord, quotedRecords, readPlainRecord } from '../src/batch/csv/plain-records.js';
import { createBatchContext } from '../src/batch/batch-context.js';
import type { BatchContext } from '../src/batch/batch-context.js';
import { scoreCsvChunk } from '../src/batch/csv/chunk-rows.js';
import { scoreTextChunk } from '../src/batch/csv/text-rows.js';
import { ResultList, type RowSink } from '../src/batch/row-sink.js';
import { differential } from './support/differential.js';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import { portfolioColumns } from '../src/batch/columns.js';
import { chunkOf, header, noisyRow } from './support/noisy-portfolio.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content } = loaded.value;
const index = indexContent(content);

/** A chunk's rows as results, read one way or the other. */
function resultsOf(context: BatchContext, chunk: CsvChunk, read: (context: BatchContext, chunk: CsvChunk, sink: RowSink) => number) {
  const list = new ResultList(context.engine);
  read(context, chunk, list);
  return list.results;
}

/** The text path is the reference: each side reads with a context of its own, made by `context`, so that neither's caches help the other. */
function bytesAsText(context: () => BatchContext = () => createBatchContext(content, 'fr', 3)) {
  return {
    text: (chunk: CsvChunk) => resultsOf(context(), chunk, scoreTextChunk),
    bytes: (chunk: CsvChunk) => resultsOf(context(), chunk, scoreCsvChunk),
  };
}

describe('chunks without quotes, read on their bytes', () => {
  it('when random noisy chunks are read on their bytes and as text, then every row comes out the same (scores, suggestions, problems, kept answers)', async () => {
    // Partial or not: incomplete rows scored, or rejected naming their unanswered questions.
    const chunks = fc.tuple(fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom(';', ',', '\t'), fc.boolean(), fc.constantFrom('utf8', 'win1252') as fc.Arbitrary<CsvChunk['encoding']>, fc.boolean()).map(([seed, delimiter, crlf, encoding, partial]) => {
      const rand = random(seed);
      const lines = Array.from({ length: 12 }, (_, n) => (rand() < 0.08 ? [''] : noisyRow(rand, n)).map((cell) => cell.replaceAll(delimiter, ' ')));
      // Columns shuffled: the last one (before a line end) is any kind of question.
      const columns = header.map((_, i) => i).sort(() => rand() - 0.5);
      return { chunk: chunkOf(lines, delimiter, crlf, encoding, 2, columns), partial };
    });
    const keep = new Set(['organisation:1', 'organisation:4']);
    const context = (partial: boolean) => () => createBatchContext(content, 'fr', 3, { keep, partial });
    const compared = await differential(({ chunk, partial }) => bytesAsText(context(partial)).text(chunk), ({ chunk, partial }) => bytesAsText(context(partial)).bytes(chunk), chunks, { runs: 150 });
    expect(compared).toBeGreaterThanOrEqual(150);
  });

  it('when the same context reads many chunks, then what its columns remember by bytes gives what the text gives', async () => {
    const context = createBatchContext(content, 'fr', 3);
    const reference = createBatchContext(content, 'fr', 3);
    const rand = random(7);
    const chunks = Array.from({ length: 40 }, (_, k) => chunkOf(Array.from({ length: 50 }, (_, n) => noisyRow(rand, n)), ';', k % 2 === 0, k % 3 === 0 ? 'win1252' : 'utf8', 2 + 50 * k));
    expect(await differential((chunk) => resultsOf(reference, chunk, scoreTextChunk), (chunk) => resultsOf(context, chunk, scoreCsvChunk), chunks)).toBe(40);
  });

  it('when a header names a column twice and rows leave one or the other empty, then the bytes read it as the text does (the last non-empty cell wins)', async () => {
    const rand = random(5);
    const twice = header.indexOf('inclusion-hires');
    const columns = [...header.map((_, i) => i), twice];
    const lines = Array.from({ length: 40 }, (_, n) => {
      const noisy = noisyRow(rand, n);
      // Every row as long as the header (short rows padded), then the repeated column's second cell: empty, the same, or another value.
      const row = header.map((_, i) => noisy[i] ?? '');
      return [...row, ['', row[twice]!, '1-9', '50+'][n % 4]!];
    });
    const chunk = chunkOf(lines, ';', false, 'utf8', 2, columns.map((_, i) => i));
    const shuffled = { ...chunk, header: columns.map((i) => header[i]!) };
    const { text, bytes } = bytesAsText();
    expect(await differential(text, bytes, [shuffled])).toBe(1);
  });

  it('when one context reads chunks of files with other headers (columns in another order, some missing), then nothing of one file is left in the next', async () => {
    const context = createBatchContext(content, 'fr', 3);
    const rand = random(23);
    const chunks = Array.from({ length: 12 }, (_, k) => {
      // Every other file leaves out a third of the columns (the identifier kept).
      const columns = header.map((_, i) => i).filter((i) => i === 0 || k % 2 === 0 || rand() > 0.33).sort(() => rand() - 0.5);
      return chunkOf(Array.from({ length: 30 }, (_, n) => noisyRow(rand, n)), ';', false, 'utf8', 2, columns);
    });
    expect(await differential(bytesAsText().text, (chunk) => resultsOf(context, chunk, scoreCsvChunk), chunks)).toBe(12);
  });

  it('when a template\'s label row comes second, then it is skipped on bytes as in text, and only there', async () => {
    const rand = random(29);
    const labels = portfolioColumns(index, 'fr').map((c) => c.label.replaceAll(';', ','));
    const lines = [labels, ...Array.from({ length: 5 }, (_, n) => noisyRow(rand, n)), labels];
    const chunks = [2, 3].map((firstRow) => chunkOf(lines, ';', true, 'win1252', firstRow));
    const { text, bytes } = bytesAsText();
    expect(await differential(text, bytes, chunks)).toBe(2);
    // At row 2 it is the label row; anywhere else a row with problems.
    expect(chunks.map((chunk) => bytes(chunk).some((r) => r.row === chunk.firstRow))).toEqual([false, true]);
  });

  it('when some cells are quoted as spreadsheets write them, or quoted wrongly, then each chunk cut from the file reads as it does as text', async () => {
    // Well-formed quoted cells (delimiter, quotes, line breaks inside), then broken ones (a stray
    // quote, an unclosed one, spaces after a closing quote, a lone CR): the chunks are cut from the
    // file as a batch cuts them, a row left unreadable coming apart.
    const QUOTED = ['"Note; avec ""guillemets"""', '"sur deux\nlignes"', '"sur deux\r\nlignes"', '"oui"', '""', '"adapted"', '"12,5"'];
    const BROKEN = ['Note "isolée', '"pas fermée', '"espaces" ', 'a""b', 'fin\rseule', '"x"y'];
    const d = mkdtempSync(join(tmpdir(), 'impact-quoted-'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 }), fc.boolean(), fc.constantFrom('utf8', 'win1252') as fc.Arbitrary<CsvChunk['encoding']>, fc.boolean(), async (seed, crlf, encoding, partial) => {
        const rand = random(seed);
        const broken = rand() < 0.3;
        const lines = Array.from({ length: 12 }, (_, n) =>
          noisyRow(rand, n).map((cell, i) => {
            if (i === 0 || rand() > 0.02) return cell.replaceAll('"', "'");
            return broken && rand() < 0.3 ? BROKEN[Math.floor(rand() * BROKEN.length)]! : QUOTED[Math.floor(rand() * QUOTED.length)]!;
          }),
        );
        const file = join(d, 'quoted.csv');
        const { bytes } = chunkOf([header, ...lines], ';', crlf, encoding);
        writeFileSync(file, bytes);
        const keep = new Set(['organisation:2']);
        const chunks: CsvChunk[] = [];
        for await (const work of readCsvChunks(file, { bytesRead: 0, totalBytes: 0 }, 5)) if (!Array.isArray(work)) chunks.push(work);
        const paths = bytesAsText(() => createBatchContext(content, 'fr', 3, { keep, partial }));
        expect(await differential(paths.text, paths.bytes, chunks)).toBe(chunks.length);
      }),
      { numRuns: Number(process.env.QUOTED_RUNS ?? 200) },
    );
  });

  it('when a chunk holds quoted records, then each is read alone as text, and one whose quote is never closed loses its line only', () => {
    const read = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      return Object.fromEntries(quotedRecords(bytes, ';', (s, e) => new TextDecoder().decode(bytes.subarray(s, e))));
    };
    expect(read('a;b\r\nc;d\r\n')).toEqual({});
    expect(read('a;"b;c"\nd;e\n"f\r\ng";h')).toEqual({ 0: { cells: ['a', 'b;c'], next: 8 }, 12: { cells: ['f\ng', 'h'], next: 20 } });
    expect(read('x;"a ""quoted"" word";y\n')).toEqual({ 0: { cells: ['x', 'a "quoted" word', 'y'], next: 24 } });
    // A lone CR is a character of its cell; text after a closing quote is kept as written.
    expect(read('a;b\rc\n')).toEqual({});
    expect(read('a;"b" ;c\n')).toEqual({ 0: { cells: ['a', '"b" ', 'c'], next: 9 } });
    expect(read('a;"b\nc;"d"\n')).toEqual({ 0: { unreadable: UNCLOSED_QUOTE, next: 5 }, 5: { cells: ['c', 'd'], next: 11 } });
  });

  it('when records are split on their bytes, then blank lines, empty cells and a last line without line feed are kept', () => {
    const bytes = new TextEncoder().encode('a;;b\r\n\n;\nc');
    const record = plainRecord();
    const seen: string[][] = [];
    for (let at = 0; at < bytes.length; ) {
      at = readPlainRecord(bytes, at, 0x3b, record);
      seen.push(Array.from({ length: record.count }, (_, i) => new TextDecoder().decode(bytes.subarray(record.starts[i], record.ends[i]))));
    }
    expect(seen).toEqual([['a', '', 'b'], [''], ['', ''], ['c']]);
  });

  it('when records are split, then each cell comes with the hash of its own bytes (a CRLF\'s CR left out)', () => {
    const bytes = new TextEncoder().encode('oui;non;12,5\r\nNote de preuve;;é\r\nx;y\nlast');
    const record = plainRecord();
    for (let at = 0; at < bytes.length; ) {
      at = readPlainRecord(bytes, at, 0x3b, record);
      for (let c = 0; c < record.count; c++) expect(record.hashes[c]).toBe(cellHash(bytes, record.starts[c]!, record.ends[c]!));
    }
  });

  it('when a record has more cells than the reader had room for, then it grows and keeps them all', () => {
    const cells = Array.from({ length: 700 }, (_, i) => String(i));
    const bytes = new TextEncoder().encode(cells.join(',') + '\n');
    const record = plainRecord();
    readPlainRecord(bytes, 0, 0x2c, record);
    expect(record.count).toBe(700);
    expect(new TextDecoder().decode(bytes.subarray(record.starts[699], record.ends[699]))).toBe('699');
  });

  it('when numbers are read from their digits, then they equal what the text reads, to the last bit (-0 included), in a column met for the first time', async () => {
    const digits = fc.stringMatching(/^-?[0-9]{0,17}([.,][0-9]{0,17})?$/);
    const question = index.questions.get('inclusion-disabled-rate')!.question;
    const bits = (n: unknown) => (Object.is(n, -0) ? '-0' : n);
    // A fresh reader each time: the number is read from its digits, not remembered (beyond 15 digits the text reads it).
    const fromBytes = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      return bits(new ByteCellReader([{ question, slot: 0, parse: cellParser(question) }], new ValueCodes(1)).read(0, bytes, 0, bytes.length, () => text));
    };
    const compared = await differential((text: string) => bits(parseCell(question, text === '' ? undefined : text)), fromBytes, fc.oneof(digits, fc.double({ noNaN: true }).map(String), fc.string({ maxLength: 6 })), { runs: 3000 });
    expect(compared).toBeGreaterThanOrEqual(3000);
    // The plain numbers are those read without parseCell.
    expect(fromBytes('-12,50')).toBe(plainNumber('-12,50'));
  });

  it('when a column has met more texts than it remembers (its table growing on the way), then the remembered ones come back with their codes and the others are still read right', () => {
    const question = index.questions.get('inclusion-practices')!.question;
    const codes = new ValueCodes(1);
    const parser = new ByteCellReader([{ question, slot: 0, parse: cellParser(question) }], codes);
    const options = question.options!.map((o) => o.value);
    const texts = Array.from({ length: 1500 }, (_, i) => `${options[i % options.length]}|x${i}`);
    const textOf = (bytes: Uint8Array) => (s: number, e: number) => new TextDecoder().decode(bytes.subarray(s, e));
    for (const round of [0, 1]) {
      texts.forEach((text, i) => {
        const bytes = new TextEncoder().encode(text);
        const value = parser.read(0, bytes, 0, bytes.length, textOf(bytes));
        expect(value, `${text} (round ${round})`).toEqual(text.split('|'));
        // The first 1,000 are remembered, and recognised from the second round on.
        expect([text, parser.code]).toEqual([text, round === 1 && i < 1000 ? codes.codeOf(0, value) : -1]);
      });
    }
  });
});

describe('a column read on its bytes', () => {
  it('when a cell it remembers is read again, then whether it is a valid answer, and whether that is "n/a", comes with it (and a new or invalid one is not vouched for)', () => {
    const question = index.questions.get('vulnerable-publics-offer')!.question;
    expect(question.notApplicable).toBe(true);
    const parser = new ByteCellReader([{ question, slot: 0, parse: cellParser(question) }], new ValueCodes(1));
    const read = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      const value = parser.read(0, bytes, 0, bytes.length, (s, e) => new TextDecoder().decode(bytes.subarray(s, e)));
      return { value, known: parser.known };
    };
    const option = question.options![0]!.value;
    expect(read(option)).toEqual({ value: option, known: UNKNOWN });
    expect(read(option)).toEqual({ value: option, known: VALID_ANSWER });
    expect(read('sans objet')).toEqual({ value: 'n/a', known: UNKNOWN });
    expect(read('sans objet')).toEqual({ value: 'n/a', known: VALID_NOT_APPLICABLE });
    expect(read('inconnu')).toEqual({ value: 'inconnu', known: UNKNOWN });
    expect(read('inconnu')).toEqual({ value: 'inconnu', known: UNKNOWN });
    expect(read('')).toEqual({ value: undefined, known: UNKNOWN });
    // "n/a" where the question does not take it is not vouched for: validation names the problem.
    const strict = new ByteCellReader([{ question: index.questions.get('inclusion-practices')!.question, slot: 0, parse: cellParser(index.questions.get('inclusion-practices')!.question) }], new ValueCodes(1));
    const bytes = new TextEncoder().encode('n/a');
    for (const _ of [0, 1]) expect(strict.read(0, bytes, 0, 3, () => 'n/a')).toBe('n/a');
    expect(strict.known).toBe(UNKNOWN);
  });

  it('when columns of different questions hold the same texts, then each column reads them its own way, each with its own code, however many texts they meet', () => {
    const questions = ['governance-evidence', 'carbon-measured-done', 'inclusion-hires'].map((id) => index.questions.get(id)!.question);
    expect(questions.map((q) => q.type)).toEqual(['text', 'boolean', 'single']);
    const codes = new ValueCodes(3);
    // Slot 2's codes start further on, so that a text read in the wrong column gets the wrong code.
    codes.codeOf(2, 'déjà vu');
    const reader = new ByteCellReader(questions.map((question, slot) => ({ question, slot, parse: cellParser(question) })), codes);
    const validators = questions.map(answerValidator);
    const option = questions[2]!.options![0]!.value;
    // Enough other texts for the table to grow several times between the reads.
    const texts = ['oui', 'non', option, ...Array.from({ length: 300 }, (_, i) => `note ${i}`)];
    for (const round of [0, 1]) {
      for (const text of texts) {
        const bytes = new TextEncoder().encode(text);
        const read = (column: number) => [reader.read(column, bytes, 0, bytes.length, (s, e) => new TextDecoder().decode(bytes.subarray(s, e))), reader.code, reader.known] as const;
        // Columns read in another order each round.
        const reads = round === 0 ? [read(0), read(1), read(2)] : [read(2), read(1), read(0)].reverse();
        const [[asText, textCode, textKnown], [asBoolean, booleanCode, booleanKnown], [asOption, optionCode, optionKnown]] = reads as [ReturnType<typeof read>, ReturnType<typeof read>, ReturnType<typeof read>];
        const values = [asText, asBoolean, asOption];
        expect(values).toEqual(questions.map((q) => parseCell(q, text)));
        if (round === 0) continue;
        expect([textCode, booleanCode, optionCode]).toEqual([codes.codeOf(0, asText), codes.codeOf(1, asBoolean), codes.codeOf(2, asOption)]);
        expect([text, textKnown, booleanKnown, optionKnown]).toEqual([text, ...values.map((v, k) => (!validators[k]!(v) ? UNKNOWN : v === 'n/a' ? VALID_NOT_APPLICABLE : VALID_ANSWER))]);
      }
    }
  });
});
