import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
const { content } = loaded.value;
const indicators = content.pillars.flatMap((p) => p.indicators);

describe('the committed content', () => {
  it('when the questionnaires are read, then the 19 indicators are there with 1 to 4 scored questions each, help on every question', () => {
    expect(indicators).toHaveLength(19);
    for (const indicator of indicators) {
      const scored = indicator.questions.filter((q) => q.type !== 'text');
      expect(scored.length, indicator.id).toBeGreaterThanOrEqual(1);
      expect(scored.length, indicator.id).toBeLessThanOrEqual(4);
    }
    const questions = indicators.flatMap((i) => i.questions);
    expect(questions.every((q) => q.help.fr.length > 20 && (q.help.en ?? '').length > 20)).toBe(true);
    const types = new Set(questions.map((q) => q.type));
    expect([...types].sort()).toEqual(['boolean', 'ladder', 'multiple', 'number', 'percentage', 'single', 'text']);
    expect(questions.some((q) => q.appliesTo)).toBe(true);
    expect(questions.some((q) => q.showIf)).toBe(true);
    expect(questions.some((q) => q.notApplicable)).toBe(true);
  });

  it('when the weights are read, then the global is not the plain mean of the pillars', () => {
    const weights = content.weights.pillars.map((p) => p.weight);
    expect(new Set(weights).size).toBeGreaterThan(1);
    // The published example: 76 · 78 · 100 gives 87.
    const [a, b, c] = weights as [number, number, number];
    expect(Math.round((76 * a + 78 * b + 100 * c) / (a + b + c))).toBe(87);
  });

  it('when testimonies and actions are read, then there are at least 25 and 40, two or more actions per indicator, each with a source', () => {
    expect(content.testimonies.length).toBeGreaterThanOrEqual(25);
    expect(content.actions.length).toBeGreaterThanOrEqual(40);
    for (const indicator of indicators) expect(content.actions.filter((a) => a.indicator === indicator.id).length, indicator.id).toBeGreaterThanOrEqual(2);
    expect(content.testimonies.every((t) => t.source.url.startsWith('https://') && t.outcome.en && t.action.en)).toBe(true);
    expect(content.actions.filter((a) => a.testimonies.length > 0).length).toBeGreaterThan(content.actions.length / 2);
  });
});
