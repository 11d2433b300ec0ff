import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { portfolioColumns } from '../src/batch/columns.js';
import { formatOf } from '../src/batch/read-rows.js';
import { runBatch } from '../src/batch/run-batch.js';
import { inlinePool } from '../src/batch/scoring-pool.js';
import { outputFormatOf } from '../src/batch/write-results.js';
import { loadContent } from '../src/content/load-content.js';
import type { AnswersDocument } from '../src/core/content-model.js';
import { createScorer, score } from '../src/core/score.js';
import { frenchTypography as typeset } from '../src/core/typography.js';
import { rowOf } from './support/generate-portfolio.js';
import { readResultsCsv } from './support/read-results.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content } = loaded.value;
const scorer = createScorer(content);
const index = scorer.index;
const example = (name: string) => loaded.value.examples.find((e) => e.file.endsWith(`${name}.json`))!.data;
const dir = () => mkdtempSync(join(tmpdir(), 'impact-ignored-'));

// 10 to 49 employees: the Égapro index is asked from 50 on. No carbon footprint measured: its scope is not asked.
const esus = example('insertion-esus');
const association = example('association-20');
const outOfPlace: AnswersDocument[] = [
  { ...esus, answers: { ...esus.answers, 'gender-equality-index': 80 } },
  { ...association, answers: { ...association.answers, 'carbon-measured-scope': 'scope-1-2', 'gender-equality-index': 'n/a' } },
];

async function batch(input: string, output: string, strict = false) {
  return runBatch({ input, inputFormat: formatOf(input)!, output, outputFormat: outputFormatOf(output)!, content, pool: inlinePool(content, 'fr', 3, { strict }), lang: 'fr', suggestions: 3 });
}

async function globalOf(doc: AnswersDocument): Promise<number | null> {
  const result = await score(scorer, doc);
  if (!result.ok) throw new Error('invalid');
  return result.value.global;
}

const NOT_APPLICABLE = typeset('gender-equality-index: Cette question ne concerne pas cette organisation (profil ou réponses précédentes) : la réponse est ignorée et la ligne notée sans elle.');
const HIDDEN = typeset('carbon-measured-scope: Cette question n’est posée qu’après une réponse précédente, qui ne l’appelle pas ici : la réponse est ignorée et la ligne notée sans elle.');

describe('a cell answering a question that does not apply to the row', () => {
  it('when a CSV row answers a question its profile or an earlier answer does not ask, then the answer is ignored with a warning in its problems and the row is scored as without it; « n/a » there goes without a warning', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    writeFileSync(input, stringify([portfolioColumns(index, 'fr').map((c) => c.id), ...outOfPlace.map((doc, i) => rowOf(index, `R${i}`, doc))], { delimiter: ';' }));
    expect(await batch(input, join(d, 'out.csv'))).toMatchObject({ rows: 2, scored: 2, rejected: 0, warned: 2 });
    const out = readResultsCsv(join(d, 'out.csv'));
    expect(out.map((r) => r.error)).toEqual([NOT_APPLICABLE, HIDDEN]);
    expect(out.map((r) => Number(r.global))).toEqual([await globalOf(esus), await globalOf(association)]);
    expect(out[0]!.suggestion_1).not.toBe('');
  });

  it('when the same rows come as JSON Lines or in a workbook, then the same: scored, the warning as an issue', async () => {
    const d = dir();
    const jsonl = join(d, 'in.jsonl');
    writeFileSync(jsonl, outOfPlace.map((doc) => JSON.stringify(doc)).join('\n'));
    expect(await batch(jsonl, join(d, 'out.jsonl'))).toMatchObject({ scored: 2, rejected: 0, warned: 2 });
    const lines = readFileSync(join(d, 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; global: number; warnings: unknown[] });
    expect(lines[0]).toMatchObject({ ok: true, global: await globalOf(esus), warnings: [{ code: 'ignored-not-applicable', path: '/answers/gender-equality-index' }] });
    expect(lines[1]).toMatchObject({ ok: true, global: await globalOf(association), warnings: [{ code: 'ignored-hidden', path: '/answers/carbon-measured-scope' }] });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('p');
    sheet.addRow(portfolioColumns(index, 'fr').map((c) => c.id));
    outOfPlace.forEach((doc, i) => sheet.addRow(rowOf(index, `R${i}`, doc)));
    const xlsx = join(d, 'in.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    expect(await batch(xlsx, join(d, 'out2.csv'))).toMatchObject({ scored: 2, rejected: 0, warned: 2 });
  });

  it('when the batch is strict, then such a row is rejected, as a submission would be', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    writeFileSync(input, stringify([portfolioColumns(index, 'fr').map((c) => c.id), ...outOfPlace.map((doc, i) => rowOf(index, `R${i}`, doc))]));
    expect(await batch(input, join(d, 'out.csv'), true)).toMatchObject({ scored: 0, rejected: 2, warned: 0 });
    const out = readResultsCsv(join(d, 'out.csv'));
    expect(out[0]!.error).toContain('retirez cette réponse');
  });

  it('when a row also has a real problem, then it is rejected with that problem, and the ignored answer said after it', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    const row = rowOf(index, 'BAD', outOfPlace[0]!);
    row[portfolioColumns(index, 'fr').findIndex((c) => c.id === 'inclusion-hires')] = 'beaucoup';
    writeFileSync(input, stringify([portfolioColumns(index, 'fr').map((c) => c.id), row]));
    expect(await batch(input, join(d, 'out.csv'))).toMatchObject({ scored: 0, rejected: 1 });
    const out = readResultsCsv(join(d, 'out.csv'));
    const problems = out[0]!.error!.split(' | ');
    expect(problems[0]).toMatch(/^inclusion-hires: /);
    expect(problems.at(-1)).toBe(NOT_APPLICABLE);
  });
});
