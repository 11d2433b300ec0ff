import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness } from '../http/harness.js';
import { submittedAssessment } from '../support/plan-fixtures.js';
import { accessibilityViolations, appUrl, browserSuite, fitsWidth, headingProblems, logIn, openPage, plain, visit } from './browser.js';

const suite = browserSuite();
let h: Harness;
let leader: Page;
let problems: string[];
let id: number;

beforeAll(async () => {
  h = suite.h;
  id = await submittedAssessment(h, 'leaderA', h.orgA);
  ({ page: leader, problems } = await openPage(suite.browser, h, { width: 1280 }));
  await logIn(leader, 'leaderA');
});

/** What a visitor with no session sees at an address of the app. */
async function visitor(hash: string, width = 1280): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(appUrl(h, hash));
  await page.locator('h1#page-title').waitFor();
  return page;
}

const shot = async (page: Page, name: string) => {
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${name}.png`, fullPage: true });
};

describe('publishing one’s score', () => {
  it('when a leader publishes, then a visitor with no login reads it and finds it in the list; once withdrawn, the address says so (410) and the list is empty', async () => {
    await visit(leader, h, `#/assessments/${id}/result`);
    const control = leader.locator('section.publish');
    await control.getByRole('button', { name: 'Publier', exact: true }).click();
    const link = control.locator('[data-published] a');
    await link.waitFor();
    const hash = (await link.getAttribute('href'))!;
    expect(hash).toMatch(/^#\/public\/[A-Za-z0-9_-]{24}$/);
    await control.scrollIntoViewIfNeeded();
    if (process.env.SHOTS) {
      await leader.screenshot({ path: `${process.env.SHOTS}/publish-control-1280.png` });
      await leader.setViewportSize({ width: 390, height: 900 });
      await control.scrollIntoViewIfNeeded();
      await leader.screenshot({ path: `${process.env.SHOTS}/publish-control-390.png` });
      await leader.setViewportSize({ width: 1280, height: 900 });
    }
    const global = (await h.call('leaderA', 'GET', `/assessments/${id}/result`)).body.report.global as number;

    const page = await visitor(hash);
    expect(plain(await page.locator('h1#page-title').textContent())).toBe('Org A');
    expect(plain(await page.locator('[data-score="global"]').textContent())).toBe(new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(global));
    expect(await page.context().cookies()).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await headingProblems(page)).toEqual([]);
    await shot(page, 'public-1280');
    const narrow = await visitor(hash, 390);
    expect(await fitsWidth(narrow)).toBe(true);
    await shot(narrow, 'public-390');

    const list = await visitor('#/public');
    await list.locator('table.public-list').waitFor();
    expect(await list.locator('table.public-list tbody tr').count()).toBe(1);
    expect(await accessibilityViolations(list)).toEqual([]);
    await shot(list, 'public-list-1280');
    const narrowList = await visitor('#/public', 390);
    await narrowList.locator('table.public-list').waitFor();
    await shot(narrowList, 'public-list-390');

    await control.getByRole('button', { name: 'Retirer la publication' }).click();
    await control.getByRole('button', { name: 'Publier', exact: true }).waitFor();
    await page.reload();
    await page.locator('p.alert').waitFor();
    expect(plain(await page.locator('p.alert').textContent())).toBe('Cette organisation a retiré la publication de son score.');
    expect((await fetch(`${h.url}/public/publications/${hash.split('/').at(-1)}`)).status).toBe(410);
    await list.reload();
    await list.getByText('Aucune organisation publiée pour ces filtres.').waitFor();
    expect(problems).toEqual([]);
  });
});
