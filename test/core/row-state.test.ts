import { describe, expect, it } from 'vitest';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { compileScorer } from '../../src/core/compiled-scorer.js';
import type { AnswersDocument, AnswerValue } from '../../src/core/content-model.js';
import { indexContent } from '../../src/core/content-index.js';
import { applicabilityOfRow, checkRow, rowBuffers, valuesOf } from '../../src/core/row-state.js';
import { validateAnswers } from '../../src/core/validate-answers.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const compiled = compileScorer(index);
const questionIds = [...index.questions.keys()];
const profileIds = [...index.profileFields.keys()];
// Values that fit some questions and not others: types, bounds, options, n/a, lists.
const ODD: AnswerValue[] = [true, false, 0, -5, 42, 100.5, 1e6, 'n/a', 'oui', 'none', '', 'yes', [], ['none'], ['none', 'none'], ['x']];

// Arrays reused from document to document, as a batch does: nothing of one may show in the next.
const buffers = rowBuffers(compiled);

/**
 * The row check agrees with `validateAnswers` on whether there is a problem, and on every
 * question's standing; in reused arrays, it gives what it gives in fresh ones.
 */
function agree(doc: AnswersDocument): boolean {
  const { issues, applicability } = validateAnswers(index, doc);
  const values = valuesOf(compiled, doc);
  const row = values && checkRow(compiled, values);
  expect([issues.length === 0, doc]).toEqual([row !== undefined, doc]);
  if (!row) return false;
  expect(applicabilityOfRow(compiled, row)).toEqual(applicability);
  const reused = checkRow(compiled, values, buffers)!;
  expect({ ...reused, shown: [...reused.shown], scored: [...reused.scored] }).toEqual({ ...row, shown: [...row.shown], scored: [...row.scored] });
  return true;
}

/** A valid document with one thing changed: a value anywhere (of any type), a field dropped, an unknown key. */
function mutated(doc: AnswersDocument, rand: () => number): AnswersDocument {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const profile = { ...doc.profile };
  const answers = { ...doc.answers };
  const options = (id: string) => index.questions.get(id)?.question.options?.map((o) => o.value) ?? [];
  switch (Math.floor(rand() * 5)) {
    case 0:
      answers[pick(questionIds)] = pick(ODD);
      break;
    case 1:
      answers[pick(questionIds)] = pick([...options(pick(questionIds)), 'n/a']);
      break;
    case 2:
      delete profile[pick(profileIds)];
      break;
    case 3:
      profile[pick(profileIds)] = pick([...ODD, ...(index.profileFields.get(pick(profileIds))?.options?.map((o) => o.value) ?? [])]);
      break;
    default:
      (rand() < 0.5 ? answers : profile)[pick(['nope', ...profileIds, ...questionIds])] = pick(ODD);
  }
  return { profile, answers };
}

describe('row state on arrays against validateAnswers and applicability on maps', () => {
  it('when golden and 600 random valid assessments are checked, then each is valid with the same visibility and status of every question', () => {
    const rand = random(5);
    const docs = [...loaded.value.examples.map((e) => e.data), ...Array.from({ length: 600 }, () => generateAnswers(index, rand))];
    for (const doc of docs) expect(agree(doc)).toBe(true);
  });

  it('when 3,000 assessments are each changed in one place, then the row check finds a problem exactly when validation does', () => {
    const rand = random(11);
    let valid = 0;
    for (let i = 0; i < 3000; i++) if (agree(mutated(generateAnswers(index, rand), rand))) valid++;
    // Both outcomes are exercised: some changes keep the document valid, most do not.
    expect(valid).toBeGreaterThan(100);
    expect(valid).toBeLessThan(2900);
  });
});
