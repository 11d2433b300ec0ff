import { describe, expect, it } from 'vitest';
import { generateAnswers, random } from '../../bench/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { compileScorer, quickScore } from '../../src/core/compiled-scorer.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { compileActions, quickSuggest } from '../../src/core/quick-suggest.js';
import { createScorer } from '../../src/core/score.js';
import { suggest, suggestByRescoring } from '../../src/core/suggest.js';
import { validateAnswers } from '../../src/core/validate-answers.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const scorer = createScorer(loaded.value.content);
const compiled = compileScorer(scorer.index);
const actions = compileActions(compiled);

async function agree(doc: AnswersDocument): Promise<void> {
  const slow = await suggestByRescoring(scorer, doc);
  const quick = quickScore(compiled, doc);
  if (!slow.ok || !quick.ok) throw new Error('invalid');
  const { applicability } = validateAnswers(scorer.index, doc);
  const fast = quickSuggest(compiled, actions, doc, applicability, quick.value, 1000);
  expect(fast).toEqual(slow.value.suggestions.map((s) => ({ actionId: s.actionId, indicator: s.indicator, gains: s.gains, projected: s.projected })));
  // And what users get from `suggest` is the reference's list, field for field.
  const served = await suggest(scorer, doc);
  expect(served.ok && served.value.suggestions).toEqual(slow.value.suggestions);
}

describe('fast suggestions against re-scoring everything with json-rules-engine', () => {
  it('when the golden organisations get suggestions both ways, then the ranked lists and gains are identical', async () => {
    for (const { data } of loaded.value.examples) await agree(data);
  });

  it('when 150 random assessments get suggestions both ways, then the ranked lists and gains are identical', async () => {
    const rand = random(99);
    for (let i = 0; i < 150; i++) await agree(generateAnswers(scorer.index, rand));
  });
});
