import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { weightedMean } from '../../src/core/aggregate.js';
import type { Content } from '../../src/core/content-model.js';
import { submittedAssessment } from '../support/plan-fixtures.js';
import { content, startHarness, type Harness } from './harness.js';

/** The committed content as edition 2026.2 had it: the same questions and rules, pillars weighted 30/25/45. */
const EARLIER_WEIGHTS: Record<string, number> = { externalities: 30, sharing: 25, strategy: 45 };
const earlier: Content = {
  ...content,
  version: '2026.2+earlier',
  weights: { ...content.weights, version: '2026.2', pillars: content.weights.pillars.map((p) => ({ ...p, weight: EARLIER_WEIGHTS[p.pillar]! })) },
};

const file = join(mkdtempSync(join(tmpdir(), 'impact-edition-')), 'store.db');
const opened: Harness[] = [];
afterAll(async () => {
  for (const h of opened.reverse()) await h.close().catch(() => undefined);
});

describe('a stored score keeps the content edition it was computed with', () => {
  it('when an assessment submitted under 2026.2 is read after the weights changed, then it shows its 2026.2 result, and a new one is scored with the new weights', async () => {
    const before = await startHarness({ file, content: earlier });
    opened.push(before);
    const id = await submittedAssessment(before, 'leaderA', before.orgA);
    const stored = (await before.call('leaderA', 'GET', `/assessments/${id}/result`)).body.report;

    // The same database, now served with the committed content (its tokens are in the database);
    // the earlier instance stays idle, and is closed last, as it owns the database.
    const after = await startHarness({ sameDatabaseAs: before, seed: false });
    opened.push(after);
    Object.assign(after, { orgA: before.orgA });
    Object.assign(after.tokens, before.tokens);
    const read = (await after.call('leaderA', 'GET', `/assessments/${id}/result`)).body.report;
    expect(read.contentVersion).toBe(earlier.version);
    expect(read.global).toBe(stored.global);
    expect(read.pillars.map((p: { weight: number }) => p.weight)).toEqual(read.pillars.map((p: { id: string }) => EARLIER_WEIGHTS[p.id]));
    expect(read.global).toBe(weightedMean(read.pillars));

    const fresh = (await after.call('leaderA', 'GET', `/assessments/${await submittedAssessment(after, 'leaderA', after.orgA)}/result`)).body.report;
    expect(fresh.contentVersion).toBe(content.version);
    expect(fresh.pillars.map((p: { score: number }) => p.score)).toEqual(read.pillars.map((p: { score: number }) => p.score));
    expect(fresh.pillars.map((p: { weight: number }) => p.weight)).toEqual(content.weights.pillars.map((p) => p.weight));
    expect(fresh.global).toBe(weightedMean(fresh.pillars));
    expect(fresh.global).not.toBe(read.global);
  });
});
