import { describe, expect, it } from 'vitest';
import { differential } from '../support/differential.js';
import { generateAnswers, random } from '../support/generate-answers.js';
import { loadContent } from '../../src/content/load-content.js';
import { compile } from '../../src/core/condition.js';
import type { AnswersDocument } from '../../src/core/content-model.js';
import { createScorer, score } from '../../src/core/score.js';
import { compileContent, scoreOrNull } from '../../src/engine/index.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const scorer = createScorer(loaded.value.content);
const engine = compileContent(scorer.index);
const row = engine.row();

/** The reference: json-rules-engine's explained result, its scores only. */
async function explained(doc: AnswersDocument) {
  const slow = await score(scorer, doc);
  if (!slow.ok) return { ok: false };
  return {
    ok: true,
    global: slow.value.global,
    pillars: slow.value.pillars.map((p) => ({ id: p.id, score: p.score })),
    indicators: slow.value.pillars.flatMap((p) => p.indicators.map((i) => ({ id: i.id, score: i.score }))),
  };
}

/** The engine's scores of a document, through its door, in a row reused from document to document. */
function compiled(doc: AnswersDocument) {
  if (!row.setDocument(doc)) return { ok: false };
  const scores = row.score();
  return {
    ok: true,
    global: scoreOrNull(scores.global),
    pillars: engine.pillars.map((id, n) => ({ id, score: scoreOrNull(scores.pillars[n]!) })),
    indicators: engine.indicators.map((id, n) => ({ id, score: scoreOrNull(scores.indicators[n]!) })),
  };
}

describe('compiled rules against json-rules-engine', () => {
  it('when the golden organisations are scored both ways, then every score is identical', async () => {
    expect(await differential(explained, compiled, loaded.value.examples.map((e) => e.data))).toBe(6);
  });

  it('when 800 random valid assessments are scored both ways, then every score is identical', async () => {
    const rand = random(42);
    expect(await differential(explained, compiled, Array.from({ length: 800 }, () => generateAnswers(scorer.index, rand)))).toBe(800);
  });

  it('when every rule is taken alone, then its compiled test fires exactly when json-rules-engine fires it', async () => {
    const rand = random(7);
    const cases: { name: string; fired: boolean; test: () => boolean }[] = [];
    for (let n = 0; n < 300; n++) {
      const doc = generateAnswers(scorer.index, rand);
      const slow = await score(scorer, doc);
      if (!slow.ok) throw new Error('generated document invalid');
      const facts = new Map<string, unknown>([...Object.entries(doc.profile), ...Object.entries(doc.answers).filter(([, v]) => v !== 'n/a')]);
      for (const rule of slow.value.pillars.flatMap((p) => p.indicators.flatMap((i) => i.criteria.flatMap((c) => c.rules)))) {
        const conditions = loaded.value.content.rules.find((r) => r.name === rule.name)!.conditions;
        cases.push({ name: rule.name, fired: rule.fired, test: () => compile(conditions)(facts) });
      }
    }
    expect(await differential((c) => c.fired, (c) => c.test(), cases, { name: (c) => c.name })).toBe(300 * loaded.value.content.rules.length);
  });

  it('when a document is invalid, then the engine refuses it, as the explained scoring does', async () => {
    const doc = { profile: { headcount: 'huge' }, answers: { nope: 1 } } as unknown as AnswersDocument;
    expect(await differential(explained, compiled, [doc])).toBe(1);
    expect(compiled(doc)).toEqual({ ok: false });
  });
});
