import { MINIMUM_GROUP } from './minimum-group.js';
import { quantile } from './quantile.js';
import type { ScoreResult } from './score-result.js';
import { sectorFamily } from './sector-family.js';

/** One organisation's latest submitted result, as the peer comparison reads it. */
export interface PeerEntry {
  organisationId: number;
  profile: Record<string, unknown>;
  result: Pick<ScoreResult, 'global' | 'pillars'>;
}

/** The median and quartiles of one score over a group, and how many organisations it counts. */
export interface PeerFigure {
  count: number;
  quartiles: [number, number, number];
}

export type PeerLevel = 'size-and-sector' | 'size' | 'all';

export interface PeerGroup {
  /** The narrowest group that has enough organisations: same size band and sector family, then size only, then all. */
  level: PeerLevel;
  count: number;
  /** By 'global', pillar id and indicator id; a score held by fewer than MINIMUM_GROUP organisations is left out. */
  figures: Record<string, PeerFigure>;
}

/**
 * Organisations like the reader's on this instance: the narrowest group (same headcount band and
 * sector family, then same band, then all) with at least MINIMUM_GROUP organisations other than the
 * reader's, its median and quartiles for the global, each pillar and each indicator. The
 * reader's own organisation never counts in its group, and a figure that fewer than MINIMUM_GROUP
 * organisations hold is not given, so no aggregate reveals one organisation. `entries` are the
 * latest submitted results of organisations that agreed to count (the caller's to choose).
 */
export function peerGroup(reader: { organisationId: number; profile: Record<string, unknown> }, entries: readonly PeerEntry[]): PeerGroup | null {
  // One entry an organisation (the last given), the reader's own left out.
  const others = [...new Map(entries.map((e) => [e.organisationId, e])).values()].filter((e) => e.organisationId !== reader.organisationId);
  const sameSize = others.filter((e) => e.profile.headcount !== undefined && e.profile.headcount === reader.profile.headcount);
  const family = sectorFamily(reader.profile.sector);
  const sameFamily = sameSize.filter((e) => family !== undefined && sectorFamily(e.profile.sector) === family);
  const levels: [PeerLevel, PeerEntry[]][] = [['size-and-sector', sameFamily], ['size', sameSize], ['all', others]];
  const found = levels.find(([, group]) => group.length >= MINIMUM_GROUP);
  if (!found) return null;
  const [level, group] = found;
  return { level, count: group.length, figures: figuresOf(group, MINIMUM_GROUP) };
}

/** The median and quartiles of every score a group holds; a score fewer than `minimum` of them hold is left out. */
export function figuresOf(group: readonly Pick<PeerEntry, 'result'>[], minimum: number): Record<string, PeerFigure> {
  const values = new Map<string, number[]>();
  const add = (id: string, score: number | null) => {
    if (score !== null) values.set(id, [...(values.get(id) ?? []), score]);
  };
  for (const { result } of group) {
    add('global', result.global);
    for (const p of result.pillars) {
      add(p.id, p.score);
      for (const i of p.indicators) add(i.id, i.score);
    }
  }
  const figures: Record<string, PeerFigure> = {};
  for (const [id, list] of values) {
    if (list.length < minimum) continue;
    figures[id] = { count: list.length, quartiles: [quantile(list, 0.25), quantile(list, 0.5), quantile(list, 0.75)] };
  }
  return figures;
}
