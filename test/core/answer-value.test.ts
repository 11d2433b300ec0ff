import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { answerValidator, checkAnswerValue, MAX_TEXT_LENGTH } from '../../src/core/answer-value.js';
import type { Question } from '../../src/core/content-model.js';
import { tinyContent } from '../fixtures/tiny-content.js';
import { differential } from '../support/differential.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');

const questionsOf = (content: ReturnType<typeof tinyContent>): Question[] => [
  ...content.profile.questions,
  ...content.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions)),
];
const questions = [...questionsOf(loaded.value.content), ...questionsOf(tinyContent())];

/** Values near what each question accepts: its options alone, in lists (with repeats and "none"), its bounds and just past them. */
function valuesFor(q: Question): unknown[] {
  const options = q.options?.map((o) => o.value) ?? [];
  const bounds = [q.min, q.max].filter((b): b is number => b !== undefined).flatMap((b) => [b, b - 0.5, b + 0.5, b + 1]);
  return [
    ...options, ...options.map((o) => [o]), ...options.map((o, i) => [o, options[(i + 1) % options.length]]), ...options.map((o) => [o, o]),
    ['none'], ['none', ...options.slice(0, 1)], [...options], [3], [options[0], 3],
    ...bounds, 0, -1, 50, 100, 101, 2.5, Number.NaN, Number.POSITIVE_INFINITY, true, false, 'n/a', '', 'x', 'x'.repeat(MAX_TEXT_LENGTH), 'x'.repeat(MAX_TEXT_LENGTH + 1), null, undefined, {}, [],
  ];
}

describe('the answer validator made once per question', () => {
  it('when every question of the content is given values near and past what it accepts, then it says valid exactly when checkAnswerValue finds no problem', async () => {
    const cases = questions.flatMap((q) => valuesFor(q).map((value) => ({ q, value })));
    const checked = await differential(({ q, value }) => checkAnswerValue(q, value, '').length === 0, ({ q, value }) => answerValidator(q)(value), cases, { name: ({ q, value }) => [q.id, value] });
    const valid = cases.filter(({ q, value }) => answerValidator(q)(value)).length;
    // Both answers are exercised, on many questions.
    expect(valid).toBeGreaterThan(questions.length);
    expect(checked - valid).toBeGreaterThan(questions.length);
  });

  it('when any value is given to any question, then it agrees with checkAnswerValue', async () => {
    const anyValue = fc.oneof(fc.anything(), fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('none', 'n/a')), { maxLength: 4 }), fc.double());
    const compared = await differential(([q, value]) => checkAnswerValue(q, value, '').length === 0, ([q, value]) => answerValidator(q)(value), fc.tuple(fc.constantFrom(...questions), anyValue), { runs: 3000 });
    expect(compared).toBeGreaterThanOrEqual(3000);
  });
});
