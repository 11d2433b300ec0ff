import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { PASSWORD, startHarness, type Harness } from '../http/harness.js';

/**
 * Debian's Chromium, driven by playwright-core (no browser download). The flags keep it off the
 * network it would otherwise call at start-up (this machine has none).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The real server on loopback and one Chromium for a test file, both closed after it. */
export function browserSuite(options: Parameters<typeof startHarness>[0] = {}): { h: Harness; browser: Browser } {
  const suite = {} as { h: Harness; browser: Browser };
  beforeAll(async () => {
    suite.h = await startHarness(options);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.h?.close();
  });
  return suite;
}

export interface OpenPage {
  page: Page;
  /** Script errors and failed requests the page met, other than refusals the test provokes (4xx). */
  problems: string[];
}

/** A fresh browser context (its own cookies) on the app, in French unless told otherwise. */
export async function openPage(browser: Browser, h: Harness, options: { width?: number; height?: number; locale?: string } = {}): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: options.height ?? 900 }, locale: options.locale ?? 'fr-FR', acceptDownloads: true });
  const page = await context.newPage();
  // Not a speed limit: a step that never comes should fail the test rather than hang it.
  page.setDefaultTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (400|401|404|409|422)/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.goto(appUrl(h));
  // Ready once the first page has put the focus on its heading.
  await page.locator('h1#page-title:focus').waitFor();
  return { page, problems };
}

/** A page's text with its no-break spaces (French typography, thousands) read as plain ones. */
export const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

export function appUrl(h: Harness, hash = ''): string {
  return `${h.url.replace(/\/api\/v1$/, '')}/${hash}`;
}

export async function logIn(page: Page, who: string): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(`${who}@test.org`);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('header nav').waitFor();
}

/**
 * Opens a page of the app by its address, as a fresh load (a hash change alone would leave the
 * previous page's heading in place for a moment), and waits for its heading to take the focus.
 */
export async function visit(page: Page, h: Harness, hash: string): Promise<void> {
  await page.goto(appUrl(h, hash));
  await page.reload();
  await page.locator('h1#page-title:focus, p.alert[role="alert"]').first().waitFor();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page as it stands. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through DevTools, so the page's CSP (no inline script) does not apply.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Headings never skip a level going down (h2 then h4 would), and there is one h1. */
export async function headingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
      .filter((h) => (h as HTMLElement).offsetParent !== null || h.closest('details'))
      .map((h) => Number(h.tagName[1]));
    const problems: string[] = [];
    if (levels.filter((l) => l === 1).length !== 1) problems.push(`h1 count ${levels.filter((l) => l === 1).length}`);
    levels.forEach((l, i) => {
      if (i > 0 && l > levels[i - 1]! + 1) problems.push(`h${levels[i - 1]} then h${l}`);
    });
    return problems;
  });
}

/** True when nothing sticks out sideways: the page works on a phone-sized screen. */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * Content cut at the side inside its own scrolling box (a wide table scrolls instead of widening
 * the page, so fitsWidth alone misses a column a phone cannot see): the captions of those boxes.
 */
export async function cutContent(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.table-scroll')]
    .filter((box) => box.scrollWidth > box.clientWidth + 1)
    .map((box) => box.querySelector('caption')?.textContent ?? box.className));
}

/** The width in pixels of the narrowest of these elements: text one word a line shows as a narrow column. */
export async function narrowestWidth(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => Math.min(...[...document.querySelectorAll(s)].map((e) => e.getBoundingClientRect().width)), selector);
}

/**
 * Waits until the keyboard focus is on the element with this id: pages move the focus in an
 * effect after they render, so reading it at once races the render.
 */
export async function focusLandsOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id);
}
