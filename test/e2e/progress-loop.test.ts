import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { examples, type Harness } from '../http/harness.js';
import { browserSuite, logIn, openPage, plain, visit } from './browser.js';
import { answer, fillPillars, questionnaireOf, waitSaved } from './fill.js';

const suite = browserSuite();
const fr = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n);

interface Change { question: string; to: string | string[] }
interface Suggested { actionId: string; title: string; indicator: string; changes: Change[] }
interface Move { before: number; after: number; delta: number }

/**
 * The loop the product is for, as a leader and an expert live it in Chromium: score, plan, get the
 * plan approved, act, score again from the previous answers, and read what the plan changed.
 */
describe('the progress loop, round and back', () => {
  it('when a leader assesses, plans, gets the plan approved, records two actions done and re-assesses, then the bilan sets intended beside achieved, on the page and in its PDF', async () => {
    const { h, browser } = suite;
    const { page, problems } = await openPage(browser, h);
    await logIn(page, 'leaderA');

    // 1. Assess: every pillar through the form, then submit once the dialog asks.
    const first = await startAssessment(page, h);
    await fillPillars(page, h, first, examples.get('insertion-esus')!.answers);
    await submitAssessment(page, first, 1);

    // 2. Plan from the suggestions: two actions on questions the form asks plainly, and a third left to do.
    const suggested = (await h.call('leaderA', 'GET', `/assessments/${first}/suggestions?limit=30`)).body.suggestions as Suggested[];
    const [a, b, c] = await pickActions(h, suggested);
    await page.getByRole('link', { name: 'Actions suggérées', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Actions suggérées' }).waitFor();
    await page.locator(`[data-action="${a.actionId}"]`).getByRole('button', { name: /Créer un plan avec cette action/ }).click();
    for (const action of [a, b, c]) {
      const card = page.locator(`[data-action="${action.actionId}"]`);
      if (action !== a) await card.getByRole('button', { name: /Ajouter au plan/ }).click();
      await card.getByText('Dans le plan').waitFor();
    }
    await page.getByRole('link', { name: /Ouvrir le plan \(3\)/ }).click();
    await page.waitForURL(/#\/plans\/\d+$/);
    const planId = Number(page.url().match(/plans\/(\d+)/)![1]);
    await page.locator('.plan-item').nth(2).waitFor();

    // 3. Submitted to the expert (past the warning: no owners nor dates yet).
    await page.getByRole('button', { name: 'Soumettre à l’expert' }).click();
    await page.getByRole('button', { name: 'Soumettre quand même' }).click();
    await page.locator('[data-plan-status="submitted"]').waitFor();

    // 4. The expert, in a browser of their own, approves it from their queue.
    const expert = await openPage(browser, h);
    await logIn(expert.page, 'expertA');
    await expert.page.getByRole('heading', { level: 1, name: 'Plans à relire' }).waitFor();
    await expert.page.locator(`.review-queue [data-plan="${planId}"] a`).click();
    await expert.page.getByLabel('Commentaire accompagnant la décision (facultatif)').fill('Plan clair : allez-y.');
    await expert.page.getByRole('button', { name: 'Approuver le plan' }).click();
    await expert.page.locator('[data-plan-status="approved"]').waitFor();

    // 5. The leader records progress in one click: two actions done, and the approval holds.
    await visit(page, h, `#/plans/${planId}`);
    expect(plain(await page.locator('section.decision h2').textContent())).toBe('Décision de l’expert : plan approuvé');
    const items = (await h.call('leaderA', 'GET', `/plans/${planId}`)).body.items as { id: number; actionId: string; displayTitle: string }[];
    const itemOf = (action: Suggested) => items.find((i) => i.actionId === action.actionId)!;
    for (const action of [a, b]) {
      const item = itemOf(action);
      await page.locator(`[data-item="${item.id}"]`).getByRole('group', { name: /^Avancement de/ }).getByRole('button', { name: 'fait' }).click();
      await page.locator(`[data-item="${item.id}"][data-status="done"]`).waitFor();
      expect(await page.locator('[data-plan-status]').getAttribute('data-plan-status')).toBe('approved');
    }
    const progressed = (await h.call('leaderA', 'GET', `/plans/${planId}`)).body;
    expect(progressed).toMatchObject({ status: 'approved', lastDecision: { decision: 'approve' } });
    expect(progressed.items.map((i: { status: string }) => i.status)).toEqual(['done', 'done', 'todo']);

    // 6. Assessed again: the form starts from the previous answers, and only what the done actions changed is changed.
    const second = await startAssessment(page, h);
    expect(plain(await page.locator('.carried-summary').textContent())).toContain('reprend les réponses de l’évaluation n° 1');
    const changes = [...a.changes, ...b.changes];
    await improve(page, h, second, changes);
    const n = changes.length;
    expect(plain(await page.locator('.carried-summary').textContent())).toContain(`${n} réponse${n > 1 ? 's' : ''} modifiée${n > 1 ? 's' : ''} depuis`);
    await submitAssessment(page, second, 2);
    await page.locator(`[data-moved="${a.indicator}"]`).waitFor();

    // 7. The bilan on the page: for each done action, what was intended beside what was achieved.
    await page.locator('.what-moved').getByRole('link', { name: 'Comparer avec l’évaluation précédente' }).click();
    await page.getByRole('heading', { level: 1, name: 'Comparaison des évaluations' }).waitFor();
    const bilan = (await h.call('leaderA', 'GET', `/assessments/${second}/comparison`)).body.plans[0] as {
      items: { id: number; displayTitle: string; projected: { indicator: Move; global: number } | null; achieved: Move }[];
      scores: { id: string; before: number; projected: number; achieved: number }[];
    };
    const section = page.locator(`[data-bilan="${planId}"]`);
    await section.waitFor();
    for (const action of [a, b]) {
      const entry = bilan.items.find((i) => i.id === itemOf(action).id)!;
      // Done exactly as the action says: the indicator moved as intended.
      expect(entry.achieved).toEqual(entry.projected!.indicator);
      const card = section.locator(`[data-item="${entry.id}"]`);
      const intended = plain(await card.locator('[data-col="intended"]').textContent());
      const achieved = plain(await card.locator('[data-col="achieved"]').textContent());
      expect(intended).toMatch(new RegExp(`^${fr(entry.achieved.before)} → ${fr(entry.achieved.after)} \\(\\+[\\d,]+ points?\\) · \\+[\\d,]+ points? au global$`));
      expect(achieved).toBe(intended.split(' · ')[0]);
    }
    const undone = bilan.items.find((i) => i.id === itemOf(c).id)!;
    expect(plain(await section.locator(`[data-item="${undone.id}"] [data-col="achieved"]`).textContent())).toMatch(/\(0 point\)$/);
    const global = bilan.scores[0]!;
    // The third action was not done: less achieved than projected, more than before.
    expect(global.before < global.achieved && global.achieved < global.projected).toBe(true);
    const row = section.locator('tr[data-bilan-row="global"]');
    expect(plain(await row.locator('[data-col="before"]').textContent())).toBe(fr(global.before));
    expect(plain(await row.locator('[data-col="projected"]').textContent())).toContain(fr(global.projected));
    expect(plain(await row.locator('[data-col="achieved"]').textContent())).toContain(fr(global.achieved));

    // 8. The bilan's PDF says the same, each done action's intended figures followed by the achieved ones.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le bilan (PDF)' }).click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = plain(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');
    for (const action of [a, b]) {
      const entry = bilan.items.find((i) => i.id === itemOf(action).id)!;
      const after = text.slice(text.indexOf(plain(entry.displayTitle).slice(0, 30)));
      const move = `${fr(entry.achieved.before)} → ${fr(entry.achieved.after)}`;
      expect(after).toMatch(new RegExp(`^.{0,400}?Prévu : ${move} \\(\\+[\\d,]+ points?\\) sur l’indicateur ; \\+[\\d,]+ points? au global Obtenu : ${move} \\(\\+[\\d,]+ points?\\) sur l’indicateur`));
    }
    expect(text).toMatch(new RegExp(`Score global ${fr(global.before)} ${fr(global.projected)} \\(\\+[\\d,]+\\) ${fr(global.achieved)} \\(\\+[\\d,]+\\)`));
    expect(text).toContain('Avant (n° 1)');
    expect(text).toContain('Obtenu (n° 2)');
    expect([...problems, ...expert.problems]).toEqual([]);
  });
});

/** Starts an assessment from the organisation's page and returns its id, once its form is there. */
async function startAssessment(page: Page, h: Harness): Promise<number> {
  await visit(page, h, `#/organisations/${h.orgA}`);
  await page.getByRole('button', { name: 'Nouvelle évaluation' }).click();
  await page.waitForURL(/#\/assessments\/\d+\/fill\/profile$/);
  await page.getByRole('heading', { level: 2, name: 'Profil de l’organisation' }).waitFor();
  return Number(page.url().match(/assessments\/(\d+)/)![1]);
}

/** Submits the open form, confirming in the dialog, and waits for the result. */
async function submitAssessment(page: Page, id: number, number: number): Promise<void> {
  await page.getByRole('button', { name: 'Soumettre l’évaluation' }).click();
  const dialog = page.locator('dialog[open]');
  await dialog.getByRole('heading', { name: `Soumettre l’évaluation n° ${number} ?` }).waitFor();
  await dialog.getByRole('button', { name: 'Soumettre', exact: true }).click();
  await page.waitForURL(`**/#/assessments/${id}/result`);
  await page.getByRole('heading', { level: 1, name: `Résultat de l’évaluation n° ${number}` }).waitFor();
}

/**
 * Two suggested actions whose changes are single choices on questions already shown (the form
 * answers them in place), on two different indicators; and a third, to stay undone.
 */
async function pickActions(h: Harness, suggested: Suggested[]): Promise<[Suggested, Suggested, Suggested]> {
  const types = new Map((await questionnaireOf(h)).pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions)).map((q) => [q.id, q.type]));
  const answered = examples.get('insertion-esus')!.answers;
  const simple = suggested.filter((s) => s.changes.every((ch) => ['single', 'ladder'].includes(types.get(ch.question)!) && answered[ch.question] !== undefined));
  const a = simple[0]!;
  const b = simple.find((s) => s.indicator !== a.indicator)!;
  const c = suggested.find((s) => s !== a && s !== b && s.indicator !== a.indicator && s.indicator !== b.indicator)!;
  return [a, b, c];
}

/** Changes answers through the form, pillar by pillar, as the actions done would have them. */
async function improve(page: Page, h: Harness, assessmentId: number, changes: Change[]): Promise<void> {
  const content = await questionnaireOf(h);
  for (const pillar of content.pillars) {
    const questions = new Map(pillar.indicators.flatMap((i) => i.questions).map((q) => [q.id, q]));
    const here = changes.filter((ch) => questions.has(ch.question));
    if (here.length === 0) continue;
    await visit(page, h, `#/assessments/${assessmentId}/fill/${pillar.id}`);
    await page.locator(`section[aria-labelledby="section-${pillar.id}"]`).waitFor();
    for (const change of here) {
      // Carried over from the first assessment until changed.
      await page.locator(`#q-answers-${change.question} .origin-carried`).waitFor();
      await answer(page, questions.get(change.question)!, change.to as string);
      await page.locator(`#q-answers-${change.question} .origin-changed`).waitFor();
    }
    await waitSaved(page);
  }
}
