import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { engineParts } from '../support/engine-under-test.js';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { STATUSES, VISIBILITIES, type Applicability } from '../../src/core/applicability.js';
import type { AnswersDocument, AnswerValue } from '../../src/core/content-model.js';
import { indexContent } from '../../src/core/content-index.js';
import { validateAnswers } from '../../src/core/validate-answers.js';
import { checkRow, loadDocument, newRowState, type RowState } from '../../src/engine/row-state.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const { rules } = engineParts(index);
const questionIds = [...index.questions.keys()];
const profileIds = [...index.profileFields.keys()];
// Values that fit some questions and not others: types, bounds, options, n/a, lists.
const ODD: AnswerValue[] = [true, false, 0, -5, 42, 100.5, 1e6, 'n/a', 'oui', 'none', '', 'yes', [], ['none'], ['none', 'none'], ['x']];

// A state reused from document to document, as a batch does: nothing of one may show in the next.
const reused = newRowState(rules);

/** The reference: whether validation finds a problem, and where each question stands when it finds none. */
function validated(doc: AnswersDocument): { valid: boolean; applicability?: Applicability } {
  const { issues, applicability } = validateAnswers(index, doc);
  return issues.length === 0 ? { valid: true, applicability } : { valid: false };
}

/** The same from the row check on arrays. */
function checked(doc: AnswersDocument, state: RowState = reused): { valid: boolean; applicability?: Applicability } {
  if (!loadDocument(rules, state, doc) || !checkRow(rules, state)) return { valid: false };
  const visibility = new Map(rules.questions.map((q, n) => [q.entry.question.id, VISIBILITIES[state.visibility[n]!]!]));
  const status = new Map(rules.questions.map((q, n) => [q.entry.question.id, STATUSES[state.status[n]!]!]));
  return { valid: true, applicability: { visibility, status } };
}

/** A checked state's arrays, to compare a reused state with a fresh one. */
function arraysOf(doc: AnswersDocument, state: RowState) {
  const valid = loadDocument(rules, state, doc) && checkRow(rules, state);
  return valid && { visibility: [...state.visibility], status: [...state.status], shown: [...state.shown], scored: [...state.scored], profile: [...state.profile], applies: [...state.applies] };
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
  it('when golden and 600 random valid assessments are checked, then each is valid with the same visibility and status of every question, in reused arrays as in fresh ones', async () => {
    const rand = random(5);
    const docs = [...loaded.value.examples.map((e) => e.data), ...Array.from({ length: 600 }, () => generateAnswers(index, rand))];
    expect(await differential(validated, (doc) => checked(doc), docs)).toBe(606);
    expect(docs.every((doc) => validated(doc).valid)).toBe(true);
    expect(await differential((doc) => arraysOf(doc, newRowState(rules)), (doc) => arraysOf(doc, reused), docs)).toBe(606);
  });

  it('when 3,000 assessments are each changed in one place, then the row check finds a problem exactly when validation does', async () => {
    const rand = random(11);
    const docs = Array.from({ length: 3000 }, () => mutated(generateAnswers(index, rand), rand));
    expect(await differential(validated, (doc) => checked(doc), docs, { name: (doc) => doc })).toBe(3000);
    expect(await differential((doc) => arraysOf(doc, newRowState(rules)), (doc) => arraysOf(doc, reused), docs)).toBe(3000);
    // Both outcomes are exercised: some changes keep the document valid, most do not.
    const valid = docs.filter((doc) => validated(doc).valid).length;
    expect(valid).toBeGreaterThan(100);
    expect(valid).toBeLessThan(2900);
  });
});
