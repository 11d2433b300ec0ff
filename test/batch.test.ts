import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { frenchTypography as typeset } from '../src/core/typography.js';
import { rowOf, writePortfolio } from './support/generate-portfolio.js';
import { portfolioColumns } from '../src/batch/columns.js';
import { formatOf } from '../src/batch/read-rows.js';
import { runBatch } from '../src/batch/run-batch.js';
import { inlinePool } from '../src/batch/scoring-pool.js';
import { outputFormatOf } from '../src/batch/write-results.js';
import { templateBytes } from '../src/batch/write-template.js';
import { loadContent } from '../src/content/load-content.js';
import { createScorer, score } from '../src/core/score.js';
import { suggestActions as suggest } from '../src/app/suggest-actions.js';
import { differential } from './support/differential.js';
import { readResultsCsv } from './support/read-results.js';
import type { AnswersDocument } from '../src/core/content-model.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content } = loaded.value;
const scorer = createScorer(content);
const index = scorer.index;
const examples = loaded.value.examples.filter((e) => !e.file.endsWith('sas-5.json')).map((e) => e.data); // sas-5 leaves answers blank on purpose
const dir = () => mkdtempSync(join(tmpdir(), 'impact-batch-'));
const BIN = join(import.meta.dirname, '..', 'dist/src/cli/main.js');

async function batch(input: string, output: string, suggestions = 3, partial = false) {
  return runBatch({ input, inputFormat: formatOf(input)!, output, outputFormat: outputFormatOf(output)!, content, pool: inlinePool(content, 'fr', suggestions, { partial }), lang: 'fr', suggestions, chunkSize: 50 });
}

/** What a results row says when single scoring (json-rules-engine) and the served suggestions are right: no error, every score, the top three. */
async function singleScoring(doc: AnswersDocument): Promise<Record<string, unknown>> {
  const single = await score(scorer, doc);
  const suggested = await suggest(scorer, doc);
  if (!single.ok || !suggested.ok) throw new Error('invalid');
  const scores = single.value.pillars.flatMap((p) => [[p.id, p.score], ...p.indicators.map((i) => [i.id, i.score] as const)]);
  return {
    error: '',
    global: single.value.global,
    ...Object.fromEntries(scores.map(([id, s]) => [id, s === null ? '' : String(s)])),
    suggestions: [0, 1, 2].map((k) => suggested.value.suggestions[k]?.actionId ?? ''),
  };
}

/** The same fields of a results row as written. */
function written(out: Record<string, string>): Record<string, unknown> {
  const scores = scorer.index.pillars.flatMap((p) => [p.id, ...p.indicators.map((i) => i.id)]);
  return { error: out.error, global: Number(out.global), ...Object.fromEntries(scores.map((id) => [id, out[id]])), suggestions: [out.suggestion_1, out.suggestion_2, out.suggestion_3] };
}

/** Every row of a batch against single scoring of its document. */
async function expectSingleScoring(rows: readonly { out: Record<string, string>; doc: AnswersDocument }[]): Promise<void> {
  expect(await differential(({ doc }) => singleScoring(doc), ({ out }) => written(out), rows, { name: ({ out }) => out.id })).toBe(rows.length);
}

function readCsv(file: string): Record<string, string>[] {
  return readResultsCsv(file);
}

function csvOf(rows: string[][], delimiter = ','): string {
  return stringify(rows, { delimiter });
}

const header = () => portfolioColumns(index, 'fr').map((c) => c.id);

describe('batch scoring', () => {
  it('when random and golden organisations are scored in a batch, then every score and suggestion equals single scoring', async () => {
    const d = dir();
    const input = join(d, 'portfolio.csv');
    const docs = await writePortfolio(index, input, 80, 5);
    const summary = await batch(input, join(d, 'scores.csv'));
    expect(summary).toMatchObject({ rows: 80, scored: 80, rejected: 0 });
    const out = readCsv(join(d, 'scores.csv'));
    expect(out.map((row) => row.id)).toEqual(docs.map((_, i) => `ORG-${i + 1}`));
    await expectSingleScoring(docs.map((doc, i) => ({ out: out[i]!, doc })));
  });

  it('when rows leave required questions unanswered, then each is rejected naming every one, and a partial batch scores them as single scoring does', async () => {
    const d = dir();
    const input = join(d, 'portfolio.csv');
    // One question in a hundred left blank: about half the rows are complete.
    const docs = await writePortfolio(index, input, 120, 21, { unanswered: 0.01 });
    const unanswered = await Promise.all(docs.map(async (doc) => {
      const single = await score(scorer, doc);
      if (!single.ok) throw new Error('invalid');
      return single.value.unanswered;
    }));
    const incomplete = unanswered.filter((u) => u.length > 0).length;
    expect(incomplete).toBeGreaterThan(10);
    expect(incomplete).toBeLessThan(110);
    expect(await batch(input, join(d, 'strict.csv'))).toMatchObject({ rows: 120, scored: 120 - incomplete, rejected: incomplete });
    const strict = readCsv(join(d, 'strict.csv'));
    await expectSingleScoring(docs.flatMap((doc, i) => (unanswered[i]!.length === 0 ? [{ out: strict[i]!, doc }] : [])));
    for (const [i] of docs.entries()) {
      if (unanswered[i]!.length > 0) expect(strict[i]!.error).toBe(unanswered[i]!.map((q) => `${q}: ${typeset(`La question « ${q} » attend une réponse (ou « n/a » si elle le permet).`)}`).join(' | '));
    }
    expect(await batch(input, join(d, 'partial.csv'), 3, true)).toMatchObject({ rows: 120, scored: 120, rejected: 0 });
    const partial = readCsv(join(d, 'partial.csv'));
    await expectSingleScoring(docs.map((doc, i) => ({ out: partial[i]!, doc })));
  });

  it('when a French Excel CSV is read (Windows-1252, semicolons, quoted line breaks, blank lines, extra columns, label row), then every row is scored', async () => {
    const d = dir();
    const template = join(d, 'template.csv');
    writeFileSync(template, await templateBytes(index, 'csv', 'fr', ';'));
    const [ids, labels] = parse(readFileSync(template), { bom: true, delimiter: ';' }) as string[][];
    const rows = examples.map((doc, i) => rowOf(index, `ORG-${i}`, doc));
    // A note with a line break and accents, an extra column, a blank line.
    const note = ids!.indexOf('inclusion-evidence');
    rows[0]![note] = 'Société d’insertion :\n« 18 postes »';
    const text = csvOf([[...ids!, 'commentaire interne'], [...labels!, ''], ...rows.map((r) => [...r, 'à revoir']), [], ...rows.slice(0, 1).map((r) => [...r, ''])], ';');
    const input = join(d, 'excel.csv');
    writeFileSync(input, iconv.encode(text.replace(/’/g, "'"), 'win1252'));
    const summary = await batch(input, join(d, 'scores.csv'), 0);
    expect(summary).toMatchObject({ rows: examples.length + 1, scored: examples.length + 1, rejected: 0 });
    const out = readCsv(join(d, 'scores.csv'));
    expect(out[0]!.row).toBe('3'); // Spreadsheet rows: header, label row, then data.
    const expected = await score(scorer, examples[0]!);
    expect(expected.ok && Number(out[0]!.global)).toBe(expected.ok && expected.value.global);
  });

  it('when a comma CSV in UTF-8 without BOM is read, then it is scored the same', async () => {
    const d = dir();
    const input = join(d, 'plain.csv');
    writeFileSync(input, csvOf([header(), ...examples.map((doc, i) => rowOf(index, `X${i}`, doc))]));
    expect(await batch(input, join(d, 'out.jsonl'), 0)).toMatchObject({ scored: examples.length, rejected: 0 });
    const lines = readFileSync(join(d, 'out.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ row: 2, id: 'X0', ok: true });
  });

  it('when the output delimiter is more than one ASCII character (§, ||), then every row is written with it, valid and rejected alike', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    const rows = examples.map((doc, i) => rowOf(index, `X${i}`, doc));
    rows[1]![header().indexOf('inclusion-hires')] = 'beaucoup';
    writeFileSync(input, csvOf([header(), ...rows]));
    for (const delimiter of ['§', '||']) {
      const output = join(d, `out-${delimiter.length}.csv`);
      await runBatch({ input, inputFormat: 'csv', output, outputFormat: 'csv', content, pool: inlinePool(content, 'fr', 3), lang: 'fr', suggestions: 3, delimiter });
      const out = parse(readFileSync(output), { bom: true, columns: true, delimiter }) as Record<string, string>[];
      expect(out.map((r) => r.id)).toEqual(rows.map((_, i) => `X${i}`));
      expect(out[1]!.error).toContain('inclusion-hires');
      const single = await score(scorer, examples[0]!);
      if (!single.ok) throw new Error('invalid example');
      expect(out[0]!.global).toBe(String(single.value.global));
    }
  });

  it('when rows have problems, then each is reported with its row, column and message, and the others are scored', async () => {
    const d = dir();
    const good = rowOf(index, 'OK', examples[0]!);
    const cols = header();
    const bad1 = [...good];
    bad1[0] = 'BAD-OPTION';
    bad1[cols.indexOf('inclusion-hires')] = 'beaucoup';
    const bad2 = [...good];
    bad2[0] = 'BAD-RANGE';
    bad2[cols.indexOf('gender-equality-management')] = '140';
    bad2[cols.indexOf('headcount')] = '';
    const bad3 = [...good];
    bad3[0] = 'MISSING';
    bad3[cols.indexOf('inclusion-hires')] = '';
    bad3[cols.indexOf('gender-equality-management')] = '140';
    const input = join(d, 'errors.csv');
    writeFileSync(input, csvOf([cols, good, bad1, bad2, bad3, good]));
    const summary = await batch(input, join(d, 'out.csv'), 0);
    expect(summary).toMatchObject({ rows: 5, scored: 2, rejected: 3 });
    const out = readCsv(join(d, 'out.csv'));
    expect(out.map((r) => [r.row, r.id, r.error === ''])).toEqual([['2', 'OK', true], ['3', 'BAD-OPTION', false], ['4', 'BAD-RANGE', false], ['5', 'MISSING', false], ['6', 'OK', true]]);
    // Both problems at once, as submission lists them.
    expect(out[3]!.error).toBe(typeset('gender-equality-management: 140 est hors des bornes : de 0 à 100. | inclusion-hires: La question « inclusion-hires » attend une réponse (ou « n/a » si elle le permet).'));
    expect(out[1]!.error).toMatch(/^inclusion-hires: «\u00a0beaucoup\u00a0» n’est pas une réponse possible/);
    expect(out[2]!.error).toContain('gender-equality-management: 140 est hors des bornes');
    expect(out[2]!.error).toContain('headcount: Le profil doit indiquer');
  });

  it('when an identifier looks like a formula, then it is written so that no spreadsheet runs it', async () => {
    const d = dir();
    const input = join(d, 'inject.csv');
    writeFileSync(input, csvOf([header(), rowOf(index, '=HYPERLINK("http://x","clic")', examples[0]!)]));
    await batch(input, join(d, 'out.csv'), 0);
    expect(readCsv(join(d, 'out.csv'))[0]!.id).toBe('\'=HYPERLINK("http://x","clic")');
  });

  it('when the input and output are XLSX, then they round-trip with the same scores', async () => {
    const d = dir();
    const template = join(d, 'template.xlsx');
    writeFileSync(template, await templateBytes(index, 'xlsx', 'en'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.worksheets[0]!;
    // Typed in from row 3 on, numbers as numbers (Excel stores "0" or "12,5" typed in a cell as
    // numbers, and "7" typed in the template's percent-formatted columns as 0.07).
    const percentages = new Set(header().filter((id) => index.questions.get(id)?.question.type === 'percentage').map((id) => header().indexOf(id)));
    examples.forEach((doc, i) => {
      sheet.getRow(3 + i).values = rowOf(index, `XL-${i}`, doc).map((v, c) => (/^-?\d+(,\d+)?$/.test(v) ? Number(v.replace(',', '.')) / (percentages.has(c) ? 100 : 1) : v));
    });
    const input = join(d, 'portfolio.xlsx');
    await workbook.xlsx.writeFile(input);
    expect(await batch(input, join(d, 'scores.xlsx'), 3)).toMatchObject({ scored: examples.length, rejected: 0 });
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(join(d, 'scores.xlsx'));
    const rows = result.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    const head = (result.worksheets[0]!.getRow(1).values as string[]);
    const expected = await score(scorer, examples[0]!);
    expect(rows[0]![head.indexOf('id')]).toBe('XL-0');
    expect(rows[0]![head.indexOf('global')]).toBe(expected.ok && expected.value.global);
    expect(rows[0]![head.indexOf('row')]).toBe(3);
  });

  it('when JSON Lines come in, then each line is scored and a broken line is reported with its number', async () => {
    const d = dir();
    const input = join(d, 'docs.jsonl');
    writeFileSync(input, [...examples.map((e) => JSON.stringify(e)), '{ not json', ''].join('\n'));
    const summary = await batch(input, join(d, 'out.csv'), 0);
    expect(summary).toMatchObject({ scored: examples.length, rejected: 1 });
    const out = readCsv(join(d, 'out.csv'));
    expect(out.at(-1)).toMatchObject({ row: String(examples.length + 1) });
    expect(out.at(-1)!.error).toBe('—: JSON invalide\u00a0: au caractère 3, un nom de champ sans guillemets doubles\u00a0: écrivez-le entre "…".');
  });

  it('when a run is interrupted, then no output file (complete or partial) is left', async () => {
    const d = dir();
    const input = join(d, 'portfolio.csv');
    await writePortfolio(index, input, 400, 9);
    const controller = new AbortController();
    const output = join(d, 'scores.csv');
    const run = runBatch({ input, inputFormat: 'csv', output, outputFormat: 'csv', content, pool: inlinePool(content, 'fr', 0), lang: 'fr', suggestions: 0, chunkSize: 20, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toThrow();
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.partial`)).toBe(false);
  });
});

describe('impact-score batch (the real command, with worker threads)', () => {
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args]);
      return { code: 0, out: stdout, err: stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout, err: e.stderr };
    }
  };

  it('when 3,000 rows are scored on 2 workers, then the results equal the single-thread ones, in file order', async () => {
    const d = dir();
    const input = join(d, 'portfolio.csv');
    await writePortfolio(index, input, 3000, 11);
    const threaded = await cli('batch', input, '-o', join(d, 'threads.csv'), '--workers', '2', '--progress', 'none');
    expect(threaded.code).toBe(0);
    expect(threaded.err).toMatch(/3000 lignes en [\d,]+ s\u00a0: 3000 notées, 0 rejetées/);
    await batch(input, join(d, 'inline.csv'));
    expect(readFileSync(join(d, 'threads.csv'), 'utf8')).toBe(readFileSync(join(d, 'inline.csv'), 'utf8'));
  });

  it('when the workers fail on every chunk, then the run stops with the error and leaves no output, partial or complete', async () => {
    // The built pool (tests run from sources, where there is no worker script to start).
    const built = join(import.meta.dirname, '..', 'dist/src/batch');
    const { workerPool } = (await import(join(built, 'scoring-pool.js'))) as typeof import('../src/batch/scoring-pool.js');
    const { runBatch: runBuilt } = (await import(join(built, 'run-batch.js'))) as typeof import('../src/batch/run-batch.js');
    const d = dir();
    const input = join(d, 'portfolio.csv');
    await writePortfolio(index, input, 3000, 13);
    const output = join(d, 'scores.csv');
    // The workers' content lacks a pillar the run writes out: every chunk throws in a worker.
    const pool = await workerPool(1, { content: { ...content, pillars: content.pillars.slice(1) }, lang: 'fr', suggestions: 0 });
    try {
      await expect(runBuilt({ input, inputFormat: 'csv', output, outputFormat: 'csv', content, pool, lang: 'fr', suggestions: 0 })).rejects.toThrow(Error);
    } finally {
      await pool.close();
    }
    expect(existsSync(output)).toBe(false);
    expect(existsSync(`${output}.partial`)).toBe(false);
  });

  it('when the file cannot be read at all, then a clear message, exit 2, and no output', async () => {
    const d = dir();
    const input = join(d, 'no-header.csv');
    writeFileSync(input, 'nom;score\nA;3\n');
    const res = await cli('batch', input, '-o', join(d, 'out.csv'));
    expect(res.code).toBe(2);
    expect(res.err).toContain(typeset('doit nommer les colonnes, dont « id »'));
    expect(existsSync(join(d, 'out.csv'))).toBe(false);
    expect((await cli('batch', join(d, 'missing.csv'), '-o', join(d, 'out.csv'))).code).toBe(2);
  });

  it('when a row is a bomb (an unclosed quote swallowing megabytes), then that row is rejected with its number and the rows after it are scored', async () => {
    const d = dir();
    const input = join(d, 'bomb.csv');
    const [, after] = csvOf([header(), rowOf(index, 'AFTER', examples[0]!)], ';').split('\n');
    writeFileSync(input, `${header().join(';')}\nA;"${'x'.repeat(3_000_000)}\n${after}\n`);
    const res = await cli('batch', input, '-o', join(d, 'out.csv'), '--progress', 'none');
    expect(res.code).toBe(1);
    const out = readCsv(join(d, 'out.csv'));
    expect(out.map((r) => [r.row, r.id])).toEqual([['2', ''], ['3', 'AFTER']]);
    expect(out[0]!.error).toMatch(/^—: guillemet \("\) ouvert dans cette ligne et jamais refermé/);
    await expectSingleScoring([{ out: out[1]!, doc: examples[0]! }]);
  });

  it('when an XLSX row unfolds into a huge cell, then the run stops with the row number', async () => {
    const d = dir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('p');
    sheet.addRow(['id', 'headcount']);
    sheet.addRow(['A', 'x'.repeat(200_000)]);
    await workbook.xlsx.writeFile(join(d, 'bomb.xlsx'));
    const res = await cli('batch', join(d, 'bomb.xlsx'), '-o', join(d, 'out.csv'), '--progress', 'none');
    expect(res.code).toBe(2);
    expect(res.err).toContain('ligne 2 démesurée');
  });

  it('when an XLSX file is truncated, then a clear message and exit 2', async () => {
    const d = dir();
    const template = join(d, 'template.xlsx');
    writeFileSync(template, await templateBytes(index, 'xlsx', 'fr'));
    const bytes = readFileSync(template);
    writeFileSync(join(d, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const res = await cli('batch', join(d, 'cut.xlsx'), '-o', join(d, 'out.csv'), '--progress', 'none');
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/classeur illisible|unreadable workbook|feuille vide/);
  });

  it('when a template is asked, then it has the id row and the label row in the chosen language', async () => {
    const d = dir();
    expect((await cli('batch-template', '--format', 'csv', '--lang', 'en', '-o', join(d, 't.csv'))).code).toBe(0);
    const [ids, labels] = parse(readFileSync(join(d, 't.csv')), { bom: true }) as string[][];
    expect(ids!.slice(0, 5)).toEqual(['id', 'name', 'organisation', 'siren', 'headcount']);
    expect(labels!.slice(0, 5)).toEqual(['Your reference (free text)', 'Organisation name', 'Organisation number in impact-score (to store the assessment there)', 'SIREN (9 digits; to store the assessment)', 'Headcount (full-time equivalent)']);
  });
});
