import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentileRank } from '../../src/core/percentile-rank.js';
import { content, examples, startHarness, type Harness } from './harness.js';

const published = content.published!;
const regionOptions = content.profile.questions.find((q) => q.id === 'region')!.options!.map((o) => o.value);
const withoutGroup = regionOptions.find((r) => !(r in published.regions))!;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Submits the example's answers for organisation A, with the profile changed as given. */
async function submitted(example: string, profile: Record<string, unknown> = {}): Promise<number> {
  const draft = (await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`)).body;
  const saved = await h.call('leaderA', 'PATCH', `/assessments/${draft.id}`, { version: draft.version, profile, answers: examples.get(example)!.answers });
  expect(saved.status).toBe(200);
  expect((await h.call('leaderA', 'POST', `/assessments/${draft.id}/submit`, { version: saved.body.version })).status).toBe(200);
  return draft.id as number;
}

describe('where a result stands among the published Impact Scores', () => {
  it('when a result is read, then the global and each pillar are ranked among all published organisations and among the region’s, as the quantiles give them', async () => {
    const id = await submitted('insertion-esus');
    const region = examples.get('insertion-esus')!.profile.region as string;
    const { report, standing } = (await h.call('leaderA', 'GET', `/assessments/${id}/result?lang=en`)).body;
    expect(standing.groups.map((g: { region: string | null; count: number }) => [g.region, g.count])).toEqual([[null, published.all.count], [region, published.regions[region]!.count]]);
    const scores = new Map<string, number>([['global', report.global], ...report.pillars.map((p: { id: string; score: number }) => [p.id, p.score] as [string, number])]);
    for (const group of standing.groups) {
      const source = group.region === null ? published.all : published.regions[group.region]!;
      for (const s of group.scores) {
        expect(s.score).toBe(scores.get(s.id));
        expect(s.rank).toEqual(percentileRank(source.levels, source.scores[s.id]!, s.score));
        const at = (level: number) => source.scores[s.id]![source.levels.indexOf(level)];
        expect(s.quartiles).toEqual([at(25), at(50), at(75)]);
      }
    }
    expect(standing.intro).toBe(`Among the ${published.all.count} organisations that published their Impact Score between ${published.from.slice(0, 4)} and ${published.to.slice(0, 4)}; they tend to score higher.`);
    expect(standing.source.url).toBe(published.source.url);
  });

  it('when the organisation’s region has fewer published scores than the minimum, then only all published organisations are shown', async () => {
    const id = await submitted('insertion-esus', { region: withoutGroup });
    const { standing } = (await h.call('leaderA', 'GET', `/assessments/${id}/result`)).body;
    expect(standing.groups.map((g: { region: string | null }) => g.region)).toEqual([null]);
    expect(standing.intro).toContain('elles ont tendance à avoir de meilleurs scores');
  });

  it('when another organisation’s leader asks for the result, then nothing is shown, standing included', async () => {
    const id = await submitted('insertion-esus');
    const res = await h.call('leaderB', 'GET', `/assessments/${id}/result`);
    expect(res.status).toBe(404);
    expect(res.body.standing).toBeUndefined();
  });
});
