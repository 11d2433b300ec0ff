import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROKEN, CsvRecordCutter, MORE } from '../src/batch/csv/csv-record-cutter.js';
import { csvRecords } from '../src/batch/csv/csv-records.js';
import { differential } from './support/differential.js';

/** The records the cutter cuts a whole text into: each one's text, or 'broken' and where reading resumes. */
function cut(text: string, delimiter: string): (string | { broken: string })[] {
  const bytes = Buffer.from(text);
  const cutter = new CsvRecordCutter(delimiter.charCodeAt(0));
  const records: (string | { broken: string })[] = [];
  while (cutter.record < bytes.length) {
    const start = cutter.record;
    const end = cutter.next(bytes, true);
    expect(end).not.toBe(MORE);
    if (end === BROKEN) {
      const resume = cutter.resumeAt(bytes);
      const next = resume < 0 ? bytes.length : resume;
      records.push({ broken: bytes.subarray(start, next).toString() });
      cutter.startAt(next);
      continue;
    }
    records.push(bytes.subarray(start, Math.min(end + 1, bytes.length)).toString());
  }
  return records;
}

// Texts with everything that matters to where records end: delimiters, quotes, line feeds, CRs.
const text = fc.stringMatching(/^[a;,"\n\r ]{0,40}$/);

describe('where CSV records end (the chunks and the workers alike)', () => {
  it('when a text has no quote left open, then the records cut are those the parser reads, each reading alone as it reads among the others', async () => {
    const texts = fc.tuple(text, fc.constantFrom(';', ',')).filter(([csv, delimiter]) => cut(csv, delimiter).every((r) => typeof r === 'string'));
    const compared = await differential(
      ([csv, delimiter]) => csvRecords(csv, delimiter),
      ([csv, delimiter]) => cut(csv, delimiter).map((r) => csvRecords(r as string, delimiter)[0]),
      texts,
      { runs: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
    expect(compared).toBeGreaterThanOrEqual(Number(process.env.FUZZ_RUNS ?? 3000));
  });

  it('when the text is fed in pieces, then the records are cut where the whole text cuts them', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 7 }), (csv, size) => {
        const bytes = Buffer.from(csv);
        const cutter = new CsvRecordCutter(0x3b);
        const ends: number[] = [];
        let held = Buffer.alloc(0);
        let offset = 0;
        for (let at = 0; ; at += size) {
          const final = at + size >= bytes.length;
          held = Buffer.concat([held, bytes.subarray(at, at + size)]);
          while (!final || cutter.record < held.length) {
            const end = cutter.next(held, final);
            if (end === MORE) break;
            if (end >= 0) {
              ends.push(offset + end);
              continue;
            }
            const resume = cutter.resumeAt(held);
            if (resume < 0) return; // Broken up to a line end not read yet: the chunks skip to it.
            ends.push(-(offset + resume));
            cutter.startAt(resume);
          }
          if (final) break;
          // Drop what is cut, as the chunks do.
          held = held.subarray(cutter.record);
          offset += cutter.record;
          cutter.rebase(cutter.record);
        }
        const whole = cut(csv, ';');
        let at = 0;
        const expected = whole.map((r) => {
          const length = Buffer.byteLength(typeof r === 'string' ? r : r.broken);
          at += length;
          return typeof r === 'string' ? (r.endsWith('\n') ? at - 1 : at) : -at;
        });
        expect(ends).toEqual(expected);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
  });

  it('when a quote opens a cell and is never closed, or closes a cell spanning lines with text after it, then that line is broken and reading resumes after it', () => {
    expect(cut('a;"b\nc;d\ne;f\n', ';')).toEqual([{ broken: 'a;"b\n' }, 'c;d\n', 'e;f\n']);
    expect(cut('a;"b\nc;d\ne;"f";g\nh;i\n', ';')).toEqual([{ broken: 'a;"b\n' }, 'c;d\n', 'e;"f";g\n', 'h;i\n']);
    expect(cut('a;"b\nc;"d"\n', ';')).toEqual([{ broken: 'a;"b\n' }, 'c;"d"\n']);
    // Quotes inside a cell, escaped quotes, a cell spanning lines closed as it should be: kept.
    expect(cut('a;27" screen;x\nb;"q ""r""";s\n"t\r\nu";v\r\n', ';')).toEqual(['a;27" screen;x\n', 'b;"q ""r""";s\n', '"t\r\nu";v\r\n']);
    // Text after a closing quote on the same line: kept as written, the parsers read it.
    expect(cut('a;"b"c;d\ne\n', ';')).toEqual(['a;"b"c;d\n', 'e\n']);
  });
});
