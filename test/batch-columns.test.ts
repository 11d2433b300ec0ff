import { describe, expect, it } from 'vitest';
import { isLabelRow, portfolioColumns } from '../src/batch/columns.js';
import { rowRefs } from '../src/batch/store-refs.js';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);

describe('the columns of a portfolio', () => {
  it('when the template\'s label row is read, in either language, or one an earlier template made, then it is recognised as the label row', () => {
    for (const lang of ['fr', 'en'] as const) expect(isLabelRow({ id: portfolioColumns(index, lang)[0]!.label })).toBe(true);
    expect(isLabelRow({ id: 'Identifiant (SIREN ou référence)' })).toBe(true);
    expect(isLabelRow({ id: 'Identifier (SIREN or reference)' })).toBe(true);
    expect(isLabelRow({ id: 'ORG-1' })).toBe(false);
  });

  it('when the template is made, then every multiple-choice question\'s label says the separator and the word for none, in the reader\'s language', () => {
    const columns = portfolioColumns(index, 'fr');
    const multiple = columns.filter((c) => c.question?.type === 'multiple');
    expect(multiple.length).toBeGreaterThan(10);
    for (const c of multiple) expect(c.label).toMatch(/ \(plusieurs réponses séparées par \|, « aucun » si aucune\)$/);
    for (const c of columns.filter((c) => c.question && c.question.type !== 'multiple')) expect(c.label).not.toContain('séparées');
  });

  it('when a row names its organisation, then only its organisation number and SIREN columns count, each as written (spaces around and inside a SIREN aside)', () => {
    expect(rowRefs(' 12 ', '123 456 789')).toEqual(['organisation:12', 'siren:123456789']);
    expect(rowRefs(12, 123456789)).toEqual(['organisation:12', 'siren:123456789']);
    expect(rowRefs('', null)).toEqual([]);
    // Written otherwise, they name no organisation (a portfolio's keys are written as above).
    expect(rowRefs('012', '12345678')).toEqual(['organisation:012', 'siren:12345678']);
  });
});
