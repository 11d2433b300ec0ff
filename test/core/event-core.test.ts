import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortOf, type ContentShape } from '../../src/core/cohort.js';
import { MINIMUM_GROUP } from '../../src/core/minimum-group.js';
import { eventBilan } from '../../src/core/event-bilan.js';
import { measureIntentions } from '../../src/core/event-intentions.js';
import type { EventFacts, Participant, ParticipantPlan, ScoreSummary, WorkshopScope } from '../../src/core/event-model.js';
import { quantile, quartiles } from '../../src/core/quantile.js';

const content: ContentShape = {
  pillars: ['p1', 'p2', 'p3'],
  indicators: [{ id: 'carbon', pillar: 'p1' }, { id: 'waste', pillar: 'p1' }, { id: 'pay', pillar: 'p2' }, { id: 'mission', pillar: 'p3' }],
};

function summary(submittedAt: string, pillars: [number, number, number], indicators: Record<string, number> = {}): ScoreSummary {
  return { submittedAt, global: Math.round((pillars[0] + pillars[1] + pillars[2]) / 3), pillars: { p1: pillars[0], p2: pillars[1], p3: pillars[2] }, indicators };
}

const plan = (over: Partial<ParticipantPlan> = {}): ParticipantPlan => ({ createdAt: '2027-03-12T10:00:00Z', submittedAt: null, approvedAt: null, items: [], ...over });

let next = 1;
function participant(over: Partial<Participant> = {}): Participant {
  const id = next++;
  return { organisationId: id, name: `Org ${id}`, named: false, joinedAt: '2027-02-01T09:00:00Z', workshopId: null, before: null, after: null, plans: [], ...over };
}

const facts = (participants: Participant[]): EventFacts => ({ date: '2027-03-12', followUp: '2027-09-12', participants });

describe('an event’s intentions against what happened', () => {
  it('when participants joined before and after the event, then only those who joined by its day count, and the intention is met, missed or pending by that day', () => {
    const people = [participant(), participant(), participant({ joinedAt: '2027-03-13T08:00:00Z' })];
    const intention = { id: 'i1', kind: 'participants' as const, target: 3 };
    expect(measureIntentions([intention], facts(people), '2027-03-01')[0]).toMatchObject({ achieved: 2, outcome: 'pending', deadline: '2027-03-12' });
    expect(measureIntentions([intention], facts(people), '2027-03-20')[0]).toMatchObject({ achieved: 2, outcome: 'missed' });
    expect(measureIntentions([{ ...intention, target: 2 }], facts(people), '2027-03-01')[0]!.outcome).toBe('met');
  });

  it('when plans are approved three and five weeks after the event, then « approved within four weeks » counts the first only', () => {
    const people = [
      participant({ plans: [plan({ approvedAt: '2027-04-02T10:00:00Z' })] }),
      participant({ plans: [plan({ approvedAt: '2027-04-16T10:00:00Z' })] }),
      participant({ plans: [plan()] }),
    ];
    const [approved, drafted] = measureIntentions([
      { id: 'a', kind: 'plans-approved', target: 2, withinWeeks: 4 },
      { id: 'd', kind: 'plans-drafted', target: 3 },
    ], facts(people), '2027-10-01');
    expect(approved).toMatchObject({ achieved: 1, outcome: 'missed', deadline: '2027-04-09' });
    expect(drafted).toMatchObject({ achieved: 3, outcome: 'met', deadline: '2027-09-12' });
  });

  it('when actions are done before and after the follow-up, then only those done by the follow-up count; an intention in words is left to the organisers', () => {
    const items = [
      { status: 'done' as const, doneAt: '2027-06-01T10:00:00Z' },
      { status: 'done' as const, doneAt: '2027-09-13T10:00:00Z' },
      { status: 'in-progress' as const, doneAt: null },
    ];
    const [done, words] = measureIntentions([
      { id: 'x', kind: 'actions-done', target: 1 },
      { id: 'w', kind: 'words', text: 'Des liens entre participants' },
    ], facts([participant({ plans: [plan({ items })] })]), '2027-10-01');
    expect(done).toMatchObject({ achieved: 1, outcome: 'met' });
    expect(words).toMatchObject({ achieved: null, outcome: 'in-words' });
  });
});

describe('quartiles', () => {
  it('when values are given, then the quartiles interpolate between neighbours', () => {
    expect(quartiles([50, 10, 40, 20, 30])).toEqual({ count: 5, min: 10, q1: 20, median: 30, q3: 40, max: 50 });
    expect(quartiles([1, 2, 3, 4])).toMatchObject({ q1: 1.8, median: 2.5, q3: 3.3 });
    expect(quartiles([])).toBeNull();
  });

  it('when any values are given in any order, then min ≤ q1 ≤ median ≤ q3 ≤ max, whatever the order', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
      const q = quartiles(values)!;
      const sorted = [...values].sort((a, b) => a - b);
      expect(quartiles([...values].reverse())).toEqual(q);
      expect(q.min).toBeLessThanOrEqual(q.q1 + 0.05);
      expect(q.q1).toBeLessThanOrEqual(q.median);
      expect(q.median).toBeLessThanOrEqual(q.q3);
      expect(q.q3).toBeLessThanOrEqual(q.max + 0.05);
      expect(quantile(sorted, 0)).toBe(sorted[0]);
      expect(quantile(sorted, 1)).toBe(sorted.at(-1));
    }));
  });
});

describe('the cohort', () => {
  const workshops: WorkshopScope[] = [
    { id: 1, title: 'Externalités A', pillar: 'p1', indicators: [] },
    { id: 2, title: 'Externalités B', pillar: 'p1', indicators: [] },
    { id: 3, title: 'Partage', pillar: null, indicators: ['pay'] },
    { id: 4, title: 'Stratégie', pillar: 'p3', indicators: [] },
  ];

  it(`when fewer than ${MINIMUM_GROUP} participants have submitted, then no distribution and no shared gap is shown, only who is where`, () => {
    const people = Array.from({ length: MINIMUM_GROUP - 1 }, (_, i) => participant({ before: summary('2027-03-01', [20 + i, 60, 70], { carbon: 10 }) }));
    const cohort = cohortOf(people, workshops, content);
    expect(cohort.assessed).toBe(MINIMUM_GROUP - 1);
    expect(cohort.scores.every((s) => s.quartiles === null)).toBe(true);
    expect(cohort.gaps).toEqual([]);
  });

  it('when enough have submitted, then quartiles per pillar and the gaps most share; a score shows beside a name only for those who agreed', () => {
    const people = [10, 20, 30, 40, 50, 60].map((p1, i) => participant({ named: i === 0, before: summary('2027-03-01', [p1, 80, 90], { carbon: p1, waste: 70, pay: i < 2 ? 30 : 80 }) }));
    const cohort = cohortOf(people, workshops, content);
    expect(cohort.scores.find((s) => s.id === 'p1')!.quartiles).toMatchObject({ count: 6, min: 10, median: 35, max: 60 });
    expect(cohort.gaps.map((g) => [g.indicator, g.below50])).toEqual([['carbon', 4], ['pay', 2]]);
    expect(cohort.participants[0]!.scores).toEqual(people[0]!.before);
    expect(cohort.participants.slice(1).every((p) => p.scores === null)).toBe(true);
  });

  it('when participants are proposed a workshop, then it covers their weakest pillar (by pillar or by its indicators), the least full first, and the one without an assessment gets none', () => {
    const people = [
      participant({ before: summary('2027-03-01', [20, 60, 70]) }),
      participant({ before: summary('2027-03-01', [25, 60, 70]) }),
      participant({ before: summary('2027-03-01', [80, 30, 70]) }),
      participant({ before: summary('2027-03-01', [80, 60, 40]), workshopId: 4 }),
      participant(),
    ];
    const proposed = cohortOf(people, workshops, content).participants.map((p) => [p.weakestPillar, p.proposedWorkshopId]);
    expect(proposed).toEqual([['p1', 1], ['p1', 2], ['p2', 3], ['p3', 4], [null, null]]);
  });
});

describe('the event’s bilan', () => {
  const done = { status: 'done' as const, doneAt: '2027-06-01T00:00:00Z' };
  const todo = { status: 'todo' as const, doneAt: null };
  const dropped = { status: 'dropped' as const, doneAt: null };

  it('when fewer than five re-assessed, then no mean change is given; names and personal changes only for those who agreed, numbered in the order they joined', () => {
    const people = [
      participant({ joinedAt: '2027-02-03T00:00:00Z', name: 'Second', before: summary('2027-03-01', [40, 50, 60]), after: summary('2027-09-01', [55, 50, 60]), plans: [plan({ approvedAt: '2027-03-30T00:00:00Z', submittedAt: '2027-03-20T00:00:00Z', items: [done, done, todo, dropped] })] }),
      participant({ joinedAt: '2027-02-01T00:00:00Z', name: 'First', named: true, before: summary('2027-03-01', [40, 50, 60]), after: summary('2027-09-01', [70, 50, 60]), plans: [plan({ submittedAt: '2027-03-20T00:00:00Z', items: [todo] })] }),
      participant({ joinedAt: '2027-02-05T00:00:00Z' }),
    ];
    const bilan = eventBilan([{ id: 'p', kind: 'participants', target: 3 }], facts(people), content, '2027-09-20');
    expect(bilan.counts).toEqual({ participants: 3, assessedBefore: 2, plansDrafted: 2, plansSubmitted: 2, plansApproved: 1, itemsDone: 2, items: 4, reassessed: 2 });
    expect(bilan.changes.every((c) => c.delta === null && c.count === 2)).toBe(true);
    expect(bilan.participants.map((p) => [p.number, p.name, p.plan, p.itemsDone, p.items, p.globalDelta])).toEqual([
      [1, 'First', 'submitted', 0, 1, 10],
      [2, null, 'approved', 2, 3, null],
      [3, null, 'none', 0, 0, null],
    ]);
    expect(bilan.intentions[0]).toMatchObject({ achieved: 3, outcome: 'met' });
  });

  it('when five or more re-assessed, then each pillar’s mean before, after and its change, over those with both', () => {
    const people = [0, 1, 2, 3, 4].map((i) => participant({ before: summary('2027-03-01', [40 + i, 50, 60]), after: summary('2027-09-01', [50 + i, 50, 66]) }));
    const changes = eventBilan([], facts(people), content, '2027-09-20').changes;
    expect(changes.find((c) => c.id === 'p1')).toEqual({ id: 'p1', count: 5, before: 42, after: 52, delta: 10 });
    expect(changes.find((c) => c.id === 'p3')).toMatchObject({ delta: 6 });
  });
});
