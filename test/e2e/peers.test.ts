import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples, type Harness } from '../http/harness.js';
import { accessibilityViolations, browserSuite, fitsWidth, headingProblems, logIn, openPage, plain, visit } from './browser.js';

const suite = browserSuite();
const example = examples.get('insertion-esus')!;
let h: Harness;
let page: Page;
let problems: string[];

beforeAll(async () => {
  h = suite.h;
  // Five organisations like A that agreed to count in comparisons, each with a submitted assessment.
  for (const n of [1, 2, 3, 4, 5]) {
    const org = (await h.call('admin', 'POST', '/organisations', { name: `Pair ${n}`, profile: example.profile, countInComparisons: true })).body;
    const draft = (await h.call('admin', 'POST', `/organisations/${org.id}/assessments`)).body;
    const saved = (await h.call('admin', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: example.answers })).body;
    expect((await h.call('admin', 'POST', `/assessments/${draft.id}/submit`, { version: saved.version })).status).toBe(200);
  }
  ({ page, problems } = await openPage(suite.browser, h, { width: 1280 }));
  await logIn(page, 'leaderA');
});

describe('compared with organisations like mine on this instance', () => {
  it('when a leader submits for the first time, then they are asked whether to count in comparisons, and their result shows the median and quartiles of the five others, labelled with the group', async () => {
    const draft = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    await h.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: example.answers });
    await visit(page, h, `#/assessments/${draft.id}/fill`);
    await page.locator('form.questions button[type="submit"]').click();
    const dialog = page.locator('#submit-dialog');
    await dialog.getByLabel(/Compter notre organisation dans les comparaisons/).check();
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/submit-consent-1280.png` });
    await dialog.getByRole('button', { name: 'Soumettre' }).click();
    const section = page.locator('section.peers');
    await section.waitFor();
    expect(plain(await section.locator('.standing-intro').textContent())).toContain('Parmi les 5 autres organisations de cette plateforme de même taille (');
    expect(plain(await section.locator('[data-peer="global"] .standing-quartiles').textContent())).toMatch(/^Médiane [\d,]+ \(quartiles [\d,]+ – [\d,]+, 5 organisations\)$/);
    expect((await h.call('leaderA', 'GET', `/organisations/${h.orgA}`)).body.countInComparisons).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await headingProblems(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    if (process.env.SHOTS) {
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${process.env.SHOTS}/peers-1280.png` });
      await page.setViewportSize({ width: 390, height: 900 });
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${process.env.SHOTS}/peers-390.png` });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(problems).toEqual([]);
  });

  it('when the leader unticks the setting on the organisation page, then the organisation no longer counts', async () => {
    await visit(page, h, `#/organisations/${h.orgA}`);
    const box = page.getByRole('checkbox', { name: /Compter notre organisation dans les comparaisons/ });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await expect.poll(async () => (await h.call('leaderA', 'GET', `/organisations/${h.orgA}`)).body.countInComparisons).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    if (process.env.SHOTS) {
      await box.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${process.env.SHOTS}/organisation-setting-1280.png` });
    }
    expect(problems).toEqual([]);
  });
});
