import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peerGroup, type PeerEntry } from '../../src/core/peer-group.js';
import { quantile } from '../../src/core/quantile.js';

/** An organisation's latest result: the global, one pillar, and an indicator that applies only when given. */
function entry(organisationId: number, profile: Record<string, unknown>, global: number, indicator: number | null = global): PeerEntry {
  return {
    organisationId,
    profile,
    result: { global, pillars: [{ id: 'externalities', score: global, weight: 1, indicators: [{ id: 'carbon-measured', score: indicator, weight: 1, points: 0, maxPoints: 100, criteria: [] }] }] },
  };
}

const reader = { organisationId: 1, profile: { headcount: '10-49', sector: 'H' } };

describe('peers on this instance', () => {
  it('when the group holds four organisations besides the reader’s, then nothing is shown, and a fifth makes it shown without the reader’s own result', () => {
    const four = [entry(1, reader.profile, 99), ...[2, 3, 4, 5].map((id) => entry(id, { headcount: '10-49', sector: 'G' }, 40 + id))];
    expect(peerGroup(reader, four)).toBeNull();
    const five = [...four, entry(6, { headcount: '10-49', sector: 'I' }, 46)];
    const group = peerGroup(reader, five)!;
    expect(group).toMatchObject({ level: 'size-and-sector', count: 5 });
    const others = five.filter((e) => e.organisationId !== 1).map((e) => e.result.global!);
    expect(group.figures.global).toEqual({ count: 5, quartiles: [quantile(others, 0.25), quantile(others, 0.5), quantile(others, 0.75)] });
    expect(group.figures.global!.quartiles[2]).toBeLessThan(99);
  });

  it('when the same size and sector family are too few, then same size, then all organisations are tried', () => {
    const sameSize = [2, 3, 4, 5, 6].map((id) => entry(id, { headcount: '10-49', sector: 'Q' }, 50));
    expect(peerGroup(reader, sameSize)).toMatchObject({ level: 'size', count: 5 });
    const mixed = [2, 3, 4, 5, 6].map((id) => entry(id, { headcount: id % 2 ? '1-9' : '250-999', sector: 'H' }, 50));
    expect(peerGroup(reader, mixed)).toMatchObject({ level: 'all', count: 5 });
  });

  it('when an indicator applies to fewer than five of the group, then its figure is left out while the others are given', () => {
    const entries = [2, 3, 4, 5, 6].map((id) => entry(id, reader.profile, 50 + id, id <= 5 ? 10 * id : null));
    expect(peerGroup(reader, entries)!.figures['carbon-measured']).toBeUndefined();
    expect(peerGroup(reader, [...entries, entry(7, reader.profile, 60, 70)])!.figures['carbon-measured']!.count).toBe(5);
  });

  it('when any group is formed, then every figure counts at least the minimum, never the reader, and one organisation given twice counts once', () => {
    const org = fc.record({ id: fc.integer({ min: 1, max: 12 }), headcount: fc.constantFrom('1-9', '10-49'), sector: fc.constantFrom('G', 'H', 'Q'), global: fc.integer({ min: 0, max: 100 }) });
    fc.assert(fc.property(fc.array(org, { maxLength: 20 }), (list) => {
      const group = peerGroup(reader, list.map((o) => entry(o.id, { headcount: o.headcount, sector: o.sector }, o.global)));
      const distinct = new Set(list.map((o) => o.id).filter((id) => id !== 1)).size;
      if (distinct < 5) return group === null;
      return group !== null && group.count <= distinct && Object.values(group.figures).every((f) => f.count >= 5 && f.count <= group.count);
    }), { numRuns: 500 });
  });
});
