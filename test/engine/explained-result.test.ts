import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { createScorer, referenceScorer, score } from '../../src/core/score.js';
import type { RuleOutcome } from '../../src/core/score-result.js';
import { buildEngine } from '../../src/core/scoring-engine.js';
import { compiledScorer, compileContent } from '../../src/engine/index.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const { content, examples } = loaded.value;
const reference = createScorer(content);
const compiled = compiledScorer(content);

/** Core's `score` with each scorer: the whole outcome, explanation included, and its JSON (so that the order of every field is held too). */
const explainedBy = (scorer: typeof reference) => async (doc: AnswersDocument) => {
  const outcome = await score(scorer, doc);
  return { outcome, json: JSON.stringify(outcome) };
};

const rulesOf = (outcome: Awaited<ReturnType<typeof score>>): RuleOutcome[] =>
  outcome.ok ? outcome.value.pillars.flatMap((p) => p.indicators.flatMap((i) => i.criteria.flatMap((c) => c.rules))) : [];

describe('the explained result from the compiled engine, held to json-rules-engine', () => {
  it('when the golden organisations are scored both ways, then the explained results are identical, field for field and byte for byte', async () => {
    expect(await differential(explainedBy(reference), explainedBy(compiled), examples.map((e) => e.data))).toBe(examples.length);
  });

  it('when 2,000 random assessments (some questions unanswered, some "n/a") are scored both ways, then the explained results are identical', async () => {
    const index = reference.index;
    const rand = random(2026_12_07);
    const docs = Array.from({ length: 2000 }, (_, n) => generateAnswers(index, rand, [0, 0.05, 0.3][n % 3]));
    expect(await differential(explainedBy(reference), explainedBy(compiled), docs)).toBe(2000);
  });

  it('when every rule runs alone in json-rules-engine on the golden and 60 random assessments, then its outcome is the one the compiled engine explains, and each is seen firing and not', async () => {
    const rand = random(11);
    // The golden organisations fire the steps random answers rarely reach (a pay ratio of 7 or less, in numbers drawn up to 1,000).
    const docs = [...examples.map((e) => e.data), ...Array.from({ length: 60 }, () => generateAnswers(reference.index, rand, 0.1))];
    const explained = await Promise.all(docs.map(async (doc) => new Map(rulesOf(await score(compiled, doc)).map((r) => [r.name, r]))));
    const seen = new Map<string, Set<boolean>>();
    let compared = 0;
    for (const rule of content.rules) {
      const alone = referenceScorer(reference.index, buildEngine([rule]));
      const outcomeAlone = async (n: number) => rulesOf(await score(alone, docs[n]!)).find((r) => r.name === rule.name);
      compared += await differential(outcomeAlone, (n) => explained[n]!.get(rule.name), docs.keys(), { name: (n) => `${rule.name} on document ${n}` });
      seen.set(rule.name, new Set(explained.map((e) => e.get(rule.name)!.fired)));
    }
    expect(compared).toBe(docs.length * content.rules.length);
    expect([...seen].filter(([, fired]) => fired.size < 2).map(([name]) => name)).toEqual([]);
  });

  it('when a document is invalid, then both refuse it with the same problems', async () => {
    const doc = { profile: { headcount: 'huge' }, answers: { nope: 1 } } as unknown as AnswersDocument;
    expect(await differential(explainedBy(reference), explainedBy(compiled), [doc])).toBe(1);
  });

  it('when two results are explained one after the other, then the first is not changed by the second and shares no object with it', async () => {
    const [a, b] = [examples[0]!.data, examples[1]!.data];
    const first = await score(compiled, a);
    const before = JSON.stringify(first);
    const second = await score(compiled, b);
    expect(JSON.stringify(first)).toBe(before);
    const [r1, r2] = [rulesOf(first)[0]!, rulesOf(second)[0]!];
    expect(r1).not.toBe(r2);
    expect(r1.reason).not.toBe(r2.reason);
    expect(r1.conditions[0]).not.toBe(r2.conditions[0]);
  });

  it('when the engine of a content is asked for its source, then each rule is one function naming its rule, and a content is compiled once', () => {
    const source = compileContent(compiled.index).source();
    expect(source.match(/^function rule_/gm)?.length).toBe(content.rules.length);
    expect(source).toContain(`name: ${JSON.stringify(content.rules[0]!.name)},`);
    expect(compiledScorer(content)).toBe(compiled);
  });
});
