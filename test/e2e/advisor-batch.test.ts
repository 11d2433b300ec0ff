import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examples } from '../http/harness.js';
import { accessibilityViolations, browserSuite, headingProblems, logIn, openPage, plain, visit } from './browser.js';
import { submittedAssessment } from '../support/plan-fixtures.js';

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
    await page.getByRole('button', { name: 'Envoyer et noter' }).click();
    const card = page.locator('.batch[data-batch-status="done"]').first();
    await card.waitFor();
    expect(plain(await card.textContent())).toContain('Lignes notées : 2 · rejetées : 1');
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
