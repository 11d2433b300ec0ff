import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { portfolioColumns } from '../../src/batch/columns.js';
import { score } from '../../src/core/score.js';
import { typeIn } from '../support/fill-template.js';
import { rowOf } from '../support/generate-portfolio.js';
import { examples } from '../http/harness.js';
import { accessibilityViolations, browserSuite, headingProblems, logIn, openPage, plain, visit } from './browser.js';
import { submittedAssessment } from '../support/plan-fixtures.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A picture of the page for a person to look at, when SCREENSHOT_DIR names where (never committed). */
async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Sends the file chosen and waits for its batch to be done: its card. */
async function sendAndWait(page: Page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && /\/batches\?/.test(r.url())),
    page.getByRole('button', { name: 'Envoyer et noter' }).click(),
  ]);
  const { id } = (await response.json()) as { id: number };
  const card = page.locator(`.batch[data-batch="${id}"][data-batch-status="done"]`).first();
  await card.waitFor();
  return card;
}

const suite = browserSuite({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'impact-e2e-')) } });

describe('the advisor in Chromium', () => {
  it('when an advisor uploads a portfolio file, then they watch it run, download the results, and a bad row is reported by number', async () => {
    const { h, browser } = suite;
    const lines = [
      JSON.stringify({ organisation: { name: 'Scop' }, ...examples.get('scop-40')! }),
      JSON.stringify({ organisation: { name: 'Asso' }, profile: examples.get('association-20')!.profile, answers: { ...examples.get('association-20')!.answers, 'inclusion-disabled-rate': 140 } }),
      JSON.stringify({ organisation: { name: 'Industrie' }, ...examples.get('industry-300')! }),
    ];
    const { page, problems } = await openPage(browser, h);
    await logIn(page, 'advisorA');
    await visit(page, h, '#/batches');
    // The template to start from, with the question ids as columns and French labels underneath.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Modèle CSV' }).click()]);
    const [ids, labels] = readFileSync(await template.path(), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(ids!.split(',').slice(0, 5)).toEqual(['id', 'name', 'organisation', 'siren', 'headcount']);
    expect(labels).toContain('Effectif');
    // Sending without a file says so on the file field.
    await page.getByRole('button', { name: 'Envoyer et noter' }).click();
    expect(await page.locator('#batch-file-error').textContent()).toContain('Choisissez un fichier');
    await page.getByLabel('Fichier du portefeuille').setInputFiles({ name: 'portefeuille.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n') + '\n') });
    await page.getByLabel('Format des résultats').selectOption('csv');
    await page.getByRole('button', { name: 'Envoyer et noter' }).click();
    const card = page.locator('.batch[data-batch-status="done"]').first();
    await card.waitFor();
    expect(plain(await card.textContent())).toContain('Lignes notées : 2 · rejetées : 1');
    // The rejected row is explained on the page, in words: its number, its name, the question by its label.
    const rejected = plain(await card.locator('.rows-to-review li[data-row="2"]').textContent());
    expect(rejected).toContain('Ligne 2 : Asso — rejetée'); // JSON Lines count lines: no header.
    expect(rejected).toContain('140');
    expect(rejected).not.toContain('inclusion-disabled-rate');
    // The batch just sent is the one shown: the list under it does not say none was sent.
    expect(await page.getByText('Aucun lot envoyé').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await headingProblems(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: 'Télécharger les résultats' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8').split(/\r?\n/).filter(Boolean);
    expect(csv).toHaveLength(1 + 3);
    expect(csv[2]).toMatch(/ligne 2|row 2|inclusion-disabled-rate/);
    // A row leaving a question unanswered is rejected, unless incomplete rows are asked for.
    const example = examples.get('insertion-esus')!;
    const incomplete = JSON.stringify({ organisation: { name: 'Incomplète' }, profile: example.profile, answers: Object.fromEntries(Object.entries(example.answers).filter(([q]) => q !== 'inclusion-hires')) });
    const sendIncomplete = async () => {
      await page.getByLabel('Fichier du portefeuille').setInputFiles({ name: 'incomplet.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${incomplete}\n`) });
      await page.getByRole('button', { name: 'Envoyer et noter' }).click();
    };
    await sendIncomplete();
    await page.locator('.batch[data-batch-status="done"]', { hasText: 'Lignes notées : 0 · rejetées : 1' }).first().waitFor();
    await page.getByLabel(/Noter aussi les lignes incomplètes/).check();
    await sendIncomplete();
    await page.locator('.batch[data-batch-status="done"]', { hasText: 'Lignes notées : 1 · rejetées : 0' }).first().waitFor();
    // A line that is not JSON is told in words on the page; the CSV results asked for French Excel.
    await page.getByLabel('Fichier du portefeuille').setInputFiles({ name: 'casse.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${JSON.stringify(example)}\n{ "profile": oui }\n`) });
    await page.getByLabel('Résultats CSV pour').selectOption('fr');
    await page.getByRole('button', { name: 'Envoyer et noter' }).click();
    const broken = page.locator('.batch[data-batch-status="done"]', { hasText: 'Lignes notées : 1 · rejetées : 1' }).first();
    await broken.waitFor();
    const told = plain(await broken.locator('.rows-to-review li[data-row="2"]').textContent());
    expect(told).toContain('JSON invalide : au caractère 14, ce mot n’est pas une valeur');
    expect(told).not.toMatch(/Unexpected|position|token/);
    await shoot(page, 'batch-json-1280');
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, 'batch-json-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    const [french] = await Promise.all([page.waitForEvent('download'), broken.getByRole('link', { name: 'Télécharger les résultats' }).click()]);
    expect(readFileSync(await french.path(), 'utf8')).toMatch(/^\uFEFFrow;name;id;global;/);
    expect(problems).toEqual([]);
  });

  it('when an advisor fills the XLSX template as Excel would (labels from its lists, percent cells, a cell for a question that does not apply), then the page warns in words and the results workbook has the same scores; the same with a French Excel CSV', async () => {
    const { h, browser } = suite;
    const index = h.ctx.scorer.index;
    const esus = { ...examples.get('insertion-esus')!, organisation: { name: 'Insertion Sud' } };
    // 10 to 49 employees: the Égapro index is asked from 50 on.
    const outOfPlace = { ...esus, answers: { ...esus.answers, 'gender-equality-index': 80 } };
    const expected = await score(h.ctx.scorer, esus);
    if (!expected.ok) throw new Error('invalid example');
    const { page, problems } = await openPage(browser, h, { width: 1280 });
    await logIn(page, 'advisorA');
    await visit(page, h, '#/batches');
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Modèle XLSX' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await template.path()) as unknown as ExcelJS.Buffer);
    typeIn(index, workbook.worksheets[0]!, 3, 'ESUS-1', outOfPlace, 'fr');
    await page.getByLabel('Fichier du portefeuille').setInputFiles({ name: 'portefeuille.xlsx', mimeType: XLSX, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
    const card = await sendAndWait(page);
    const text = plain(await card.textContent());
    expect(text).toContain('Lignes notées : 1 · rejetées : 0');
    expect(text).toContain('1 notée avec un avertissement');
    const warned = plain(await card.locator('.rows-to-review li[data-row="3"]').textContent());
    expect(warned).toContain('Ligne 3 : Insertion Sud — notée, avec un avertissement');
    expect(warned).toContain('Cette question ne concerne pas cette organisation');
    expect(warned).toContain(plain(index.questions.get('gender-equality-index')!.question.label.fr.replace(/\s*\([^()]*\)\s*$/, '')));
    expect(warned).not.toContain('gender-equality-index');
    expect(warned).not.toMatch(/impact-score |text\/csv|application\//);
    await shoot(page, 'batch-xlsx');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: 'Télécharger les résultats' }).click()]);
    const results = new ExcelJS.Workbook();
    await results.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const sheet = results.getWorksheet('résultats')!;
    const head = (sheet.getRow(1).values as string[]).slice(1);
    expect(sheet.getRow(2).getCell(head.indexOf('Organisation') + 1).value).toBe('Insertion Sud');
    expect(sheet.getRow(2).getCell(head.indexOf('Score global') + 1).value).toBe(expected.value.global);
    expect(results.getWorksheet('synthèse')).toBeDefined();

    // The same organisation in a French Excel CSV: semicolons, Windows-1252, the same cell out of place.
    const csv = stringify([portfolioColumns(index, 'fr').map((c) => c.id), rowOf(index, 'ESUS-2', outOfPlace)], { delimiter: ';', record_delimiter: 'windows' });
    await page.getByLabel('Fichier du portefeuille').setInputFiles({ name: 'portefeuille.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'win1252') });
    const second = await sendAndWait(page);
    expect(plain(await second.textContent())).toContain('Ligne 2 : Insertion Sud — notée, avec un avertissement');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), second.getByRole('link', { name: 'Télécharger les résultats' }).click()]);
    const bytes = readFileSync(await csvDownload.path());
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const [header, row] = iconv.decode(bytes, 'win1252').split('\n');
    expect(header).toMatch(/^row;name;id;global;/);
    expect(row!.split(';')[3]).toBe(String(expected.value.global).replace('.', ','));
    expect(row).toContain('Cette question ne concerne pas cette organisation');
    // At phone width the rows to look at again stay within the screen.
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, 'batch-xlsx-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('when the file is not a portfolio format, then the refusal stands next to the file field', async () => {
    const { h, browser } = suite;
    const { page } = await openPage(browser, h);
    await logIn(page, 'advisorA');
    await visit(page, h, '#/batches');
    await page.getByLabel('Fichier du portefeuille').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await page.getByRole('button', { name: 'Envoyer et noter' }).click();
    await page.locator('#batch-file-error').waitFor();
    // Said in the user's words: the formats, not their MIME types.
    expect(plain(await page.locator('#batch-file-error').textContent())).toBe('Ce type de fichier n’est pas accepté : envoyez un fichier CSV, JSON Lines ou XLSX.');
  });

  it('when the advisor opens the portfolio, then it shows the distribution per pillar and the most shared gaps', async () => {
    const { h, browser } = suite;
    await submittedAssessment(h, 'advisorA', h.orgA, 'scop-40');
    const { page, problems } = await openPage(browser, h);
    await logIn(page, 'advisorA');
    await page.getByRole('heading', { level: 1, name: 'Portefeuille' }).waitFor();
    const portfolio = (await h.call('advisorA', 'GET', '/portfolio')).body;
    await page.locator('.histogram').first().waitFor();
    expect(await page.locator('.histogram').count()).toBe(4);
    expect(await page.locator('.gaps li').first().getAttribute('data-gap')).toBe(portfolio.gaps[0].indicator);
    expect(await page.locator('table tbody tr').first().textContent()).toContain('Org A');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await headingProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
