import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyOf, SummaryBuilder } from '../src/batch/batch-summary.js';
import type { WrittenResult } from '../src/batch/row-result.js';
import { csvLine } from '../src/batch/format-rows.js';
import { differential } from './support/differential.js';

type Written = WrittenResult;

// Cells as results hold them: scores, row numbers, identifiers, action ids, error texts with anything in them.
const cell = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
  fc.constantFrom(null, -0, 0.05, 100.1, -3.5, 1e21, 12.34, Number.NaN),
  fc.double(),
  fc.constantFrom('', 'ORG-1', "'=1+1", 'a "quoted" id', 'two\nlines', 'cr\r', 'semi;colon', 'comma,', 'tab\t', 'pipe|', 'é€', '-3'),
  fc.string({ maxLength: 12 }),
);

describe('batch output written in the workers', () => {
  it('when any record is written with any delimiter, then the line is what csv-stringify writes', async () => {
    const compared = await differential(
      ([cells, delimiter]) => stringify([cells], { delimiter, cast: { number: (n) => String(n) } }),
      ([cells, delimiter]) => csvLine(cells, delimiter),
      fc.tuple(fc.array(cell, { minLength: 1, maxLength: 30 }), fc.constantFrom(',', ';', '\t', '|', '.', '1', 'ab')),
      { runs: 3000 },
    );
    expect(compared).toBeGreaterThanOrEqual(3000);
  });

  it('when rows are counted from a tally, then the summary is the one counted from the results', async () => {
    const pillar = fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 10), { nil: null });
    const row = fc.oneof(
      fc.record({ global: pillar, a: pillar, b: pillar }).map(({ global, a, b }): Written => ({ row: 2, id: 'x', ok: true, global, pillars: { a, b }, indicators: {}, suggestions: [], gains: [] })),
      fc.constant<Written>({ row: 2, id: 'y', ok: false, problems: [] }),
    );
    const byResult = (rows: Written[]) => {
      const summary = new SummaryBuilder(['a', 'b']);
      for (const r of rows) summary.add(r);
      return summary.build();
    };
    const byTally = (rows: Written[]) => {
      const summary = new SummaryBuilder(['a', 'b']);
      summary.addTally(tallyOf(rows.slice(0, 7), ['a', 'b']));
      summary.addTally(tallyOf(rows.slice(7), ['a', 'b']));
      return summary.build();
    };
    expect(await differential(byResult, byTally, fc.array(row, { maxLength: 40 }))).toBeGreaterThanOrEqual(100);
  });
});
