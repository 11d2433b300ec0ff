import { describe, expect, it } from 'vitest';
import type { PeerEntry } from '../../src/core/peer-group.js';
import { portfolioComparison, quartilePosition } from '../../src/core/portfolio-comparison.js';
import { quantile } from '../../src/core/quantile.js';

function entry(organisationId: number, global: number, profile: Record<string, unknown> = { headcount: '10-49', sector: 'H' }): PeerEntry {
  return { organisationId, profile, result: { global, pillars: [{ id: 'externalities', score: global, weight: 1, indicators: [] }] } };
}

describe('an advisor’s portfolio against the instance', () => {
  it('when four consenting organisations are outside the portfolio, then the instance shows nothing; a fifth makes its quartiles shown, the portfolio’s own never in them', () => {
    const portfolio = [entry(1, 90), entry(2, 95)];
    // The portfolio's organisations agreed too: they must not count on the instance's side.
    const four = [...portfolio, entry(10, 40), entry(11, 42), entry(12, 44), entry(13, 46)];
    expect(portfolioComparison(portfolio, four).instance).toBeNull();
    const five = [...four, entry(14, 48)];
    const { instance } = portfolioComparison(portfolio, five);
    expect(instance!.count).toBe(5);
    const outside = [40, 42, 44, 46, 48];
    expect(instance!.figures.global).toEqual({ count: 5, quartiles: [quantile(outside, 0.25), quantile(outside, 0.5), quantile(outside, 0.75)] });
  });

  it('when the portfolio has organisations that did not agree, then they are on the portfolio’s side (the advisor reads each) with any count', () => {
    const portfolio = [entry(1, 30), entry(2, 50)];
    const { portfolio: side } = portfolioComparison(portfolio, []);
    expect(side).toEqual({ count: 2, figures: { global: { count: 2, quartiles: [35, 40, 45] }, externalities: { count: 2, quartiles: [35, 40, 45] } } });
  });

  it('when an organisation of the portfolio is placed, then it is in the group its leader sees: itself left out, the rest of the portfolio counted if it agreed, nothing under five', () => {
    const portfolio = [entry(1, 90), entry(2, 10)];
    const consenting = [entry(2, 10), entry(20, 50), entry(21, 50), entry(22, 50)];
    expect(portfolioComparison(portfolio, consenting).groups.get(1)).toBeNull();
    const group = portfolioComparison(portfolio, [...consenting, entry(23, 60)]).groups.get(1)!;
    expect(group).toMatchObject({ level: 'size-and-sector', count: 5 });
    expect(group.figures.global!.quartiles).toEqual([50, 50, 50]);
  });

  it('when a score is placed in quartiles, then each boundary falls on one side only', () => {
    const q: [number, number, number] = [40, 50, 60];
    expect([39, 40, 49, 50, 51, 60, 61].map((s) => quartilePosition(s, q))).toEqual(['lowest-quarter', 'below-median', 'below-median', 'at-median', 'above-median', 'above-median', 'highest-quarter']);
  });
});
