import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { portfolioColumns } from '../src/batch/columns.js';
import { formatOf } from '../src/batch/read-rows.js';
import { runBatch } from '../src/batch/run-batch.js';
import { inlinePool } from '../src/batch/scoring-pool.js';
import { outputFormatOf } from '../src/batch/write-results.js';
import { suggestActions } from '../src/app/suggest-actions.js';
import { loadContent } from '../src/content/load-content.js';
import type { AnswersDocument } from '../src/core/content-model.js';
import { createScorer, score } from '../src/core/score.js';
import { rowOf } from './support/generate-portfolio.js';
import { readResultsCsv } from './support/read-results.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content } = loaded.value;
const scorer = createScorer(content);
const index = scorer.index;
const examples = loaded.value.examples.filter((e) => !e.file.endsWith('sas-5.json')).map((e) => ({ ...e.data, organisation: { name: `Société ${e.file.replace(/^.*\/|\.json$/g, '')}` } }));
const dir = () => mkdtempSync(join(tmpdir(), 'impact-results-'));
const ids = portfolioColumns(index, 'fr').map((c) => c.id);

async function batch(input: string, output: string, options: { excel?: 'fr' | 'en'; lang?: 'fr' | 'en' } = {}) {
  const lang = options.lang ?? 'fr';
  return runBatch({ input, inputFormat: formatOf(input)!, output, outputFormat: outputFormatOf(output)!, content, pool: inlinePool(content, lang, 3), lang, suggestions: 3, ...(options.excel && { excel: options.excel }) });
}

async function expected(doc: AnswersDocument) {
  const result = await score(scorer, doc);
  const suggested = await suggestActions(scorer, doc);
  if (!result.ok || !suggested.ok) throw new Error('invalid example');
  return { global: result.value.global, pillars: result.value.pillars.map((p) => p.score), top: suggested.value.suggestions.slice(0, 3) };
}

/** A portfolio as French Excel saves it: semicolons, decimal commas, in `encoding`. */
function frenchCsv(file: string, encoding: 'win1252' | 'utf8'): void {
  const text = stringify([ids, ...examples.map((doc, i) => rowOf(index, `R${i}`, doc))], { delimiter: ';', record_delimiter: 'windows' });
  writeFileSync(file, encoding === 'win1252' ? iconv.encode(text, 'win1252') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
}

describe('results written the way the input came', () => {
  for (const encoding of ['win1252', 'utf8'] as const) {
    it(`when a French Excel CSV in ${encoding} is scored, then the results are a French Excel CSV in the same encoding (semicolons, decimal commas) with the same scores`, async () => {
      const d = dir();
      const input = join(d, 'portefeuille.csv');
      frenchCsv(input, encoding);
      await batch(input, join(d, 'scores.csv'));
      const bytes = readFileSync(join(d, 'scores.csv'));
      expect(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf).toBe(encoding === 'utf8');
      const text = encoding === 'utf8' ? bytes.toString('utf8').slice(1) : iconv.decode(bytes, 'win1252');
      expect(text.split('\n')[0]).toMatch(/^row;name;id;global;externalities;/);
      const decimals = [...text.matchAll(/;(\d+[.,]\d)(?=;)/g)].map((m) => m[1]!);
      expect(decimals.length).toBeGreaterThan(10);
      expect(decimals.every((n) => n.includes(','))).toBe(true);
      const rows = readResultsCsv(join(d, 'scores.csv'));
      for (const [i, doc] of examples.entries()) expect(Number(rows[i]!.global)).toBe((await expected(doc)).global);
    });
  }

  it('when the same French CSV is scored with --excel en, then commas and decimal points; a comma CSV with --excel fr gets the French form', async () => {
    const d = dir();
    const input = join(d, 'portefeuille.csv');
    frenchCsv(input, 'win1252');
    await batch(input, join(d, 'en.csv'), { excel: 'en' });
    expect(readFileSync(join(d, 'en.csv'), 'utf8').split('\n')[1]).toMatch(/^2,Société association-20,R0,\d+(\.\d)?,/);
    const comma = join(d, 'comma.csv');
    writeFileSync(comma, stringify([ids, ...examples.map((doc, i) => rowOf(index, `R${i}`, doc))]));
    await batch(comma, join(d, 'fr.csv'), { excel: 'fr' });
    const text = readFileSync(join(d, 'fr.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\n')[1]).toMatch(/^2;Société association-20;R0;\d+(,\d)?;/);
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`when a portfolio is scored into CSV in ${lang}, then each row shows the organisation's name, the actions by their titles with their gains, problems in words; ids and codes in the last columns`, async () => {
      const d = dir();
      const input = join(d, 'portefeuille.csv');
      const bad = rowOf(index, 'BAD', examples[0]!);
      bad[ids.indexOf('inclusion-hires')] = '';
      writeFileSync(input, stringify([ids, ...examples.map((doc, i) => rowOf(index, `R${i}`, doc)), bad], { delimiter: ';' }));
      await batch(input, join(d, 'scores.csv'), { lang });
      const text = readFileSync(join(d, 'scores.csv'), 'utf8').slice(1);
      const head = text.slice(0, text.indexOf('\n')).split(';');
      expect(head.slice(0, 4)).toEqual(['row', 'name', 'id', 'global']);
      // Ids and codes for scripts in the last columns.
      expect(head.slice(-4)).toEqual(['suggestion_1', 'suggestion_2', 'suggestion_3', 'error']);
      const rows = readResultsCsv(join(d, 'scores.csv'));
      for (const [i, doc] of examples.entries()) {
        const want = await expected(doc);
        expect(rows[i]!.name).toBe(doc.organisation!.name);
        expect(rows[i]!.id).toBe(`R${i}`);
        expect(rows[i]!.suggestion_1).toBe(want.top[0]!.actionId);
        expect(Number(rows[i]!.gain_1)).toBe(Math.round(want.top[0]!.gains.global * 10) / 10);
        for (const k of [1, 2, 3]) {
          const action = index.content.actions.find((a) => a.id === rows[i]![`suggestion_${k}`])!;
          expect(rows[i]![`action_${k}`]).toBe(action.title[lang]);
          expect(rows[i]![`gain_${k}`]).toMatch(/^\d+(\.\d)?$/);
        }
        expect([rows[i]!.problems, rows[i]!.error]).toEqual(['', '']);
      }
      const rejected = rows[examples.length]!;
      const question = index.questions.get('inclusion-hires')!.question.label[lang]!.replace(/\s*\([^()]*\)\s*$/, '');
      expect(rejected.problems).toContain(lang === 'fr' ? `«\u00a0${question}\u00a0»` : `"${question}"`);
      expect(rejected.problems).not.toContain('inclusion-hires');
      expect(rejected.error).toMatch(/^inclusion-hires: /);
    });
  }

  it('when an XLSX portfolio is scored into a workbook, then its results sheet shows names, scores as numbers, the actions by title with their gains, problems in words, ids and codes at the end; and a summary sheet', async () => {
    const d = dir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('p');
    sheet.addRow(ids);
    examples.forEach((doc, i) => sheet.addRow(rowOf(index, `R${i}`, doc)));
    const bad = rowOf(index, 'BAD', examples[0]!);
    bad[ids.indexOf('inclusion-hires')] = '';
    sheet.addRow(bad);
    const input = join(d, 'portefeuille.xlsx');
    await workbook.xlsx.writeFile(input);
    const summary = await batch(input, join(d, 'scores.xlsx'));
    expect(summary).toMatchObject({ scored: examples.length, rejected: 1 });
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(d, 'scores.xlsx'));
    expect(out.worksheets.map((s) => s.name)).toEqual(['résultats', 'synthèse']);
    const results = out.worksheets[0]!;
    const head = (results.getRow(1).values as string[]).slice(1);
    const pillarTitles = index.pillars.map((p) => p.title.fr);
    expect(head.slice(0, 4 + pillarTitles.length + 7)).toEqual(['Ligne', 'Organisation', 'Votre référence', 'Score global', ...pillarTitles, 'Action suggérée 1', 'Gain 1 (points)', 'Action suggérée 2', 'Gain 2 (points)', 'Action suggérée 3', 'Gain 3 (points)', 'Problèmes et avertissements']);
    // Ids and codes for scripts, as the CSV has them.
    expect(head.slice(-3)).toEqual(['suggestion_2', 'suggestion_3', 'error']);
    const cell = (r: number, name: string) => results.getRow(r).getCell(head.indexOf(name) + 1);
    for (const [i, doc] of examples.entries()) {
      const want = await expected(doc);
      expect(cell(2 + i, 'Organisation').value).toBe(doc.organisation!.name);
      expect(cell(2 + i, 'Score global').value).toBe(want.global);
      expect(typeof cell(2 + i, pillarTitles[0]!).value).toBe('number');
      expect(cell(2 + i, 'Action suggérée 1').value).toBe(index.content.actions.find((a) => a.id === want.top[0]!.actionId)!.title.fr);
      expect(cell(2 + i, 'Gain 1 (points)').value).toBe(want.top[0]!.gains.global);
      // As Excel shows them: scores with one decimal, gains with their sign.
      expect([cell(2 + i, 'Score global').numFmt, cell(2 + i, 'Gain 3 (points)').numFmt, cell(2 + i, index.indicators.values().next().value!.indicator.title.fr).numFmt]).toEqual(['0.0', '+0.0;-0.0;0', '0.0']);
      expect(cell(2 + i, 'Action suggérée 1').numFmt).toBeUndefined();
      expect(cell(2 + i, 'suggestion_1').value).toBe(want.top[0]!.actionId);
    }
    const rejected = 2 + examples.length;
    expect(cell(rejected, 'Score global').value).toBe(null);
    const question = index.questions.get('inclusion-hires')!.question.label.fr.replace(/\s*\([^()]*\)\s*$/, '');
    expect(cell(rejected, 'Problèmes et avertissements').value).toBe(`La question «\u00a0${question}\u00a0» attend une réponse (ou «\u00a0n/a\u00a0» si elle le permet).`);
    expect(String(cell(rejected, 'error').value)).toMatch(/^inclusion-hires: /);
    // The summary: counts, mean and distribution per pillar, the gaps most shared.
    const synthesis = out.worksheets[1]!;
    const values = Array.from(synthesis.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(values).toContainEqual(['notées', examples.length]);
    expect(values).toContainEqual(['rejetées', 1]);
    expect(values).toContainEqual(['Score global', summary.global.mean, ...summary.global.bands, summary.global.count]);
    const gapsAt = values.findIndex((r) => r[0] === 'Indicateur');
    const gaps = values.slice(gapsAt + 1).filter((r) => r.length > 0);
    expect(gaps.length).toBe(index.indicators.size);
    const means = gaps.map((r) => r[1] as number);
    expect([...means].sort((a, b) => b - a)).toEqual(means);
  });
});
