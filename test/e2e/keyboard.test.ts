import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../http/harness.js';
import { accessibilityViolations, browserSuite, openPage, visit } from './browser.js';
import { waitSaved } from './fill.js';

const suite = browserSuite();

const focused = (page: import('playwright-core').Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  const style = el ? getComputedStyle(el) : null;
  return { tag: el?.tagName.toLowerCase(), id: el?.id, label: el?.getAttribute('aria-label') ?? el?.textContent?.trim(), outline: style?.outlineStyle, shadow: style?.boxShadow };
});

describe('keyboard only', () => {
  it('when a leader uses only the keyboard, then they log in, reach the form and answer, with the focus always visible', async () => {
    const { h, browser } = suite;
    const created = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
    const { page } = await openPage(browser, h);
    // The page opens with the focus on its heading; the next stop is the form.
    expect((await focused(page)).label).toBe('Connexion');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('login-email');
    await page.keyboard.type('leaderA@test.org');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('login-password');
    // Our own focus ring (3 px solid), not the browser's default.
    expect((await focused(page)).outline).toBe('solid');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Vos organisations' }).waitFor();
    // A new page puts the focus on its heading.
    expect((await focused(page)).tag).toBe('h1');

    await visit(page, h, `#/assessments/${created.id}/fill/externalities`);
    await page.locator('#q-answers-inclusion-hires input[value="0"]').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await waitSaved(page);
    const stored = (await h.call('leaderA', 'GET', `/assessments/${created.id}`)).body;
    expect(stored.answers['inclusion-hires']).toBe('1-9');
    const radio = await focused(page);
    expect(radio.outline === 'solid' || (radio.shadow ?? 'none') !== 'none').toBe(true);
  });

  it('when a control has no label, then the accessibility check reports it (the check itself works)', async () => {
    const { h, browser } = suite;
    const { page } = await openPage(browser, h);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.evaluate(() => document.querySelector('form')!.append(document.createElement('input')));
    expect((await accessibilityViolations(page)).map((v) => v.id)).toContain('label');
  });
});
