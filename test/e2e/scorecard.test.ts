import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples, type Harness, type Who } from '../http/harness.js';
import { accessibilityViolations, browserSuite, fitsWidth, headingProblems, logIn, openPage, plain, visit } from './browser.js';

const suite = browserSuite();
let h: Harness;
let browser: Browser;
let page: Page;
let problems: string[];
let esusId: number;
let scopId: number;

/** Text as compared here: French typography's non-breaking spaces read as spaces. */

async function expectAccessible(p: Page): Promise<void> {
  expect(await accessibilityViolations(p)).toEqual([]);
  expect(await headingProblems(p)).toEqual([]);
}

async function submitted(who: Who, organisation: number, example: string): Promise<number> {
  const draft = (await h.call(who, 'POST', `/organisations/${organisation}/assessments`)).body;
  const saved = (await h.call(who, 'PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: examples.get(example)!.answers })).body;
  return (await h.call(who, 'POST', `/assessments/${draft.id}/submit`, { version: saved.version })).body.id;
}

beforeAll(async () => {
  ({ h, browser } = suite);
  esusId = await submitted('leaderA', h.orgA, 'insertion-esus');
  scopId = await submitted('leaderB', h.orgB, 'scop-40');
  ({ page, problems } = await openPage(browser, h));
  await logIn(page, 'leaderA');
});

describe('the result as a scorecard, and the suggestions that answer its gaps', () => {
  it('when a leader opens a result, then it says what the score means, its three strengths and three priorities with their reasons and the actions for each gap', async () => {
    await visit(page, h, `#/assessments/${esusId}/result`);
    const api = (await h.call('leaderA', 'GET', `/assessments/${esusId}/result`)).body;
    const suggestions = (await h.call('leaderA', 'GET', `/assessments/${esusId}/suggestions?limit=200`)).body.suggestions as { actionId: string; indicator: string; title: string }[];
    expect(await page.locator('.score-meaning').textContent().then(plain)).toContain('moyenne de ses indicateurs pondérée');
    const strengths = page.locator('.highlights-strengths [data-highlight]');
    expect(await strengths.evaluateAll((els) => els.map((e) => e.getAttribute('data-highlight')))).toEqual(api.report.strongest.slice(0, 3).map((i: { id: string }) => i.id));
    expect(await strengths.first().textContent().then(plain)).toMatch(/Acquis : /);
    const priorities = page.locator('.highlights-priorities [data-highlight]');
    expect(await priorities.evaluateAll((els) => els.map((e) => e.getAttribute('data-highlight')))).toEqual(api.report.weakest.slice(0, 3).map((i: { id: string }) => i.id));
    const weakest = api.report.weakest[0].id as string;
    const gap = page.locator(`.highlights-priorities [data-highlight="${weakest}"]`);
    expect(await gap.textContent().then(plain)).toMatch(/À gagner : .+ \(\d+ pts\)/);
    const actions = suggestions.filter((s) => s.indicator === weakest);
    expect(await gap.locator('.gap-actions a').allTextContents().then((all) => all.map(plain))).toEqual(actions.slice(0, 2).map((a) => plain(a.title)));
    // The content version is for the curious, under technical details, not a headline.
    expect(plain(await page.locator('main').innerText())).not.toContain(api.report.contentVersion);
    await page.locator('details.technical summary').click();
    expect(await page.locator('details.technical').textContent().then(plain)).toContain(api.report.contentVersion);
    await expectAccessible(page);
  });

  it('when the points detail is opened, then it names the questions in words, never a rule id, and a ladder ticks only the step that counts', async () => {
    const carbon = page.locator('[data-indicator="carbon-measured"]');
    await carbon.locator('details summary').click();
    const text = plain(await carbon.locator('.criteria').textContent());
    expect(text).toContain('« De quand date votre dernière mesure ? » : Moins de deux ans');
    expect(text).not.toMatch(/[a-z-]+\.[a-z0-9-]+\.[a-z0-9-]+/);
    const recency = carbon.locator('.criteria > li', { hasText: 'De quand date votre dernière mesure' });
    expect(await recency.locator('.step-counted').allTextContents().then((all) => all.map(plain))).toEqual([expect.stringContaining('Mesure datant de moins de deux ans — 14 pts')]);
    expect(await recency.locator('.step', { hasText: 'moins de quatre ans' }).count()).toBe(1);
    expect(await recency.locator('.step', { hasText: 'moins de quatre ans' }).textContent().then(plain)).toContain('non obtenu');
    await expectAccessible(page);
  });

  it('when a gap’s actions are followed, then the suggestions page shows that indicator’s actions, then all on request', async () => {
    const weakest = (await h.call('leaderA', 'GET', `/assessments/${esusId}/result`)).body.report.weakest[0] as { id: string; title: string };
    await page.locator(`.highlights-priorities [data-highlight="${weakest.id}"] .gap-actions a`).first().click();
    await page.getByRole('heading', { level: 1, name: 'Actions suggérées' }).waitFor();
    await page.locator('p[role="status"]', { hasText: `Actions suggérées pour « ${weakest.title} »` }).waitFor();
    const shown = await page.locator('.suggestion-group > article.suggestion').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    const all = (await h.call('leaderA', 'GET', `/assessments/${esusId}/suggestions?limit=30`)).body.suggestions as { actionId: string; indicator: string }[];
    expect(shown).toEqual(all.filter((s) => s.indicator === weakest.id).map((s) => s.actionId));
    await page.getByRole('button', { name: 'Voir toutes les actions' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.suggestion-group').length === n, all.length);
  });

  it('when suggestions are listed, then they say how they are ranked, an action that builds on another follows it, and no empty testimony list is offered', async () => {
    const { page: scop } = await openPage(browser, h);
    await logIn(scop, 'leaderB');
    await visit(scop, h, `#/assessments/${scopId}/suggestions`);
    expect(await scop.locator('main > section > p').first().textContent().then(plain)).toContain('Classées par points gagnés pour l’effort demandé');
    const group = scop.locator('.suggestion-group', { has: scop.locator('article[data-action="core-impact-measure-and-publish"]') });
    const cards = await group.locator('article.suggestion').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(cards).toEqual(['core-impact-measure-and-publish', 'core-impact-independent-review']);
    const followUp = group.locator('[data-action="core-impact-independent-review"]');
    expect(await followUp.locator('.builds-on').textContent().then(plain)).toContain('S’appuie sur « Définir des indicateurs d’impact et publier les résultats chaque année »');
    expect(await followUp.locator('.gain').textContent().then(plain)).toMatch(/^\+\d+(,\d)? points? au global$/);
    expect(await scop.locator('summary', { hasText: '(0)' }).count()).toBe(0);
    await followUp.getByRole('button', { name: /Créer un plan avec cette action/ }).click();
    await followUp.getByText('Dans le plan').waitFor();
    await expectAccessible(scop);
    await scop.setViewportSize({ width: 390, height: 800 });
    expect(await fitsWidth(scop)).toBe(true);
  });

  it('when organisations are listed, then a leader is a member and an advisor has them in a portfolio', async () => {
    await visit(page, h, '#/organisations');
    expect(await page.locator('.cards li .muted').allTextContents().then((all) => all.map(plain))).toEqual(['membre']);
    const { page: advisor } = await openPage(browser, h);
    await logIn(advisor, 'advisorA');
    await visit(advisor, h, '#/organisations');
    expect(await advisor.locator('.cards li .muted').allTextContents().then((all) => all.map(plain))).toEqual(['dans votre portefeuille']);
  });

  it('when the result is read on a phone, then nothing sticks out sideways', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await visit(page, h, `#/assessments/${esusId}/result`);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page);
  });

  it('then the browser met no script error on the way', () => {
    expect(problems).toEqual([]);
  });
});
