import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load-content.js';
import { applyChanges } from '../src/core/apply-changes.js';
import type { AnswersDocument } from '../src/core/content-model.js';
import { createScorer, score } from '../src/core/score.js';
import { suggestActions as suggest } from '../src/app/suggest-actions.js';
import { describeAction } from '../src/core/suggest.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const scorer = createScorer(loaded.value.content);
const example = (name: string) => loaded.value.examples.find((e) => e.file.endsWith(`/${name}.json`))!.data;

async function globalOf(doc: AnswersDocument): Promise<number | null> {
  const r = await score(scorer, doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.global;
}

describe('suggestions', () => {
  it('when the carbon first-estimate action is projected, then it equals scoring the answers changed by hand', async () => {
    const doc = example('sas-5');
    const outcome = await suggest(scorer, doc);
    if (!outcome.ok) throw new Error('suggest');
    const s = outcome.value.suggestions.find((x) => x.indicator === 'carbon-measured' && x.changes.some((c) => c.question === 'carbon-measured-scope'))!;
    const action = loaded.value.content.actions.find((a) => a.id === s.actionId)!;
    // By hand: the organisation now says it measured, with the answers the action names.
    const byHand: AnswersDocument = { ...doc, answers: { ...doc.answers } };
    for (const [q, change] of Object.entries(action.changes)) {
      if ('set' in change) byHand.answers[q] = change.set;
      else if ('atLeast' in change) byHand.answers[q] = change.atLeast;
    }
    expect(s.projected.global).toBe(await globalOf(byHand));
    expect(s.gains.global).toBe(Math.round(((await globalOf(byHand))! - (await globalOf(doc))!) * 10) / 10);
  });

  it('when suggestions are ranked, then gain per effort decreases and ties are broken the same way every time', async () => {
    const outcome = await suggest(scorer, example('scop-40'));
    if (!outcome.ok) throw new Error('suggest');
    const weight = { low: 1, medium: 2, high: 4 };
    const values = outcome.value.suggestions.map((s) => s.gains.global / weight[s.effort]);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const again = await suggest(scorer, example('scop-40'));
    expect(again.ok && again.value.suggestions.map((s) => s.actionId)).toEqual(outcome.value.suggestions.map((s) => s.actionId));
  });

  it('when an action is already achieved or does not fit the profile, then it is not suggested', async () => {
    const doc = example('mission-company');
    const outcome = await suggest(scorer, doc);
    if (!outcome.ok) throw new Error('suggest');
    const ids = new Set(outcome.value.suggestions.map((s) => s.actionId));
    for (const action of loaded.value.content.actions) {
      const projected = applyChanges(scorer.index, doc, [action.changes]);
      if (JSON.stringify(projected.answers) === JSON.stringify(doc.answers)) expect(ids.has(action.id)).toBe(false);
    }
    expect(outcome.value.suggestions.every((s) => s.gains.indicator > 0 || s.gains.global > 0)).toBe(true);
    // Employee ownership fits companies with shares only: never suggested to an association.
    const assoc = await suggest(scorer, example('association-20'));
    if (!assoc.ok) throw new Error('suggest');
    expect(assoc.value.suggestions.length).toBeGreaterThan(0);
    expect(assoc.value.suggestions.map((s) => s.actionId)).not.toContain('value-sharing-employee-ownership');
  });

  it('when changes raise an answer, then they never lower one already higher', () => {
    const doc = example('mission-company');
    const ladders = [...scorer.index.questions.values()].filter((e) => e.question.type === 'ladder' && typeof doc.answers[e.question.id] === 'string');
    const q = ladders[0]!.question;
    const lowest = q.options![0]!.value;
    const after = applyChanges(scorer.index, doc, [{ [q.id]: { atLeast: lowest } }]);
    expect(after.answers[q.id]).toBe(doc.answers[q.id]);
  });

  it('when testimonies are linked, then the organisation most like this one comes first', () => {
    const action = loaded.value.content.actions.find((a) => a.id === 'inclusion-recruit-without-cv')!;
    const testimonies = loaded.value.content.testimonies.filter((t) => action.testimonies.includes(t.id));
    expect(testimonies.length).toBeGreaterThan(1);
    // An e-commerce logistics company of 10–49 people in Occitanie: Boost, in Nîmes, is the closest.
    const first = (profile: AnswersDocument['profile']) => describeAction(scorer.index, action, { profile, answers: {} }).testimonies[0];
    expect(first({ sector: 'H', headcount: '10-49', region: 'occ' })).toMatch(/^boost/);
    // A Toulouse supermarket's story comes first for a retailer.
    const retail = first({ sector: 'G', headcount: '50-249', region: 'occ' });
    expect(testimonies.find((t) => t.id === retail)!.organisation.sector).toBe('G');
  });
});
