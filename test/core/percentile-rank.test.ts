import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { percentileRank } from '../../src/core/percentile-rank.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
const published = loaded.value.content.published!;
/** Every distribution the content ships: all organisations' and each region's, global and pillars. */
const distributions = [published.all, ...Object.values(published.regions)].flatMap((g) => Object.values(g.scores).map((values) => ({ levels: g.levels, values })));
const asNumber = (r: ReturnType<typeof percentileRank>) => (r.kind === 'below' ? 0 : r.kind === 'above' ? 100 : r.percent);

describe('percentile rank from quantiles', () => {
  it('when a score is one of the shipped quantiles, then its rank is that quantile’s level (the middle of the levels it spans when several are equal)', () => {
    for (const { levels, values } of distributions) {
      values.forEach((v, i) => {
        const span = levels.filter((_, j) => values[j] === v);
        expect(percentileRank(levels, values, v)).toEqual({ kind: 'within', percent: (span[0]! + span.at(-1)!) / 2 });
        if (span.length === 1) expect(percentileRank(levels, values, v).percent).toBe(levels[i]);
      });
    }
  });

  it('when a score rises, then its rank never falls, and it stays between 0 and 100', () => {
    fc.assert(fc.property(fc.constantFrom(...distributions), fc.double({ min: -20, max: 140, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), ({ levels, values }, score, step) => {
      const low = asNumber(percentileRank(levels, values, score));
      const high = asNumber(percentileRank(levels, values, score + step));
      return low <= high && low >= 0 && high <= 100;
    }), { numRuns: 2000 });
  });

  it('when a score is outside the first and last quantiles, then only the side is known: the lowest or the top share', () => {
    for (const { levels, values } of distributions) {
      expect(percentileRank(levels, values, values[0]! - 0.01)).toEqual({ kind: 'below', percent: levels[0] });
      expect(percentileRank(levels, values, values.at(-1)! + 0.01)).toEqual({ kind: 'above', percent: 100 - levels.at(-1)! });
    }
  });

  it('when a score falls between two quantiles, then its rank is read off the line between them', () => {
    const { levels, values } = distributions[0]!;
    const i = values.findIndex((v, j) => j > 0 && v > values[j - 1]!);
    const middle = (values[i - 1]! + values[i]!) / 2;
    expect(percentileRank(levels, values, middle).percent).toBeCloseTo((levels[i - 1]! + levels[i]!) / 2, 9);
  });
});
