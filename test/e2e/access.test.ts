import { describe, expect, it } from 'vitest';
import { appUrl, browserSuite, logIn, openPage, visit } from './browser.js';
import { submittedAssessment, submittedPlan } from '../support/plan-fixtures.js';

const suite = browserSuite();

describe('access across organisations in the browser', () => {
  it('when a leader of B opens A’s pages by address, then each says not found and shows none of A’s data', async () => {
    const { h, browser } = suite;
    const assessmentId = await submittedAssessment(h, 'leaderA', h.orgA);
    const plan = await submittedPlan(h, 'leaderA', assessmentId);
    const { page } = await openPage(browser, h);
    await logIn(page, 'leaderB');
    await page.locator('.cards li').first().waitFor();
    expect(await page.locator('.cards li').allTextContents()).toEqual([expect.stringContaining('Org B')]);
    for (const hash of [`#/organisations/${h.orgA}`, `#/assessments/${assessmentId}/fill/profile`, `#/assessments/${assessmentId}/result`, `#/assessments/${assessmentId}/suggestions`, `#/plans/${plan.id}`]) {
      await page.goto(appUrl(h, hash));
      // A full load for each address, so nothing of the previous page lingers.
      await page.reload();
      const alert = page.locator('p.alert[role="alert"]');
      await alert.waitFor();
      expect({ hash, text: await alert.textContent() }).toEqual({ hash, text: 'Cette page n’existe pas ou vous n’y avez pas accès.' });
      expect(await page.locator('main').textContent()).not.toContain('Org A');
    }
    // The API itself refuses, whatever the page does: the browser's own session gets 404.
    const status = await page.evaluate(async (id) => (await fetch(`/api/v1/plans/${id}/pdf`)).status, plan.id);
    expect(status).toBe(404);
  });

  it('when nobody is logged in, then every page asks to log in first', async () => {
    const { h, browser } = suite;
    const { page } = await openPage(browser, h);
    await visit(page, h, `#/organisations/${h.orgA}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion');
  });

  it('when the password is wrong, then the login form says so and lets the user try again', async () => {
    const { h, browser } = suite;
    const { page } = await openPage(browser, h);
    await page.getByLabel('Adresse e-mail').fill('leaderA@test.org');
    await page.getByLabel('Mot de passe').fill('wrong password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.locator('form [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/mot de passe|identifiants/i);
  });
});
