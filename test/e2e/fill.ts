import type { Page } from 'playwright-core';
import type { AnswerValue } from '../../src/core/content-model.js';
import type { Harness } from '../http/harness.js';

interface PresentedQuestion {
  id: string;
  type: string;
  options?: { value: string }[];
}

interface Presented {
  pillars: { id: string; indicators: { questions: PresentedQuestion[] }[] }[];
}

export async function questionnaireOf(h: Harness): Promise<Presented> {
  return (await fetch(`${h.url}/questionnaires`)).json() as Promise<Presented>;
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor();
}

/** Answers one question through its controls, as a person would. */
export async function answer(page: Page, question: PresentedQuestion, value: AnswerValue): Promise<void> {
  const box = page.locator(`#q-answers-${question.id}`);
  if (value === 'n/a') {
    await box.getByLabel('Sans objet').check();
    return;
  }
  switch (question.type) {
    case 'single':
    case 'ladder':
      if ((question.options?.length ?? 0) > 7) await page.locator(`#answers-${question.id}`).selectOption(String(value));
      else await box.locator(`input[type="radio"][value="${String(value)}"]`).check();
      return;
    case 'boolean':
      await box.locator(`input[type="radio"][value="${String(value)}"]`).check();
      return;
    case 'multiple':
      for (const v of value as string[]) await box.locator(`input[type="checkbox"][value="${v}"]`).check();
      return;
    default:
      await page.locator(`#answers-${question.id}`).fill(String(value));
  }
}

/**
 * Fills in every pillar section from a set of answers, going back over a section while answering
 * reveals follow-up questions (their visibility comes back with each save).
 */
export async function fillPillars(page: Page, h: Harness, assessmentId: number, answers: Record<string, AnswerValue>): Promise<void> {
  const content = await questionnaireOf(h);
  for (const pillar of content.pillars) {
    await page.getByRole('link', { name: new RegExp(pillar.id === 'externalities' ? 'Limiter' : pillar.id === 'sharing' ? 'Partager' : 'Stratégie') }).first().click();
    await page.waitForURL(`**/#/assessments/${assessmentId}/fill/${pillar.id}`);
    // The address changes before the section renders: read only this pillar's section, once it is there,
    // or the previous pillar's questions may still be listed (seen once in CI).
    const section = page.locator(`section[aria-labelledby="section-${pillar.id}"]`);
    await section.waitFor();
    const questions = new Map(pillar.indicators.flatMap((i) => i.questions).map((q) => [q.id, q]));
    const done = new Set<string>();
    for (;;) {
      const shown = (await section.locator('.question').evaluateAll((els) => els.map((e) => e.id))).map((id) => id.replace(/^q-answers-/, ''));
      const todo = shown.filter((id) => !done.has(id));
      if (todo.length === 0) break;
      for (const id of todo) {
        done.add(id);
        const value = answers[id];
        if (value !== undefined) await answer(page, questions.get(id)!, value);
      }
      await waitSaved(page);
    }
  }
}
