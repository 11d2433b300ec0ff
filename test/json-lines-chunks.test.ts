import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputRow } from '../src/batch/input-row.js';
import { eachJsonLine, readJsonLinesChunks } from '../src/batch/json-lines.js';
import { MAX_RECORD_BYTES } from '../src/batch/row-problems.js';

/** The rows of a file as the workers read them, whatever the pieces it arrives in and the chunks it is cut into. */
async function rowsOf(pieces: Buffer[], linesPerChunk: number): Promise<InputRow[]> {
  const rows: InputRow[] = [];
  for await (const work of readJsonLinesChunks(Readable.from(pieces), linesPerChunk)) {
    if (Array.isArray(work)) rows.push(...work);
    else eachJsonLine(work, (row) => rows.push(row));
  }
  return rows;
}

const line = fc.oneof(
  fc.record({ organisation: fc.record({ name: fc.string() }), answers: fc.dictionary(fc.string({ maxLength: 5 }), fc.integer()) }).map((d) => JSON.stringify(d)),
  fc.constantFrom('', '   ', '{ not json', '"été"', '[[[[1]]]]', `${'['.repeat(40)}${']'.repeat(40)}`),
);

describe('JSON Lines cut on bytes by the main thread, parsed by the workers', () => {
  it('when a file comes in pieces of any size and is cut in chunks of any number of lines, then every line is read as alone, numbered by its line (blank ones counted, not scored)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 7 }), async (lines, finalNewline, cuts, perChunk) => {
      const bytes = Buffer.from(lines.join('\n') + (finalNewline && lines.length > 0 ? '\n' : ''));
      const pieces: Buffer[] = [];
      for (let at = 0, k = 0; at < bytes.length; k++) {
        const size = cuts[k % cuts.length]!;
        pieces.push(bytes.subarray(at, at + size));
        at += size;
      }
      const alone = (await rowsOf([bytes], 1)).map((r) => [r.row, r.document ?? r.unreadable?.code]);
      expect((await rowsOf(pieces, perChunk)).map((r) => [r.row, r.document ?? r.unreadable?.code])).toEqual(alone);
      const expected = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i + 1]));
      expect(alone.map(([row]) => row)).toEqual(expected);
    }), { numRuns: 300 });
  });

  it('when a line grows past the limit, then it is rejected alone, never held whole, and the lines after it are read with their numbers', async () => {
    const long = Buffer.alloc(MAX_RECORD_BYTES * 2 + 10, 0x61);
    const pieces = [Buffer.from('{"a":1}\n'), long.subarray(0, MAX_RECORD_BYTES), long.subarray(MAX_RECORD_BYTES), Buffer.from('\n{"b":2}\n')];
    const rows = await rowsOf(pieces, 100);
    expect(rows.map((r) => [r.row, r.document ?? r.unreadable?.code])).toEqual([[1, { a: 1 }], [2, 'row-too-long'], [3, { b: 2 }]]);
  });
});
