import type { PublishedGroup, PublishedScores } from './content-model.js';
import { percentileRank, quantileAt, type PercentileRank } from './percentile-rank.js';
import type { ScoreResult } from './score-result.js';

/** Where one score (the global or a pillar) stands in one group of published scores. */
export interface ScoreStanding {
  /** 'global' or a pillar id. */
  id: string;
  score: number | null;
  /** Null when the score is (not applicable). */
  rank: PercentileRank | null;
  /** The group's quartiles: 25th, median, 75th percentile. */
  quartiles: [number, number, number];
  /** The group's 10th and 90th percentiles (or its first and last quantiles): the chart's whiskers. */
  whiskers: { levels: [number, number]; values: [number, number] };
}

export interface GroupStanding {
  /** Null for every published organisation; a region code of the profile for its region. */
  region: string | null;
  count: number;
  scores: ScoreStanding[];
}

/**
 * Where a result's global and pillars stand among the published scores: among all of them, then
 * among those of the organisation's region when that region has a group (at least the minimum).
 */
export function standingOf(published: PublishedScores, result: Pick<ScoreResult, 'global' | 'pillars'>, region: unknown): GroupStanding[] {
  const scores = [{ id: 'global', score: result.global }, ...result.pillars.map((p) => ({ id: p.id, score: p.score }))];
  const groups: GroupStanding[] = [groupStanding(published.all, null, scores)];
  const local = typeof region === 'string' ? published.regions[region] : undefined;
  if (local && local.count >= published.minimumGroup) groups.push(groupStanding(local, region as string, scores));
  return groups;
}

function groupStanding(group: PublishedGroup, region: string | null, scores: { id: string; score: number | null }[]): GroupStanding {
  return {
    region,
    count: group.count,
    scores: scores.filter((s) => group.scores[s.id]).map(({ id, score }) => {
      const values = group.scores[id]!;
      const at = (level: number) => quantileAt(group.levels, values, level)!;
      const ends: [number, number] = group.levels.includes(10) && group.levels.includes(90) ? [10, 90] : [group.levels[0]!, group.levels.at(-1)!];
      return {
        id,
        score,
        rank: score === null ? null : percentileRank(group.levels, values, score),
        quartiles: [at(25), at(50), at(75)],
        whiskers: { levels: ends, values: [at(ends[0]), at(ends[1])] },
      };
    }),
  };
}
