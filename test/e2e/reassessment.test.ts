import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples, type Harness } from '../http/harness.js';
import { accessibilityViolations, browserSuite, fitsWidth, headingProblems, logIn, openPage, plain, visit } from './browser.js';
import { waitSaved } from './fill.js';

const suite = browserSuite();
let h: Harness;
let browser: Browser;
let page: Page;
let problems: string[];
let first: number;
let second: number;
const esus = examples.get('insertion-esus')!;

/** Text as compared here: French typography's non-breaking spaces read as spaces. */

async function expectAccessible(p: Page): Promise<void> {
  expect(await accessibilityViolations(p)).toEqual([]);
  expect(await headingProblems(p)).toEqual([]);
}

beforeAll(async () => {
  ({ h, browser } = suite);
  // Organisation A took the Impact Score once: n° 1, submitted.
  const draft = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
  const saved = (await h.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: esus.answers })).body;
  first = (await h.call('leaderA', 'POST', `/assessments/${draft.id}/submit`, { version: saved.version })).body.id;
  ({ page, problems } = await openPage(browser, h));
  await logIn(page, 'leaderA');
});

/** Re-assessing, reopening and deleting, as a leader does it in Chromium. */
describe('assess again: from the previous answers, with a confirmation before anything final', () => {
  it('when a leader starts a new assessment, then it holds the previous answers, each marked carried over until confirmed or changed', async () => {
    await visit(page, h, `#/organisations/${h.orgA}`);
    expect(await page.locator('main').textContent().then(plain)).toContain('Une nouvelle évaluation reprend les réponses de l’évaluation n° 1');
    await page.getByRole('button', { name: 'Nouvelle évaluation' }).click();
    await page.waitForURL(/#\/assessments\/\d+\/fill\/profile$/);
    second = Number(page.url().match(/assessments\/(\d+)/)![1]);
    await page.getByRole('heading', { level: 1, name: 'Évaluation n° 2 — Org A' }).waitFor();
    expect(await page.locator('.carried-summary').textContent().then(plain)).toContain('reprend les réponses de l’évaluation n° 1');

    await visit(page, h, `#/assessments/${second}/fill/sharing`);
    // Each answer note is said once: "(facultatif)" no longer doubles the content's own words.
    expect(await page.locator('main').textContent().then(plain)).not.toContain('(facultatif) (facultatif)');
    const share = page.locator('#q-answers-giving-share');
    expect(await share.locator('.origin-carried').textContent().then(plain)).toMatch(/Reprise de l’évaluation n° 1 du .+\. Confirmer/);
    expect(await share.locator('input[value="0"]').isChecked()).toBe(true);
    await share.locator('input[value="1+"]').check();
    await waitSaved(page);
    expect(await share.locator('.origin-changed').textContent().then(plain)).toContain('(avant : Aucun don)');

    const skills = page.locator('#q-answers-giving-skills');
    await skills.getByRole('button', { name: /^Confirmer la réponse reprise/ }).click();
    await waitSaved(page);
    expect(await skills.locator('.origin').count()).toBe(0);
    const stored = (await h.call('leaderA', 'GET', `/assessments/${second}`)).body;
    expect(stored.carried).not.toContain('giving-skills');
    expect(stored.changes).toEqual([{ part: 'answers', question: 'giving-share', before: '0', after: '1+' }]);
    expect(await page.locator('.carried-summary').textContent().then(plain)).toContain('1 réponse modifiée depuis');
    await expectAccessible(page);
  });

  it('when the pillar page is long, then the save state stays in view and a menu jumps to any indicator', async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const status = page.locator('[data-save-state]');
      expect(await status.getAttribute('role')).toBe('status');
      const box = (await status.boundingBox())!;
      expect({ width, top: box.y >= 0 && box.y < 80 }).toEqual({ width, top: true });
      await page.locator('.jump-menu summary').click();
      await page.locator('.jump-menu').getByRole('link', { name: 'Mécénat et générosité' }).click();
      const heading = page.locator('#indicator-giving');
      await page.waitForFunction(() => document.activeElement?.id === 'indicator-giving');
      const target = (await heading.boundingBox())!;
      const bar = (await page.locator('.fill-bar').boundingBox())!;
      // In view, and not under the sticky bar.
      expect(target.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
      expect(target.y).toBeLessThan(800);
      expect(await fitsWidth(page)).toBe(true);
    }
    await page.setViewportSize({ width: 1200, height: 900 });
    // The same indicators, listed at the top of the pillar with their progress.
    expect(await page.locator('nav.toc li').count()).toBe(8);
  });

  it('when another is started while this draft is open, then the page offers to continue it', async () => {
    await visit(page, h, `#/organisations/${h.orgA}`);
    await page.getByRole('button', { name: 'Nouvelle évaluation' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Un brouillon est déjà en cours' }).waitFor();
    expect(await dialog.textContent().then(plain)).toContain('L’évaluation n° 2');
    await expectAccessible(page);
    await dialog.getByRole('link', { name: 'Continuer l’évaluation n° 2' }).click();
    await page.waitForURL(`**/#/assessments/${second}/fill/profile`);
    expect((await h.call('leaderA', 'GET', `/organisations/${h.orgA}/assessments`)).body).toHaveLength(2);
  });

  it('when the leader submits, then the page asks first, then the result says what moved and why', async () => {
    await page.getByRole('button', { name: 'Soumettre l’évaluation' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Soumettre l’évaluation n° 2 ?' }).waitFor();
    expect(await dialog.textContent().then(plain)).toMatch(/\d+ réponses reprises de l’évaluation n° 1 du .+ n’ont pas été confirmées/);
    await expectAccessible(page);
    // Cancelling keeps the draft.
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    expect((await h.call('leaderA', 'GET', `/assessments/${second}`)).body.status).toBe('draft');
    await page.getByRole('button', { name: 'Soumettre l’évaluation' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Soumettre', exact: true }).click();
    await page.waitForURL(`**/#/assessments/${second}/result`);
    await page.getByRole('heading', { level: 2, name: /Ce qui a bougé depuis l’évaluation n° 1/ }).waitFor();
    const giving = page.locator('[data-moved="giving"]');
    expect(await giving.locator('h3').textContent().then(plain)).toBe('Mécénat et générosité10 → 45 (+35)');
    expect(await giving.textContent().then(plain)).toContain('« Sur le dernier exercice, combien l’organisation a-t-elle donné, en part de son chiffre d’affaires ? » : Aucun don → 1 % ou plus');
    expect(await giving.textContent().then(plain)).toContain('Dons d’au moins 1 % du chiffre d’affaires : 0 → 35 / 35 pts');
    expect(await page.locator('[data-moved]').count()).toBe(1);
    await expectAccessible(page);
  });

  it('when the submitted assessment is reopened, then it is a draft again and its first result stays in its history', async () => {
    const before = (await h.call('leaderA', 'GET', `/assessments/${second}/result`)).body.report.global as number;
    await page.getByRole('button', { name: 'Rouvrir pour corriger' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Rouvrir l’évaluation n° 2 ?' }).waitFor();
    await dialog.getByRole('button', { name: 'Rouvrir', exact: true }).click();
    await page.waitForURL(`**/#/assessments/${second}/fill/profile`);
    await page.locator('[data-save-state="saved"]').waitFor();
    expect((await h.call('leaderA', 'GET', `/assessments/${second}`)).body).toMatchObject({ status: 'draft', earlierResults: [{ global: before }] });
    await page.getByRole('button', { name: 'Soumettre l’évaluation' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Soumettre', exact: true }).click();
    await page.waitForURL(`**/#/assessments/${second}/result`);
    const note = page.locator('p.alert', { hasText: 'soumise une première fois' });
    await note.waitFor();
    expect(await note.textContent().then(plain)).toContain(`score global : ${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(before)}`);
  });

  it('when a plan drawn from it went to the expert, then reopening is refused in words and nothing changes', async () => {
    const assessment = (await h.call('leaderA', 'GET', `/assessments/${second}`)).body;
    const plan = (await h.call('leaderA', 'POST', `/assessments/${second}/plans`, { actionIds: [] })).body;
    const withItem = (await h.call('leaderA', 'POST', `/plans/${plan.id}/items`, { version: plan.version, title: 'Former les encadrants', indicator: 'inclusion' })).body;
    expect((await h.call('leaderA', 'POST', `/plans/${plan.id}/submit`, { version: withItem.version })).status).toBe(200);
    await visit(page, h, `#/assessments/${second}/result`);
    await page.getByRole('button', { name: 'Rouvrir pour corriger' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Rouvrir', exact: true }).click();
    const refusal = page.locator('[role="alert"]', { hasText: 'a été soumis à l’expert' });
    await refusal.waitFor();
    expect(await refusal.textContent().then(plain)).toContain('Démarrez une nouvelle évaluation');
    expect((await h.call('leaderA', 'GET', `/assessments/${assessment.id}`)).body.status).toBe('submitted');
  });

  it('when a draft is deleted, then the page asks first (the focus on « Annuler ») and the draft is gone', async () => {
    const draft = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    expect(draft.number).toBe(3);
    await visit(page, h, `#/organisations/${h.orgA}`);
    await page.getByRole('button', { name: 'Supprimer le brouillon n° 3' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByRole('heading', { name: 'Supprimer le brouillon n° 3 ?' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Annuler');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Supprimer le brouillon' }).click();
    await page.waitForFunction((id) => !document.querySelector(`[data-assessment="${id}"]`), draft.id);
    expect((await h.call('leaderA', 'GET', `/assessments/${draft.id}`)).status).toBe(404);
    expect(await page.locator('[data-assessment]').count()).toBe(2);
  });

  it('when an incomplete assessment is submitted, then the dialog names what is missing, in words, and offers no submission', async () => {
    const { page: other } = await openPage(browser, h);
    await logIn(other, 'leaderB');
    const draft = (await h.call('leaderB', 'POST', `/organisations/${h.orgB}/assessments`)).body;
    await visit(other, h, `#/assessments/${draft.id}/fill/externalities`);
    // Numbered per organisation: B's first is its n° 1, whatever A did.
    await other.getByRole('heading', { level: 1, name: 'Évaluation n° 1 — Org B' }).waitFor();
    await other.getByRole('button', { name: 'Soumettre l’évaluation' }).click();
    const dialog = other.locator('dialog[open]');
    await dialog.getByRole('heading', { name: /^Il manque encore \d+ réponses$/ }).waitFor();
    expect(await dialog.textContent().then(plain)).toContain('Sur les 12 derniers mois, quelle part de vos recrutements a concerné des personnes éloignées de l’emploi ?');
    expect(await dialog.getByRole('link', { name: 'Partager le pouvoir et la valeur' }).count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Soumettre', exact: true }).count()).toBe(0);
    await expectAccessible(other);
    await dialog.getByRole('button', { name: 'Revenir au questionnaire' }).click();
    expect(await other.locator('#answers-inclusion-hires-error').textContent().then(plain)).toContain('Réponse attendue');
    expect((await h.call('leaderB', 'GET', `/assessments/${draft.id}`)).body.status).toBe('draft');
  });

  it('then the browser met no script error on the way', () => {
    expect(problems).toEqual([]);
    expect(first).toBeGreaterThan(0);
  });
});
