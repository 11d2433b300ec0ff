import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { openDataRows } from '../../src/core/open-data-rows.js';
import { publicationSnapshot, type PublicationInput } from '../../src/core/publication-snapshot.js';
import { createScorer, score } from '../../src/core/score.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
const scorer = createScorer(loaded.value.content);
const example = loaded.value.examples.find((e) => e.file.endsWith('insertion-esus.json'))!.data;
const scored = await score(scorer, example);
if (!scored.ok) throw new Error('score');
const result = scored.value;

function input(options: PublicationInput['options']): PublicationInput {
  return {
    organisation: { name: 'Garrigue', profile: { ...example.profile } },
    assessment: { number: 2, submittedAt: '2026-11-21T10:00:00.000Z', result: structuredClone(result) },
    plan: {
      items: [
        { actionId: 'a', title: null, indicator: 'giving', status: 'todo' },
        { actionId: null, title: 'Former les encadrants', indicator: 'inclusion', status: 'dropped' },
        { actionId: 'b', title: null, indicator: 'core-impact', status: 'done' },
      ],
      approval: { by: 'Expert', at: '2026-11-25T09:00:00.000Z' },
    },
    options,
  };
}

describe('a published result', () => {
  it('when a result is published without its plan, then the snapshot holds the scores, the date and the content version, and neither the plan nor the approval', () => {
    const snapshot = publicationSnapshot(input({ headlineActions: false, approval: false }));
    expect(snapshot.global).toBe(result.global);
    expect(snapshot.contentVersion).toBe(result.contentVersion);
    expect(snapshot.pillars.map((p) => [p.id, p.score])).toEqual(result.pillars.map((p) => [p.id, p.score]));
    expect(snapshot.pillars.flatMap((p) => p.indicators.map((i) => i.score))).toEqual(result.pillars.flatMap((p) => p.indicators.map((i) => i.score)));
    expect(snapshot.organisation).toEqual({ name: 'Garrigue', region: example.profile.region, sector: example.profile.sector });
    expect([snapshot.headlineActions, snapshot.approval]).toEqual([null, null]);
    // Only scores: no answer, no evidence note, no rule trail reaches a public page.
    expect(JSON.stringify(snapshot)).not.toContain('conditions');
  });

  it('when the leader chooses to show the plan and its approval, then the headline actions (not the dropped ones) and the approval are in it', () => {
    const snapshot = publicationSnapshot(input({ headlineActions: true, approval: true }));
    expect(snapshot.headlineActions).toEqual([{ actionId: 'a', title: null, indicator: 'giving' }, { actionId: 'b', title: null, indicator: 'core-impact' }]);
    expect(snapshot.approval).toEqual({ by: 'Expert', at: '2026-11-25T09:00:00.000Z' });
  });

  it('when what it was made from changes later, then the snapshot does not', () => {
    const given = input({ headlineActions: true, approval: true });
    const snapshot = publicationSnapshot(given);
    const before = structuredClone(snapshot);
    given.organisation.name = 'Renamed';
    given.organisation.profile.region = 'idf';
    given.assessment.result.pillars[0]!.score = 0;
    given.assessment.result.pillars[0]!.indicators[0]!.score = 0;
    given.plan!.items[0]!.indicator = 'labels';
    given.plan!.approval!.by = 'Someone else';
    expect(snapshot).toEqual(before);
  });

  it('when published results become open data, then each is one row with the same columns, its content version, and empty scores where not applicable', () => {
    const layout = { pillars: result.pillars.map((p) => p.id), indicators: result.pillars.flatMap((p) => p.indicators.map((i) => i.id)) };
    const a = publicationSnapshot(input({ headlineActions: false, approval: false }));
    const b = { ...a, contentVersion: '2026.2+earlier', pillars: a.pillars.map((p) => ({ ...p, indicators: p.indicators.map((i) => ({ ...i, score: null })) })) };
    const { columns, rows } = openDataRows([{ publishedAt: '2026-12-01', snapshot: a }, { publishedAt: '2026-12-02', snapshot: b }], layout);
    expect(rows.map((r) => Object.keys(r))).toEqual([columns, columns]);
    expect(rows.map((r) => r.content_version)).toEqual([a.contentVersion, '2026.2+earlier']);
    expect(rows[0]!.global).toBe(result.global);
    expect(layout.indicators.map((id) => rows[1]![id])).toEqual(layout.indicators.map(() => null));
  });
});
