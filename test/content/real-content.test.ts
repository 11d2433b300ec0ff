import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadContent } from '../../src/content/load-content.js';
import { weightedAverage } from '../../src/core/aggregate.js';

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

  it('when the weights are read, then the global is not the plain mean of the pillars, and their evidence names them with its sources', () => {
    const weights = content.weights.pillars.map((p) => p.weight);
    expect(new Set(weights).size).toBeGreaterThan(1);
    const evidence = content.weights.evidence!;
    // The note and the weights cannot drift apart: the note states the weights the content uses.
    for (const lang of ['fr', 'en'] as const) expect(evidence.note[lang]).toContain(weights.join(' / '));
    expect(evidence.sources.length).toBeGreaterThan(0);
    expect(evidence.sources.every((s) => s.url.startsWith('https://'))).toBe(true);
  });

  it('when pillars are given to the cent, then the content’s aggregation gives the global of the published rule (32 % · 32 % · 36 %) to the cent', () => {
    const weights = content.weights.pillars.map((p) => p.weight);
    // Pillars as published from 2021 to 2023: two decimals, sometimes above 100 or below 0.
    const cents = fc.integer({ min: -1000, max: 13000 });
    fc.assert(fc.property(cents, cents, cents, (e, s, t) => {
      const ours = weightedAverage([e, s, t].map((c, i) => ({ score: c / 100, weight: weights[i]! })))!;
      // The published rule in whole numbers: 32 e + 32 s + 36 t hundredths of a cent.
      const published = Math.round((32 * e + 32 * s + 36 * t) / 100);
      return Math.round(ours * 100) === published;
    }), { numRuns: 2000 });
  });

  it('when testimonies and actions are read, then there are at least 25 and 40, two or more actions per indicator, each with a source', () => {
    expect(content.testimonies.length).toBeGreaterThanOrEqual(25);
    expect(content.actions.length).toBeGreaterThanOrEqual(40);
    for (const indicator of indicators) expect(content.actions.filter((a) => a.indicator === indicator.id).length, indicator.id).toBeGreaterThanOrEqual(2);
    expect(content.testimonies.every((t) => t.source.url.startsWith('https://') && t.outcome.en && t.action.en)).toBe(true);
    expect(content.actions.filter((a) => a.testimonies.length > 0).length).toBeGreaterThan(content.actions.length / 2);
  });
});
