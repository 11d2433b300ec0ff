import { describe, expect, it } from 'vitest';
import { browserSuite, logIn, openPage, plain, visit } from './browser.js';
import { waitSaved } from './fill.js';

const suite = browserSuite();

describe('answers are not lost: two tabs, an ended session', () => {
  it('when a second tab saves over the first, then the first explains the conflict, keeps its answer, and saves it on request', async () => {
    const { h, browser } = suite;
    const created = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    const { page: first } = await openPage(browser, h);
    await logIn(first, 'leaderA');
    // Same browser, same session: a second tab.
    const second = await first.context().newPage();
    const hash = `#/assessments/${created.id}/fill/externalities`;
    await visit(first, h, hash);
    await visit(second, h, hash);

    await second.locator('#q-answers-inclusion-hires input[value="25-49"]').check();
    await waitSaved(second);
    await first.locator('#answers-inclusion-disabled-rate').fill('4');
    const conflict = first.locator('[role="alert"]', { hasText: 'Cette évaluation a changé ailleurs' });
    await conflict.waitFor();
    expect(plain(await conflict.textContent())).toContain('4 %');
    expect(await first.locator('[data-save-state="conflict"]').count()).toBe(1);
    // Nothing lost: the value typed is still in its field.
    expect(await first.locator('#answers-inclusion-disabled-rate').inputValue()).toBe('4');

    await conflict.getByRole('button', { name: 'Enregistrer mes réponses par-dessus' }).click();
    await waitSaved(first);
    const stored = (await h.call('leaderA', 'GET', `/assessments/${created.id}`)).body;
    expect(stored.answers).toEqual({ 'inclusion-hires': '25-49', 'inclusion-disabled-rate': 4 });
    // The first tab now shows the other tab's answer too.
    expect(await first.locator('#q-answers-inclusion-hires input[value="25-49"]').isChecked()).toBe(true);
  });

  it('when the user drops their answers after a conflict, then the tab shows what was saved elsewhere', async () => {
    const { h, browser } = suite;
    const created = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    const { page: first } = await openPage(browser, h);
    await logIn(first, 'leaderA');
    const hash = `#/assessments/${created.id}/fill/externalities`;
    await visit(first, h, hash);
    expect((await h.call('leaderA', 'PATCH', `/assessments/${created.id}`, { version: created.version, answers: { 'inclusion-disabled-rate': 9 } })).status).toBe(200);
    await first.locator('#answers-inclusion-disabled-rate').fill('3');
    const conflict = first.locator('[role="alert"]', { hasText: 'Cette évaluation a changé ailleurs' });
    await conflict.waitFor();
    expect(plain(await conflict.textContent())).toContain('valeur enregistrée ailleurs : 9 %');
    await conflict.getByRole('button', { name: 'Abandonner les miennes et recharger' }).click();
    await waitSaved(first);
    // The field takes the reloaded value in the render after the state's (an effect on the value),
    // so it is waited for rather than read at once (read at once, it was '3' in one CI run).
    await first.waitForFunction(() => (document.querySelector('#answers-inclusion-disabled-rate') as HTMLInputElement | null)?.value === '9');
    expect(await first.locator('#answers-inclusion-disabled-rate').inputValue()).toBe('9');
    expect((await h.call('leaderA', 'GET', `/assessments/${created.id}`)).body.answers).toEqual({ 'inclusion-disabled-rate': 9 });
  });

  it('when the session ends while answering, then the user logs in again, lands back on the form, and the answer typed meanwhile is saved', async () => {
    const { h, browser } = suite;
    const created = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    const { page } = await openPage(browser, h);
    await logIn(page, 'leaderA');
    await visit(page, h, `#/assessments/${created.id}/fill/externalities`);
    // The session ends on the server (here: logged out from elsewhere in the same session).
    expect(await page.evaluate(async () => (await fetch('/api/v1/auth/logout', { method: 'POST' })).status)).toBeLessThan(300);
    await page.locator('#answers-inclusion-disabled-rate').fill('5');
    const notice = page.locator('[role="alert"]', { hasText: 'Votre session a expiré' });
    await notice.waitFor();
    await logIn(page, 'leaderA');
    await page.locator('#answers-inclusion-disabled-rate').waitFor();
    await waitSaved(page);
    expect(await page.locator('#answers-inclusion-disabled-rate').inputValue()).toBe('5');
    expect((await h.call('leaderA', 'GET', `/assessments/${created.id}`)).body.answers).toEqual({ 'inclusion-disabled-rate': 5 });
  });
});
