import { describe, expect, it } from 'vitest';
import { parseAnswersDocument } from '../../src/core/answers-document.js';
import { indexContent } from '../../src/core/content-index.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { validateAnswers } from '../../src/core/validate-answers.js';
import { tinyContent } from '../fixtures/tiny-content.js';

const index = indexContent(tinyContent());
const codes = (doc: AnswersDocument) => validateAnswers(index, doc).issues.map((i) => [i.code, i.path]);

describe('answers validation', () => {
  it('when answers are valid, then there is no problem', () => {
    expect(codes({ profile: { headcount: 'big' }, answers: { 'carbon-done': true, 'carbon-level': 'some', 'pay-tools': ['cap'], 'pay-ratio': 4.5, 'water-share': 'n/a' } })).toEqual([]);
  });

  it('when answers have wrong types, unknown options or out-of-range values, then every problem is listed with its path', () => {
    expect(codes({
      profile: { headcount: 'huge', colour: 'red' },
      answers: { 'carbon-done': 'yes', 'pay-ratio': 0, 'water-share': 120, 'pay-tools': ['cap', 'cap', 'gold'], nope: 1 },
    })).toEqual([
      ['unknown-option', '/profile/headcount'],
      ['unknown-profile-field', '/profile/colour'],
      ['invalid-type', '/answers/carbon-done'],
      ['out-of-range', '/answers/pay-ratio'],
      ['out-of-range', '/answers/water-share'],
      ['unknown-option', '/answers/pay-tools/2'],
      ['duplicate-option', '/answers/pay-tools'],
      ['unknown-question', '/answers/nope'],
    ]);
  });

  it('when "none" is ticked with other choices, then the answer is refused', () => {
    const content = tinyContent();
    content.pillars[1]!.indicators[0]!.questions[1]!.options!.push({ value: 'none', label: { fr: 'aucun', en: 'none' } });
    const issues = validateAnswers(indexContent(content), { profile: { headcount: 'small' }, answers: { 'pay-tools': ['cap', 'none'] } }).issues;
    expect(issues.map((i) => [i.code, i.path])).toEqual([['exclusive-option', '/answers/pay-tools']]);
  });

  it('when a required profile field is missing, then it is reported', () => {
    expect(codes({ profile: {}, answers: {} })).toEqual([['missing-answer', '/profile/headcount']]);
  });

  it('when the profile is missing a field, then only that is reported, not the answers it would make out of place', () => {
    // water-plan applies to big organisations only: without a headcount, it would look out of place.
    expect(codes({ profile: {}, answers: { 'water-plan': true } })).toEqual([['missing-answer', '/profile/headcount']]);
    expect(codes({ profile: { headcount: 'huge' }, answers: { 'water-plan': true } })).toEqual([['unknown-option', '/profile/headcount']]);
  });

  it('when "n/a" is given where the question does not allow it, then it is refused', () => {
    expect(codes({ profile: { headcount: 'big' }, answers: { 'carbon-done': 'n/a' } })).toEqual([['not-applicable-not-allowed', '/answers/carbon-done']]);
  });

  it('when a question does not apply to the profile, then its answer is refused', () => {
    expect(codes({ profile: { headcount: 'small' }, answers: { 'water-plan': true } })).toEqual([['question-not-applicable', '/answers/water-plan']]);
  });

  it('when a question is hidden by an earlier answer, then its answer is refused', () => {
    expect(codes({ profile: { headcount: 'small' }, answers: { 'carbon-done': false, 'carbon-level': 'all' } })).toEqual([['question-hidden', '/answers/carbon-level']]);
  });

  it('when a number question gets a fraction but wants whole numbers, then it is refused', () => {
    const content = tinyContent();
    content.pillars[1]!.indicators[0]!.questions[0]!.integer = true;
    const issues = validateAnswers(indexContent(content), { profile: { headcount: 'small' }, answers: { 'pay-ratio': 2.5 } }).issues;
    expect(issues.map((i) => i.code)).toEqual(['not-integer']);
  });

  it('when messages are read, then they exist in French and English', () => {
    const [problem] = validateAnswers(index, { profile: { headcount: 'small' }, answers: { 'water-share': 150 } }).issues;
    expect(problem?.message.fr).toContain('hors des bornes');
    expect(problem?.message.en).toContain('out of bounds');
  });
});

describe('answers document shape', () => {
  it('when the document has unknown fields or wrong types, then each is reported with its path in both languages', () => {
    const outcome = parseAnswersDocument({ profile: { headcount: 'big' }, answers: { a: { nested: true } }, extra: 1 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-value', '/answers/a'],
      ['unknown-field', '/extra'],
    ]);
    expect(outcome.issues[1]!.message).toEqual({ fr: 'Champ inconnu\u00a0: «\u00a0extra\u00a0».', en: 'Unknown field "extra".' });
  });

  it('when profile or answers are missing, then both are reported', () => {
    const outcome = parseAnswersDocument({});
    expect(outcome.ok ? [] : outcome.issues.map((i) => i.path)).toEqual(['/profile', '/answers']);
  });
});
