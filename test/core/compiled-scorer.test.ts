import { describe, expect, it } from 'vitest';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { compileScorer, quickScore } from '../../src/core/compiled-scorer.js';
import { compile } from '../../src/core/condition.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { createScorer, score } from '../../src/core/score.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const scorer = createScorer(loaded.value.content);
const compiled = compileScorer(scorer.index);

async function bothAgree(doc: AnswersDocument): Promise<void> {
  const slow = await score(scorer, doc);
  const fast = quickScore(compiled, doc);
  expect(fast.ok).toBe(slow.ok);
  if (!slow.ok || !fast.ok) return;
  expect(fast.value.global).toBe(slow.value.global);
  expect(fast.value.pillars).toEqual(slow.value.pillars.map((p) => ({ id: p.id, score: p.score })));
  expect(fast.value.indicators).toEqual(slow.value.pillars.flatMap((p) => p.indicators.map((i) => ({ id: i.id, pillar: p.id, score: i.score }))));
}

describe('compiled rules (batch) against json-rules-engine', () => {
  it('when the golden organisations are scored both ways, then every score is identical', async () => {
    for (const { data } of loaded.value.examples) await bothAgree(data);
  });

  it('when 800 random valid assessments are scored both ways, then every score is identical', async () => {
    const rand = random(42);
    for (let i = 0; i < 800; i++) await bothAgree(generateAnswers(scorer.index, rand));
  });

  it('when every rule is taken alone, then its compiled test fires exactly when json-rules-engine fires it', async () => {
    const rand = random(7);
    for (let n = 0; n < 300; n++) {
      const doc = generateAnswers(scorer.index, rand);
      const slow = await score(scorer, doc);
      if (!slow.ok) throw new Error('generated document invalid');
      const fired = new Map(slow.value.pillars.flatMap((p) => p.indicators.flatMap((i) => i.criteria.flatMap((c) => c.rules.map((r) => [r.name, r.fired] as const)))));
      const facts = new Map<string, unknown>([...Object.entries(doc.profile), ...Object.entries(doc.answers).filter(([, v]) => v !== 'n/a')]);
      for (const indicator of compiled.indicators) {
        const criteria = scorer.index.indicators.get(indicator.id)!.criteria;
        indicator.criteria.forEach((criterion, c) => {
          criterion.steps.forEach((step, k) => {
            const name = criteria[c]!.rules[k]!.name;
            expect([name, compile(step.conditions)(facts)]).toEqual([name, fired.get(name)]);
          });
        });
      }
    }
  });

  it('when a document is invalid, then the compiled path reports the same problems', async () => {
    const doc = { profile: { headcount: 'huge' }, answers: { nope: 1 } } as unknown as AnswersDocument;
    const slow = await score(scorer, doc);
    const fast = quickScore(compiled, doc);
    expect(fast).toEqual(slow);
  });
});
