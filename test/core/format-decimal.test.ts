import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { formatDecimal } from '../../src/core/format-answer.js';
import type { Lang } from '../../src/core/text.js';

/** What formatDecimal said before its formatters were made once: toLocaleString, which builds one per call. */
const spoken = ([value, lang]: [number, Lang]) => value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 });

describe('numbers as a reader reads them', () => {
  it('when a number is written in French or English, then it reads as toLocaleString writes it: separators, grouping, two decimals at most', async () => {
    const edges = [0, -0, 1, 62.5, 1 / 3, 2.005, -12.75, 1234.5, 1_000_000, 1e21, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE];
    const langs: Lang[] = ['fr', 'en'];
    expect(await differential(spoken, ([v, l]) => formatDecimal(v, l), edges.flatMap((v) => langs.map((l): [number, Lang] => [v, l])))).toBe(28);
    expect(await differential(spoken, ([v, l]) => formatDecimal(v, l), fc.tuple(fc.double(), fc.constantFrom<Lang>('fr', 'en')), { runs: 2000, seed: 22 })).toBe(2000);
    expect(formatDecimal(62.5, 'fr')).toBe('62,5');
  });
});
