import { describe, expect, it } from 'vitest';
import { accessibilityViolations, headingProblems, browserSuite, logIn, openPage, visit } from './browser.js';
import { submittedAssessment, submittedPlan } from '../support/plan-fixtures.js';

const suite = browserSuite();

describe('the expert review in Chromium', () => {
  it('when an expert opens their queue, comments and requests changes, then the leader sees it and resubmits, and the expert approves', async () => {
    const { h, browser } = suite;
    const assessmentId = await submittedAssessment(h, 'leaderA', h.orgA);
    const plan = await submittedPlan(h, 'leaderA', assessmentId);
    const { page, problems } = await openPage(browser, h);
    await logIn(page, 'expertA');

    // Experts start at their queue.
    await page.getByRole('heading', { level: 1, name: 'Plans à relire' }).waitFor();
    const row = page.locator(`.review-queue [data-plan="${plan.id}"]`);
    expect(await row.textContent()).toContain('Org A');
    expect(await row.textContent()).toContain('soumis pour relecture');
    expect(await accessibilityViolations(page)).toEqual([]);
    await row.getByRole('link').click();
    await page.waitForURL(`**/#/plans/${plan.id}`);

    // The expert reads, cannot edit, comments on an item and on the plan.
    const item = page.locator(`[data-item="${plan.items[0]!.id}"]`);
    await item.waitFor();
    expect(await page.getByRole('button', { name: /^Modifier/ }).count()).toBe(0);
    await item.getByLabel(/Commenter/).fill('Chiffrez l’objectif : combien d’embauches ?');
    await item.getByRole('button', { name: 'Envoyer le commentaire' }).click();
    await item.getByText('Chiffrez l’objectif').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await headingProblems(page)).toEqual([]);
    await page.getByLabel('Commentaire accompagnant la décision (facultatif)').fill('Bon plan, à préciser sur les échéances.');
    await page.getByRole('button', { name: 'Demander des modifications' }).click();
    await page.locator('[data-plan-status="changes-requested"]').waitFor();
    expect(await page.getByRole('button', { name: 'Approuver le plan' }).count()).toBe(0);

    // The leader sees both comments, dates an item (content: back to draft) and resubmits.
    const leader = await openPage(browser, h);
    await logIn(leader.page, 'leaderA');
    await visit(leader.page, h, `#/plans/${plan.id}`);
    expect(await leader.page.locator('.comments').allTextContents()).toEqual([
      expect.stringContaining('Chiffrez l’objectif'),
      expect.stringContaining('à préciser sur les échéances'),
    ]);
    const leaderItem = leader.page.locator(`[data-item="${plan.items[0]!.id}"]`);
    await leaderItem.getByRole('button', { name: /^Modifier/ }).click();
    await leaderItem.getByLabel('Mois ou trimestre').selectOption({ label: 'T2 (trimestre)' });
    await leaderItem.getByLabel('Année').selectOption('2027');
    await leaderItem.getByRole('button', { name: 'Enregistrer' }).click();
    await leader.page.locator('[data-plan-status="draft"]').waitFor();
    await leader.page.getByRole('button', { name: 'Soumettre à l’expert' }).click();
    await leader.page.getByRole('button', { name: 'Soumettre quand même' }).click();
    await leader.page.locator('[data-plan-status="submitted"]').waitFor();

    // Back in the expert's queue, the plan waits again; they approve it.
    await visit(page, h, '#/reviews');
    expect(await page.locator(`.review-queue [data-plan="${plan.id}"]`).textContent()).toContain('soumis pour relecture');
    await visit(page, h, `#/plans/${plan.id}`);
    await page.getByRole('button', { name: 'Approuver le plan' }).click();
    await page.locator('[data-plan-status="approved"]').waitFor();
    const stored = await h.call('leaderA', 'GET', `/plans/${plan.id}/history`);
    expect(stored.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['request-changes', 'approve']));
    expect([...problems, ...leader.problems]).toEqual([]);
  });
});
