import { describe, expect, it } from 'vitest';
import { compareDue, formatDue, parseDue, quarterOf } from '../../src/core/due-date.js';

describe('due dates', () => {
  it.each([
    ['2027-03', '2027-03'], ['2027-3', '2027-03'], ['03/2027', '2027-03'], ['3/2027', '2027-03'], ['03-2027', '2027-03'], ['2027/03', '2027-03'],
    ['03.2027', '2027-03'], ['2027-03-31', '2027-03'], ['mars 2027', '2027-03'], ['Mars 2027', '2027-03'], ['March 2027', '2027-03'], ['févr. 2027', '2027-02'],
    ['fevrier 2027', '2027-02'], ['août 2027', '2027-08'], ['dec 2027', '2027-12'],
    ['2027-Q1', '2027-Q1'], ['2027-q1', '2027-Q1'], ['T1 2027', '2027-Q1'], ['t1 2027', '2027-Q1'], ['Q4 2027', '2027-Q4'], ['Q4-2027', '2027-Q4'],
    ['2027 T2', '2027-Q2'], ['2027-T3', '2027-Q3'], ['  T1  2027 ', '2027-Q1'],
  ])('when "%s" is typed, then it is stored as %s', (typed, stored) => {
    expect(parseDue(typed)).toBe(stored);
  });

  it.each(['2027-13', '13/2027', '0/2027', 'T5 2027', 'Q0 2027', 'bientôt', '2027', '1999-03', '03/27', 'mars', ''])('when "%s" is typed, then it is not a due date', (typed) => {
    expect(parseDue(typed)).toBeUndefined();
  });

  it('when months and quarters are mixed, then they sort in time, a quarter after the months it holds', () => {
    expect(['2027-Q1', '2027-09', '2027-06', '2026-12', '2027-03', '2027-Q3', '2027-02'].sort(compareDue))
      .toEqual(['2026-12', '2027-02', '2027-03', '2027-Q1', '2027-06', '2027-09', '2027-Q3']);
  });

  it('when shown, then a month and a quarter read the same way in both languages', () => {
    expect([formatDue('2027-03', 'fr'), formatDue('2027-Q1', 'fr'), formatDue('2027-08', 'en'), formatDue('2027-Q4', 'en')]).toEqual(['mars 2027', 'T1 2027', 'August 2027', 'Q4 2027']);
    expect([quarterOf('2027-06', 'fr'), quarterOf('2027-Q2', 'en')]).toEqual(['T2 2027', 'Q2 2027']);
  });
});
