import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { random } from './support/generate-answers.js';
import { tallyOf } from '../src/batch/batch-summary.js';
import { formatRows, textFormatOf, type TextFormat } from '../src/batch/format-rows.js';
import { createBatchContext } from '../src/batch/batch-context.js';
import { scoreCsvChunk } from '../src/batch/csv/chunk-rows.js';
import { resultWords } from '../src/batch/result-words.js';
import { ResultList } from '../src/batch/row-sink.js';
import { scoreWork } from '../src/batch/score-work.js';
import { CsvRowWriter } from '../src/batch/csv/csv-row-writer.js';
import type { CsvChunk } from '../src/batch/csv/csv-chunk.js';
import { loadContent } from '../src/content/load-content.js';
import { differential } from './support/differential.js';
import { chunkOf, noisyRow } from './support/noisy-portfolio.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content } = loaded.value;
const pillars = content.pillars.map((p) => p.id);
const indicators = content.pillars.flatMap((p) => p.indicators.map((i) => i.id));

// Identifiers a spreadsheet may hold: formulas, delimiters, quotes, accents, emoji, empty.
const IDS = ['=1+1', '+33', '-ORG', '@x', 'ORG;1', 'ORG,1', 'ORG\t1', 'ORG|1', 'ORG§1', 'Société Générale', 'ORG-😀', '', ' 12 ', 'ORG"1'];

/** What the writer is held to: the rows as results, written by formatRows, counted by tallyOf. */
function reference(chunk: CsvChunk, format: TextFormat, suggestions: number, tallied = pillars) {
  const context = createBatchContext(content, 'fr', suggestions);
  const list = Object.assign(new ResultList(context.engine), { context });
  scoreCsvChunk(context, chunk, list);
  return { text: formatRows(format, list.results, resultWords(list.context.index, 'fr')), tally: tallyOf(list.results, tallied) };
}

const textOf = (text: string | Uint8Array) => (typeof text === 'string' ? text : new TextDecoder().decode(text));

describe('CSV rows written as bytes', () => {
  it('when noisy chunks are scored into CSV, then the output and the tally are those of formatRows and tallyOf on the results, whatever the delimiters', async () => {
    const cases = fc.tuple(
      fc.integer({ min: 1, max: 2 ** 31 }),
      fc.constantFrom(';', ',', '\t'),
      // Output delimiters of one byte are written as bytes; any other goes through formatRows.
      fc.constantFrom(',', ';', '\t', '|', '§', '→', '||'),
      fc.boolean(),
      fc.constantFrom(0, 1, 3, 6),
    ).map(([seed, input, output, crlf, suggestions]) => {
      const rand = random(seed);
      const lines = Array.from({ length: 10 }, (_, n) => {
        const row = noisyRow(rand, n);
        // Identifiers holding the output delimiter reach the writer (the input one would split them).
        if (rand() < 0.4) row[0] = IDS[Math.floor(rand() * IDS.length)]!.replaceAll(input, ' ');
        // So do names (the column after the identifier).
        if (rand() < 0.4) row[1] = IDS[Math.floor(rand() * IDS.length)]!.replaceAll(input, ' ');
        return row.map((cell) => cell.replaceAll(input, ' '));
      });
      const format = textFormatOf('csv', { pillars, indicators, suggestions }, output)!;
      // The summary may count pillars in another order than the columns.
      return { chunk: chunkOf(lines, input, crlf, 'utf8'), format, output, suggestions, tallied: rand() < 0.5 ? pillars : [...pillars].reverse() };
    });
    const compared = await differential(
      ({ chunk, format, output, suggestions, tallied }) => ({ bytes: CsvRowWriter.writes(output), ...reference(chunk, format, suggestions, tallied) }),
      ({ chunk, format, suggestions, tallied }) => {
        const scored = scoreWork(createBatchContext(content, 'fr', suggestions), { ...chunk, bytes: chunk.bytes.slice() }, format, tallied);
        if (!('text' in scored)) throw new Error('expected text');
        return { bytes: typeof scored.text !== 'string', text: textOf(scored.text), tally: scored.tally };
      },
      cases,
      { runs: 150 },
    );
    expect(compared).toBeGreaterThanOrEqual(150);
  });

  it('when one writer writes chunk after chunk, then each chunk has its own bytes and tally, and earlier ones are not overwritten', async () => {
    const context = createBatchContext(content, 'fr', 3);
    const format = textFormatOf('csv', { pillars, indicators, suggestions: 3 }, ';')!;
    const rand = random(11);
    const chunks = Array.from({ length: 6 }, (_, k) => chunkOf(Array.from({ length: 200 }, (_, n) => noisyRow(rand, n)), ';', k % 2 === 0, 'utf8', 2 + 200 * k));
    const outputs = chunks.map((chunk) => scoreWork(context, { ...chunk, bytes: chunk.bytes.slice() }, format, pillars));
    const written = (k: number) => {
      const scored = outputs[k]!;
      if (!('text' in scored) || typeof scored.text === 'string') throw new Error('expected bytes');
      return { text: textOf(scored.text), lastRow: scored.lastRow };
    };
    expect(await differential((k: number) => ({ text: reference(chunks[k]!, format, 3).text, lastRow: 2 + 200 * k + 199 }), written, chunks.keys())).toBe(6);
  });

  it('when a suggestion names an action the content does not hold at its position, then the writer refuses it rather than write another action', () => {
    const context = createBatchContext(content, 'fr', 3);
    const writer = new CsvRowWriter(context.engine, resultWords(context.index, 'fr'), { pillars, indicators, suggestions: 1 }, ';', pillars);
    const scores = { global: 50, pillars: new Float64Array(pillars.length), indicators: new Float64Array(indicators.length), criteria: new Float64Array(0), points: new Float64Array(0), available: new Float64Array(0) };
    const [first, second] = content.actions;
    const suggestion = { actionId: second!.id, actionAt: 0, indicator: first!.indicator, gains: { global: 1, pillar: 1, indicator: 1 }, projectedGlobal: 51, projectedPillar: 51, projectedIndicator: 51, effort: first!.effort, cost: first!.cost, durationMonths: first!.durationMonths };
    writer.start();
    expect(() => writer.scored(2, 'ORG-1', scores, [suggestion])).toThrow(`action "${second!.id}" is not in the content`);
    writer.scored(2, 'ORG-1', scores, [{ ...suggestion, actionId: first!.id }]);
    expect(textOf(writer.finish().text)).toContain(`;${first!.id};`);
    expect(textOf(writer.finish().text)).toContain(`;${first!.title.fr.includes(';') ? `"${first!.title.fr}"` : first!.title.fr};1;`);
  });
});
