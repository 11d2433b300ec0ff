import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { percentileRank } from '../../src/core/percentile-rank.js';
import { content, examples, type Harness } from '../http/harness.js';
import { submittedAssessment } from '../support/plan-fixtures.js';
import { accessibilityViolations, browserSuite, fitsWidth, headingProblems, logIn, openPage, plain, visit } from './browser.js';

const suite = browserSuite();
const published = content.published!;
let h: Harness;
let page: Page;
let problems: string[];
let id: number;

beforeAll(async () => {
  h = suite.h;
  id = await submittedAssessment(h, 'leaderA', h.orgA);
  ({ page, problems } = await openPage(suite.browser, h));
  await logIn(page, 'leaderA');
});

/** The rank the quantile file gives a score, as the page words it (French). */
function expectedRank(region: string | null, id: string, score: number): string {
  const group = region === null ? published.all : published.regions[region]!;
  const rank = percentileRank(group.levels, group.scores[id]!, score);
  const p = Math.round(rank.percent);
  return rank.kind === 'within' ? `au-dessus de ${p} % d’entre elles` : rank.kind === 'below' ? `parmi les ${p} % les plus bas` : `parmi les ${p} % les plus hauts`;
}

describe('where a leader stands among the published Impact Scores', () => {
  it('when a leader opens their result, then the global and each pillar show their rank among all published organisations and their region’s, with the quartiles, labelled honestly', async () => {
    await visit(page, h, `#/assessments/${id}/result`);
    const section = page.locator('section.standing');
    await section.waitFor();
    const region = examples.get('insertion-esus')!.profile.region as string;
    expect(plain(await section.locator('.standing-intro').textContent())).toBe(
      `Parmi les ${published.all.count} organisations qui ont publié leur Impact Score entre ${published.from.slice(0, 4)} et ${published.to.slice(0, 4)} ; elles ont tendance à avoir de meilleurs scores.`);
    const report = (await h.call('leaderA', 'GET', `/assessments/${id}/result`)).body.report as { global: number; pillars: { id: string; score: number }[] };
    const scores: [string, number][] = [['global', report.global], ...report.pillars.map((p): [string, number] => [p.id, p.score])];
    for (const [group, count] of [['all', published.all.count], [region, published.regions[region]!.count]] as const) {
      const box = section.locator(`[data-group="${group}"]`);
      expect(plain(await box.locator('h3').textContent())).toContain(`(${count})`);
      for (const [scoreId, score] of scores) {
        const row = box.locator(`[data-standing="${scoreId}"]`);
        expect(plain(await row.locator('.standing-rank').textContent())).toContain(expectedRank(group === 'all' ? null : group, scoreId, score));
        const source = group === 'all' ? published.all : published.regions[group]!;
        const median = source.scores[scoreId]![source.levels.indexOf(50)]!;
        expect(plain(await row.locator('.standing-quartiles').textContent())).toContain(new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(Math.round(median * 10) / 10));
        expect(await row.locator('svg.quartile-chart rect').count()).toBe(1);
      }
    }
    await section.locator('details.standing-about summary').click();
    expect(plain(await section.locator('details.standing-about').textContent())).toContain(published.source.url);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await headingProblems(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('when the page is on a phone or in English, then it fits and speaks English', async () => {
    const phone = await openPage(suite.browser, h, { width: 390, height: 844 });
    await logIn(phone.page, 'leaderA');
    await visit(phone.page, h, `#/assessments/${id}/result`);
    await phone.page.locator('section.standing').waitFor();
    expect(await fitsWidth(phone.page)).toBe(true);
    await phone.page.getByRole('button', { name: 'Switch to English' }).click();
    await phone.page.getByRole('heading', { level: 2, name: 'Where do you stand?' }).waitFor();
    expect(plain(await phone.page.locator('.standing-intro').textContent())).toContain(`Among the ${published.all.count} organisations`);
    expect(plain(await phone.page.locator('[data-group="all"] [data-standing="global"] .standing-rank').textContent())).toMatch(/(higher than \d+% of them|in the (lowest|top) \d+%)/);
    await phone.page.context().close();
  });

  it('when the leader downloads their plan’s PDF, then it shows the same ranks', async () => {
    const suggestions = (await h.call('leaderA', 'GET', `/assessments/${id}/suggestions?limit=2`)).body.suggestions as { actionId: string }[];
    const plan = (await h.call('leaderA', 'POST', `/assessments/${id}/plans`, { title: 'Plan 2027', actionIds: suggestions.map((s) => s.actionId) })).body as { id: number };
    await visit(page, h, `#/plans/${plan.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le PDF' }).click()]);
    const text = plain(execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');
    expect(text).toContain(`Parmi les ${published.all.count} organisations qui ont publié leur Impact Score`);
    const shown = (await h.call('leaderA', 'GET', `/assessments/${id}/result`)).body.standing as { groups: { scores: { rankText: string }[] }[] };
    for (const s of shown.groups.flatMap((g) => g.scores)) expect(text).toContain(plain(s.rankText));
  });
});
