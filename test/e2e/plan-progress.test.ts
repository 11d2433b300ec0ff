import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/core/apply-changes.js';
import { examples, type Harness } from '../http/harness.js';
import { submittedAssessment, submittedPlan } from '../support/plan-fixtures.js';
import { accessibilityViolations, browserSuite, cutContent, fitsWidth, focusLandsOn, headingProblems, logIn, narrowestWidth, openPage, plain, visit } from './browser.js';

const suite = browserSuite();

type Plan = { id: number; version: number; status: string; items: { id: number; actionId: string | null; displayTitle: string }[] };

/** A submitted plan of two suggested actions, the first with an owner, a date and a target, approved with a comment. */
async function approvedPlan(h: Harness, assessmentId: number): Promise<Plan> {
  let plan = (await submittedPlan(h, 'leaderA', assessmentId)) as unknown as Plan;
  plan = (await h.call('expertA', 'GET', `/plans/${plan.id}`)).body;
  plan = (await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'request-changes', comment: 'Datez chaque action.' })).body;
  plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[0]!.id}`, { version: plan.version, owner: 'Inès', due: '2027-06', target: '4 recrutements par an', successIndicator: 'part des embauches en insertion' })).body;
  plan = (await h.call('leaderA', 'POST', `/plans/${plan.id}/submit`, { version: plan.version })).body;
  plan = (await h.call('expertA', 'POST', `/plans/${plan.id}/review`, { version: plan.version, decision: 'approve', comment: 'Plan clair et réaliste.' })).body;
  expect(plan.status).toBe('approved');
  return plan;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(await headingProblems(page)).toEqual([]);
}

/** A fresh page, logged in as `who`, on one page of the app. */
async function openAs(who: 'leaderA' | 'expertA', hash: string, options: { width?: number } = {}): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(suite.browser, suite.h, options.width ? { width: options.width, height: 800 } : {});
  await logIn(opened.page, who);
  await visit(opened.page, suite.h, hash);
  return opened;
}

const statusOf = (page: Page) => page.locator('[data-plan-status]').getAttribute('data-plan-status');

describe('recording progress on an approved plan, in Chromium', () => {
  it('when the leader clicks a status or saves notes, then the plan stays approved; changing the owner sends it back to draft, and the expert’s decision stays on top', async () => {
    const { h } = suite;
    const plan = await approvedPlan(h, await submittedAssessment(h, 'leaderA', h.orgA));
    const { page, problems } = await openAs('leaderA', `#/plans/${plan.id}`);
    const item = page.locator(`[data-item="${plan.items[0]!.id}"]`);

    // The decision, who and when, and its reason, at the top; the comment marked as the decision.
    const decision = page.locator('section.decision');
    expect(await decision.locator('h2').textContent()).toBe('Décision de l’expert\u00a0: plan approuvé');
    expect(plain(await decision.textContent())).toContain('expertA, le 21 novembre 2026');
    expect(await decision.textContent()).toContain('Plan clair et réaliste.');
    expect(plain(await page.locator('.comments [data-decision="approve"]').textContent())).toContain('décision : plan approuvé');
    expect(await page.locator('.comments [data-decision="request-changes"]').textContent()).toContain('Datez chaque action.');
    await expectAccessible(page);

    // One click: in progress, then done; the approval holds.
    const progress = item.getByRole('group', { name: `Avancement de « ${plan.items[0]!.displayTitle} »` });
    await progress.getByRole('button', { name: 'en cours' }).click();
    await page.locator(`[data-item="${plan.items[0]!.id}"][data-status="in-progress"]`).waitFor();
    expect(await progress.getByRole('button', { name: 'en cours' }).getAttribute('aria-pressed')).toBe('true');
    await progress.getByRole('button', { name: 'fait' }).click();
    await page.locator(`[data-item="${plan.items[0]!.id}"][data-status="done"]`).waitFor();
    expect(await statusOf(page)).toBe('approved');

    // The edit form with only the notes changed: still approved (the form used to send every field).
    await item.getByRole('button', { name: /^Modifier/ }).click();
    expect(await item.locator('form.item-form .hint').textContent()).toContain('renvoie le plan en brouillon');
    await item.getByLabel('Notes').fill('Deux embauches déjà.');
    await item.getByRole('button', { name: 'Enregistrer' }).click();
    await item.locator('.item-fields').getByText('Deux embauches déjà.').waitFor();
    expect(await statusOf(page)).toBe('approved');
    await focusLandsOn(page, `edit-${plan.items[0]!.id}`);

    // The expert reads the same decision on top, while the plan is approved.
    const expert = await openAs('expertA', `#/plans/${plan.id}`);
    expect(await expert.page.locator('section.decision h2').textContent()).toContain('plan approuvé');
    expect(await expert.page.getByRole('group', { name: /^Avancement/ }).count()).toBe(0);

    // What the plan says changes: back to draft, and the decision says the plan changed since.
    await item.getByRole('button', { name: /^Modifier/ }).click();
    await item.getByLabel('Responsable').fill('Nadia');
    await item.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('[data-plan-status="draft"]').waitFor();
    expect(await decision.textContent()).toContain('Le plan a été modifié depuis cette décision');
    const stored = await h.call('leaderA', 'GET', `/plans/${plan.id}/history`);
    expect(stored.body.slice(-4).map((e: { action: string }) => e.action)).toEqual(['progress', 'progress', 'progress', 'update-item']);

    // Back in draft, the plan is the organisation's own again: the expert sees it once it is resubmitted.
    expect((await h.call('expertA', 'GET', `/plans/${plan.id}`)).status).toBe(404);
    expect([...problems, ...expert.problems]).toEqual([]);
  });

  it('when a due date is picked with the keyboard, then a quarter or a month is saved and shown in words', async () => {
    const { h } = suite;
    const plan = await approvedPlan(h, await submittedAssessment(h, 'leaderA', h.orgA));
    const { page, problems } = await openAs('leaderA', `#/plans/${plan.id}`);
    const item = page.locator(`[data-item="${plan.items[1]!.id}"]`);
    await item.getByRole('button', { name: /^Modifier/ }).click();
    const period = item.getByLabel('Mois ou trimestre');
    const year = item.getByLabel('Année');
    expect(await year.isDisabled()).toBe(true);
    // Keyboard only: focus the select, choose by typing, move on with Tab.
    await period.focus();
    await period.selectOption({ label: 'T1 (trimestre)' });
    await page.keyboard.press('Tab');
    await focusLandsOn(page, `item-${plan.items[1]!.id}-due-year`);
    await year.selectOption('2028');
    await item.getByRole('button', { name: 'Enregistrer' }).click();
    await item.locator('.item-fields dd[data-due="2028-Q1"]').waitFor();
    expect(await item.locator('.item-fields dd[data-due]').textContent()).toBe('T1 2028');
    // The first item's month reads as the PDF writes it.
    expect(await page.locator(`[data-item="${plan.items[0]!.id}"] dd[data-due]`).textContent()).toBe('juin 2027');
    expect((await h.call('leaderA', 'GET', `/plans/${plan.id}`)).body.items[1].due).toBe('2028-Q1');
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});

describe('before submitting, and removing an item, in Chromium', () => {
  it('when items miss an owner or a date, then submitting warns with the list; the leader may complete first or submit anyway', async () => {
    const { h } = suite;
    const assessmentId = await submittedAssessment(h, 'leaderA', h.orgA);
    const { body: s } = await h.call('leaderA', 'GET', `/assessments/${assessmentId}/suggestions?limit=2`);
    let plan: Plan = (await h.call('leaderA', 'POST', `/assessments/${assessmentId}/plans`, { actionIds: s.suggestions.map((x: { actionId: string }) => x.actionId) })).body;
    plan = (await h.call('leaderA', 'PATCH', `/plans/${plan.id}/items/${plan.items[0]!.id}`, { version: plan.version, owner: 'Inès' })).body;
    const { page, problems } = await openAs('leaderA', `#/plans/${plan.id}`);
    await page.getByRole('button', { name: 'Soumettre à l’expert' }).click();
    const warning = page.locator('section[data-incomplete]');
    await warning.waitFor();
    await focusLandsOn(page, 'incomplete-title');
    expect((await warning.locator('li').allTextContents()).map(plain)).toEqual([
      `« ${plain(plan.items[0]!.displayTitle)} » : une échéance`,
      `« ${plain(plan.items[1]!.displayTitle)} » : un responsable et une échéance`,
    ]);
    expect(await statusOf(page)).toBe('draft');
    await expectAccessible(page);
    await warning.getByRole('button', { name: 'Compléter d’abord' }).click();
    await warning.waitFor({ state: 'detached' });
    await focusLandsOn(page, `edit-${plan.items[0]!.id}`);
    await page.getByRole('button', { name: 'Soumettre à l’expert' }).click();
    await page.getByRole('button', { name: 'Soumettre quand même' }).click();
    await page.locator('[data-plan-status="submitted"]').waitFor();
    expect(problems).toEqual([]);
  });

  it('when an item is removed, then an undo puts it back in its place with its fields', async () => {
    const { h } = suite;
    const plan = await approvedPlan(h, await submittedAssessment(h, 'leaderA', h.orgA));
    const { page, problems } = await openAs('leaderA', `#/plans/${plan.id}`);
    const [first, second] = plan.items;
    await page.getByRole('button', { name: `Retirer « ${first!.displayTitle} »` }).click();
    const notice = page.locator(`.undo-notice[data-removed="${first!.id}"]`);
    await notice.waitFor();
    expect(plain(await notice.textContent())).toContain(`« ${plain(first!.displayTitle)} » a été retiré du plan.`);
    await focusLandsOn(page, 'undo-remove');
    expect(await page.locator('.plan-item').count()).toBe(1);
    await expectAccessible(page);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.plan-item').length === 2);
    expect(await page.locator('.plan-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-item'))))).toEqual([first!.id, second!.id]);
    expect(await page.locator(`[data-item="${first!.id}"] .item-fields`).textContent()).toContain('Inès');
    await focusLandsOn(page, `item-title-${first!.id}`);
    expect(await notice.count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('the bilan in Chromium', () => {
  it('when a later assessment follows an approved plan, then the page sets each action intended beside achieved, the PDF says the same, and a phone sees every column', async () => {
    const { h } = suite;
    const doc = examples.get('insertion-esus')!;
    const baseline = await submittedAssessment(h, 'leaderA', h.orgA);
    const plan = await approvedPlan(h, baseline);
    const action = h.ctx.content.actions.find((a) => a.id === plan.items[0]!.actionId)!;
    const next = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    const patched = await h.call('leaderA', 'PATCH', `/assessments/${next.id}`, { version: next.version, answers: applyChanges(h.ctx.scorer.index, { profile: doc.profile, answers: doc.answers }, [action.changes]).answers });
    expect((await h.call('leaderA', 'POST', `/assessments/${next.id}/submit`, { version: patched.body.version })).status).toBe(200);
    const comparison = (await h.call('leaderA', 'GET', `/assessments/${next.id}/comparison`)).body;
    const bilan = comparison.plans.find((p: { planId: number }) => p.planId === plan.id);

    const { page, problems } = await openAs('leaderA', `#/assessments/${next.id}/compare`);
    const section = page.locator(`[data-bilan="${plan.id}"]`);
    await section.waitFor();
    const card = section.locator(`[data-item="${plan.items[0]!.id}"]`);
    expect(await card.textContent()).toContain('4 recrutements par an');
    expect(await card.textContent()).toContain('part des embauches en insertion');
    expect(await card.locator('[data-col="intended"]').textContent()).toContain('au global');
    expect(await card.locator('[data-col="achieved"]').textContent()).toBe(await card.locator('[data-col="intended"]').evaluate((e) => e.textContent!.split(' · ')[0]));
    const global = section.locator('tr[data-bilan-row="global"]');
    const fr = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n);
    expect(await global.locator('[data-col="projected"]').textContent()).toContain(fr(bilan.scores[0].projected));
    expect(await global.locator('[data-col="achieved"]').textContent()).toContain(fr(bilan.scores[0].achieved));
    // Score rows are headed "Score", indicator rows "Indicateur": never "Indicateur visé".
    expect(await page.locator('thead th:first-child').allTextContents()).toEqual(expect.arrayContaining(['Score', 'Indicateur']));
    expect(await page.locator('thead').allTextContents()).not.toContainEqual(expect.stringContaining('Indicateur visé'));
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le bilan (PDF)' }).click()]);
    const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Objectif : 4 recrutements par an');
    expect(text).toContain(plain(plan.items[0]!.displayTitle));

    const phone = await openAs('leaderA', '#/', { width: 390 });
    for (const hash of [`#/assessments/${next.id}/compare`, `#/plans/${plan.id}`]) {
      await visit(phone.page, h, hash);
      await phone.page.locator('[data-bilan], .plan-item').first().waitFor();
      expect({ hash, fits: await fitsWidth(phone.page), cut: await cutContent(phone.page) }).toEqual({ hash, fits: true, cut: [] });
    }
    // Item details are read in full lines, not one word a line.
    expect(await narrowestWidth(phone.page, '.item-fields dd')).toBeGreaterThan(250);
    expect([...problems, ...phone.problems]).toEqual([]);
  });

  it('when the expert opens the queue on a phone, then each plan’s organisation, workshop and state are all in view', async () => {
    const { h } = suite;
    const plan = await submittedPlan(h, 'leaderA', await submittedAssessment(h, 'leaderA', h.orgA));
    const { page, problems } = await openAs('expertA', '#/reviews', { width: 390 });
    const entry = page.locator(`.review-queue [data-plan="${plan.id}"]`);
    await entry.waitFor();
    expect({ fits: await fitsWidth(page), cut: await cutContent(page) }).toEqual({ fits: true, cut: [] });
    expect(await entry.textContent()).toMatch(/Org A.*Atelier.*soumis pour relecture/);
    const box = await entry.locator('.badge').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
