import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples, type Harness } from '../http/harness.js';
import { accessibilityViolations, browserSuite, cutContent, fitsWidth, headingProblems, logIn, openPage, plain, visit } from './browser.js';
import { fillPillars, waitSaved } from './fill.js';

const suite = browserSuite({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'impact-e2e-')) } });
let h: Harness;
let browser: Browser;
let page: Page;
let problems: string[];
const golden = JSON.parse(readFileSync('test/cases/insertion-esus/expected.json', 'utf8')) as { global: number; pillars: { id: string; score: number }[] };
const fr = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n);

beforeAll(async () => {
  ({ h, browser } = suite);
  ({ page, problems } = await openPage(browser, h));
});

async function expectAccessible(p: Page): Promise<void> {
  expect(await accessibilityViolations(p)).toEqual([]);
  expect(await headingProblems(p)).toEqual([]);
}

/** One leader, from login to the PDF of a submitted plan, then a later assessment compared. */
describe('the leader journey in Chromium', () => {
  let assessmentId: number;
  let planId: number;

  it('when a leader logs in, then they land on their organisations and see only their own', async () => {
    await expectAccessible(page);
    await logIn(page, 'leaderA');
    await page.getByRole('heading', { level: 1, name: 'Vos organisations' }).waitFor();
    await page.locator('.cards li').first().waitFor();
    expect(await page.locator('.cards li').allTextContents()).toEqual([expect.stringContaining('Org A')]);
    await expectAccessible(page);
  });

  it('when they start an assessment, then the profile comes filled from the organisation and the pillars list their progress', async () => {
    await page.getByRole('link', { name: 'Org A' }).click();
    await page.getByRole('heading', { level: 1, name: 'Org A' }).waitFor();
    await page.getByRole('button', { name: 'Nouvelle évaluation' }).click();
    await page.waitForURL(/#\/assessments\/\d+\/fill\/profile$/);
    assessmentId = Number(page.url().match(/assessments\/(\d+)/)![1]);
    await page.getByRole('heading', { level: 2, name: 'Profil de l’organisation' }).waitFor();
    expect(await page.locator('#q-profile-headcount input[value="10-49"]').isChecked()).toBe(true);
    const pillarLinks = await page.locator('nav.sections a').allTextContents();
    expect(pillarLinks).toHaveLength(4);
    expect(plain(await page.locator('nav.sections .section-progress > span').nth(1).textContent())).toMatch(/^0 \/ \d+ réponses$/);
    await expectAccessible(page);
  });

  it('when a question has help, then it opens in place; a follow-up question appears only once its gate is answered', async () => {
    await page.getByRole('link', { name: /Limiter les externalités/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Limiter les externalités négatives' }).waitFor();
    const help = page.locator('#q-answers-inclusion-hires details.help');
    await help.locator('summary').click();
    expect(await help.locator('p').textContent()).toContain('Preuves');
    // "reduction achieved" type follow-ups: carbon-measured-done gates the carbon questions after it.
    const gated = page.locator('#q-answers-carbon-measured-scope');
    expect(await gated.count()).toBe(0);
    await page.locator('#q-answers-carbon-measured-done input[value="true"]').check();
    await waitSaved(page);
    await gated.waitFor();
    // Answered, then its gate turned to "no": the server drops the answer and the page says so.
    await gated.locator('input[value="scope-1-2"]').check();
    await waitSaved(page);
    await page.locator('#q-answers-carbon-measured-done input[value="false"]').check();
    await waitSaved(page);
    await page.locator('p[role="status"]', { hasText: 'Réponse retirée, car sa question ne s’applique plus' }).waitFor();
    expect(await gated.count()).toBe(0);
    expect((await h.call('leaderA', 'GET', `/assessments/${assessmentId}`)).body.answers['carbon-measured-scope']).toBeUndefined();
    await expectAccessible(page);
  });

  it('when a value is out of bounds, then the message stands next to the field and nothing else is lost', async () => {
    await page.locator('#answers-inclusion-disabled-rate').fill('140');
    const error = page.locator('#answers-inclusion-disabled-rate-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('entre 0 et 100');
    expect(await page.locator('#answers-inclusion-disabled-rate').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#answers-inclusion-disabled-rate').fill('7');
    await waitSaved(page);
    expect(await error.count()).toBe(0);
  });

  it('when every pillar is filled in and submitted, then the result shows the golden scores with each indicator’s reasons', async () => {
    await fillPillars(page, h, assessmentId, examples.get('insertion-esus')!.answers);
    // Saved on the server as typed: reload and the answers are still there.
    const saved = await h.call('leaderA', 'GET', `/assessments/${assessmentId}`);
    expect(saved.body.missing).toEqual([]);
    await page.getByRole('button', { name: 'Soumettre l’évaluation' }).click();
    // Asked first: nothing left unanswered, so the dialog offers to submit.
    await page.locator('dialog[open]').getByRole('button', { name: 'Soumettre', exact: true }).click();
    await page.waitForURL(`**/#/assessments/${assessmentId}/result`);
    await page.getByRole('heading', { level: 1, name: 'Résultat de l’évaluation n° 1' }).waitFor();
    expect(await page.locator('.score-ring .ring-text').textContent()).toBe(fr(golden.global));
    for (const pillar of golden.pillars) {
      expect(plain(await page.locator(`.score-bars li[data-bar="${pillar.id}"] .bar-number`).textContent())).toBe(`${fr(pillar.score)} / 100`);
    }
    const inclusion = page.locator('[data-indicator="inclusion"]');
    expect(await inclusion.locator('.indicator-why').textContent()).toBeTruthy();
    await inclusion.locator('details summary').click();
    expect(await inclusion.locator('.criteria > li').first().textContent()).toMatch(/pts/);
    await expectAccessible(page);
  });

  it('when they read the suggestions, then each shows its computed gain and testimonies, and builds a plan', async () => {
    await page.getByRole('link', { name: 'Actions suggérées', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Actions suggérées' }).waitFor();
    const api = await h.call('leaderA', 'GET', `/assessments/${assessmentId}/suggestions?limit=30`);
    const [first, second] = api.body.suggestions as { actionId: string; gains: { global: number }; testimonies: string[] }[];
    const card = page.locator(`[data-action="${first!.actionId}"]`);
    expect(plain(await card.locator('.gain').textContent())).toBe(`+${fr(first!.gains.global)} ${first!.gains.global < 2 ? 'point' : 'points'} au global`);
    await card.getByText(/Ils l’ont fait/).click();
    expect(await card.locator('.testimony').count()).toBe(first!.testimonies.length);
    await expectAccessible(page);
    await card.getByRole('button', { name: /Créer un plan avec cette action/ }).click();
    await card.getByText('Dans le plan').waitFor();
    await page.locator(`[data-action="${second!.actionId}"]`).getByRole('button', { name: /Ajouter au plan/ }).click();
    await page.locator(`[data-action="${second!.actionId}"]`).getByText('Dans le plan').waitFor();
    await page.getByRole('link', { name: /Ouvrir le plan \(2\)/ }).click();
    await page.waitForURL(/#\/plans\/\d+$/);
    planId = Number(page.url().match(/plans\/(\d+)/)![1]);
    await page.locator('.plan-item').nth(1).waitFor();
    expect(await page.locator('.plan-item h3').allTextContents()).toHaveLength(2);
  });

  it('when they edit, reorder and add items, then the projection follows and the due date is picked', async () => {
    const before = await page.locator('[data-projected-global]').getAttribute('data-projected-global');
    // Two suggested actions in the plan: the projection is above today's score.
    expect(Number(before)).toBeGreaterThan(golden.global);
    const titles = await page.locator('.plan-item h3').allTextContents();
    await page.getByRole('button', { name: `Descendre « ${titles[0]} »` }).click();
    await page.waitForFunction((t) => document.querySelector('.plan-item h3')?.textContent === t, titles[1]);
    const firstItem = page.locator('.plan-item').first();
    await firstItem.getByRole('button', { name: /^Modifier/ }).click();
    await firstItem.getByLabel('Responsable').fill('Inès');
    // The due date is picked (a month or a quarter, then a year), never typed.
    await firstItem.getByLabel('Mois ou trimestre').selectOption({ label: 'mars' });
    await firstItem.getByLabel('Année').selectOption('2027');
    await firstItem.getByRole('button', { name: 'Enregistrer' }).click();
    await firstItem.locator('.item-fields dd[data-due="2027-03"]').waitFor();
    expect(await firstItem.locator('.item-fields dd[data-due]').textContent()).toBe('mars 2027');
    expect(await firstItem.locator('.field-error').count()).toBe(0);
    expect(await firstItem.locator('.item-fields').textContent()).toContain('Inès');
    // An action of their own, on an indicator: the projection does not move for it.
    await page.getByLabel('Intitulé', { exact: true }).last().fill('Former les encadrants à l’accueil');
    await page.getByLabel('Indicateur visé').selectOption('inclusion');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: 'Former les encadrants à l’accueil' }).waitFor();
    expect(await page.locator('[data-projected-global]').getAttribute('data-projected-global')).toBe(before);
    await page.getByRole('button', { name: 'Retirer « Former les encadrants à l’accueil »' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.plan-item').length === 2);
    const stored = await h.call('leaderA', 'GET', `/plans/${planId}`);
    expect(stored.body.items.map((i: { displayTitle: string }) => i.displayTitle)).toEqual([titles[1], titles[0]]);
    expect(stored.body.items[0].due).toBe('2027-03');
    await expectAccessible(page);
  });

  it('when they submit it and download the PDF, then the expert has it to review and the file is the plan', async () => {
    await page.getByRole('button', { name: 'Soumettre à l’expert' }).click();
    // The second action has no owner nor date: the page warns first, the leader submits anyway.
    await page.getByRole('button', { name: 'Soumettre quand même' }).click();
    await page.locator('[data-plan-status="submitted"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le PDF' }).click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const plan = (await h.call('leaderA', 'GET', `/plans/${planId}`)).body as { items: { displayTitle: string }[] };
    for (const item of plan.items) expect(text).toContain(plain(item.displayTitle.slice(0, 30)));
    const queue = await h.call('expertA', 'GET', '/reviews');
    expect(queue.body).toEqual([expect.objectContaining({ planId, status: 'submitted', organisationName: 'Org A', items: 2 })]);
  });

  it('when a later assessment is submitted, then the comparison shows the change per pillar', async () => {
    const next = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    const answers = { ...examples.get('insertion-esus')!.answers, 'inclusion-hires': '10-24' };
    const patched = await h.call('leaderA', 'PATCH', `/assessments/${next.id}`, { version: next.version, answers });
    expect(patched.status).toBe(200);
    expect((await h.call('leaderA', 'POST', `/assessments/${next.id}/submit`, { version: patched.body.version })).status).toBe(200);
    await visit(page, h, `#/organisations/${h.orgA}`);
    await page.locator(`[data-assessment="${next.id}"]`).getByRole('link', { name: 'Comparer avec l’évaluation précédente' }).click();
    await page.getByRole('heading', { level: 1, name: 'Comparaison des évaluations' }).waitFor();
    const comparison = (await h.call('leaderA', 'GET', `/assessments/${next.id}/comparison`)).body;
    const row = page.locator('tr[data-row="externalities"] td');
    expect(await row.nth(2).textContent()).toBe(`${comparison.pillars.find((p: { id: string }) => p.id === 'externalities').delta > 0 ? '+' : ''}${fr(comparison.pillars.find((p: { id: string }) => p.id === 'externalities').delta)}`);
    await expectAccessible(page);
  });

  it('when the page is phone-sized, then nothing sticks out sideways', async () => {
    const { page: phone } = await openPage(browser, h, { width: 375, height: 740 });
    await logIn(phone, 'leaderA');
    for (const hash of [`#/assessments/${assessmentId}/fill/externalities`, `#/assessments/${assessmentId}/result`, `#/assessments/${assessmentId}/suggestions`, `#/plans/${planId}`]) {
      await visit(phone, h, hash);
      expect({ hash, fits: await fitsWidth(phone), cut: await cutContent(phone) }).toEqual({ hash, fits: true, cut: [] });
    }
  });

  it('when the interface is switched to English, then the words and the content are English', async () => {
    await visit(page, h, `#/assessments/${assessmentId}/result`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Result of assessment no. 1' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#pillar-externalities').textContent()).toContain('Limiting negative externalities');
    await page.getByRole('button', { name: 'Passer en français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Résultat de l’évaluation n° 1' }).waitFor();
  });

  it('then the browser met no script error on the way', () => {
    expect(problems).toEqual([]);
  });
});
