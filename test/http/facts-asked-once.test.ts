import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

interface Presented {
  profile: { questions: { id: string; options?: { value: string }[] }[] };
  pillars: { id: string; indicators: { id: string; questions: { id: string; label: string; options?: { value: string }[] }[] }[] }[];
}

const questionsOf = (q: Presented) => q.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions.map((question) => ({ ...question, pillar: p.id, indicator: i.id }))));
const indicatorOf = (report: { pillars: { indicators: { id: string; score: number; criteria: { id: string; points: number }[] }[] }[] }, id: string) =>
  report.pillars.flatMap((p) => p.indicators).find((i) => i.id === id)!;

describe('one fact, asked once', () => {
  it('when the questionnaires are read, then local purchasing is asked in one question only and the ESUS approval only in the profile', async () => {
    const questionnaires = (await h.call(null, 'GET', '/questionnaires')).body as Presented;
    const local = questionsOf(questionnaires).filter((q) => /fournisseurs (locaux|implantés dans votre région)/.test(q.label));
    expect(local.map((q) => q.id)).toEqual(['circular-economy-local-purchases']);
    const labelsHeld = questionsOf(questionnaires).find((q) => q.id === 'labels-held')!;
    expect(labelsHeld.options!.map((o) => o.value)).not.toContain('esus');
    const statuses = questionnaires.profile.questions.find((q) => q.id === 'statuses')!;
    expect(statuses.options!.map((o) => o.value)).toContain('esus');
  });

  it('when local purchasing is answered, then both the local economy and responsible purchasing read it', async () => {
    const base = examples.get('scop-40')!;
    const low = await h.call('leaderA', 'POST', '/score?explain=full', { ...base, answers: { ...base.answers, 'circular-economy-local-purchases': '0' } });
    const high = await h.call('leaderA', 'POST', '/score?explain=full', { ...base, answers: { ...base.answers, 'circular-economy-local-purchases': '75+' } });
    expect([low.status, high.status]).toEqual([200, 200]);
    for (const [indicator, criterion] of [['circular-economy', 'local'], ['responsible-purchasing', 'local']] as const) {
      const before = indicatorOf(low.body, indicator).criteria.find((c) => c.id === criterion)!;
      const after = indicatorOf(high.body, indicator).criteria.find((c) => c.id === criterion)!;
      expect({ indicator, before: before.points, gained: after.points > before.points }).toEqual({ indicator, before: 0, gained: true });
    }
  });

  it('when the profile says ESUS and no other label is held, then the labels indicator counts the approval as a verified comprehensive scheme', async () => {
    const esus = examples.get('insertion-esus')!;
    expect(esus.answers['labels-held']).toEqual(['none']);
    const res = await h.call('leaderA', 'POST', '/score?explain=full', esus);
    const labels = indicatorOf(res.body, 'labels');
    expect(labels.criteria.map((c) => [c.id, c.points])).toEqual([['held', 50], ['assurance', 18], ['progress', 14]]);
    const without = await h.call('leaderA', 'POST', '/score?explain=full', { ...esus, profile: { ...esus.profile, statuses: ['siae'] } });
    expect(indicatorOf(without.body, 'labels').criteria.map((c) => c.points)).toEqual([0, 0, 14]);
  });
});
