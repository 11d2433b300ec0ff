import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples, type Harness } from '../http/harness.js';
import { accessibilityViolations, browserSuite, cutContent, fitsWidth, headingProblems, logIn, openPage, plain, visit } from './browser.js';

const suite = browserSuite();
const example = examples.get('insertion-esus')!;
let h: Harness;
let page: Page;
let problems: string[];

async function submit(who: 'admin' | 'leaderA', orgId: number, answers = example.answers): Promise<void> {
  const draft = (await h.call(who, 'POST', `/organisations/${orgId}/assessments`)).body;
  const saved = (await h.call(who, 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers })).body;
  expect((await h.call(who, 'POST', `/assessments/${draft.id}/submit`, { version: saved.version, countInComparisons: true })).status).toBe(200);
}

beforeAll(async () => {
  h = suite.h;
  // A is the advisor's; five other organisations of the examples, outside the portfolio, agreed to count.
  await submit('leaderA', h.orgA);
  for (const [i, name] of ['association-20', 'industry-300', 'mission-company', 'scop-40', 'association-20'].entries()) {
    const other = examples.get(name)!;
    const org = (await h.call('admin', 'POST', '/organisations', { name: `${name} ${i}`, profile: other.profile, countInComparisons: true })).body;
    await submit('admin', org.id, other.answers);
  }
  ({ page, problems } = await openPage(suite.browser, h, { width: 1280 }));
  await logIn(page, 'advisorA');
});

describe('an advisor’s portfolio against the instance, in Chromium', () => {
  it('when the advisor opens the portfolio, then each score shows the portfolio’s and the others’ median and quartiles, and each organisation its place among those like it', async () => {
    await visit(page, h, '#/portfolio');
    const section = page.locator('section.portfolio-comparison');
    await section.waitFor();
    expect(plain(await section.locator('.standing-intro').textContent())).toContain('les 5 organisations de cette plateforme hors de votre portefeuille');
    const global = section.locator('[data-comparison="global"]');
    expect(plain(await global.locator('[data-side="portfolio"] .standing-quartiles').textContent())).toMatch(/^Médiane [\d,]+ \(quartiles [\d,]+ – [\d,]+, 1 organisation\)$/);
    expect(plain(await global.locator('[data-side="instance"] .standing-quartiles').textContent())).toMatch(/^Médiane [\d,]+ \(quartiles [\d,]+ – [\d,]+, 5 organisations\)$/);
    // Three of them share A's size only: A is placed among all five, as its leader's result page says.
    const row = page.locator('table.latest-scores tbody tr').filter({ hasText: 'Org A' });
    expect(plain(await row.locator('[data-position-group]').textContent())).toBe('Toutes tailles (5)');
    const { organisations } = (await h.call('advisorA', 'GET', '/portfolio')).body;
    const position = organisations.find((o: { id: number }) => o.id === h.orgA).position;
    expect(position.scores[0].position).not.toBeNull();
    expect(plain(await row.locator('[data-position]').first().textContent())).toBe(plain(position.scores[0].text));
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await headingProblems(page)).toEqual([]);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await fitsWidth(page)).toBe(true);
      expect(await cutContent(page)).toEqual([]);
      if (process.env.SHOTS) {
        await section.screenshot({ path: `${process.env.SHOTS}/portfolio-comparison-${width}.png` });
        await page.locator('table.latest-scores').screenshot({ path: `${process.env.SHOTS}/portfolio-positions-${width}.png` });
      }
    }
    expect(problems).toEqual([]);
  });
});
