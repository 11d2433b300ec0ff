import { round1 } from './aggregate.js';
import type { Participant, ScoreSummary, WorkshopScope } from './event-model.js';
import { MINIMUM_GROUP } from './minimum-group.js';
import { quartiles, type Quartiles } from './quantile.js';

export interface CohortScore {
  /** 'global' or a pillar's id. */
  id: string;
  count: number;
  /** Null while fewer than MINIMUM_GROUP participants have submitted. */
  quartiles: Quartiles | null;
}

export interface SharedGap {
  indicator: string;
  pillar: string;
  /** Participants scoring under 50 on it, of `count` concerned. */
  below50: number;
  count: number;
  mean: number;
}

export interface CohortParticipant {
  organisationId: number;
  name: string;
  workshopId: number | null;
  weakestPillar: string | null;
  /** The workshop covering their weakest pillar, the least full first. */
  proposedWorkshopId: number | null;
  /** Their scores, only when they agreed to be shown. */
  scores: ScoreSummary | null;
}

export interface Cohort {
  assessed: number;
  scores: CohortScore[];
  gaps: SharedGap[];
  participants: CohortParticipant[];
}

export interface ContentShape {
  pillars: readonly string[];
  indicators: readonly { id: string; pillar: string }[];
}

const covers = (w: WorkshopScope, pillar: string, content: ContentShape) =>
  w.pillar === pillar || w.indicators.some((id) => content.indicators.find((i) => i.id === id)?.pillar === pillar);

/** The pillar with the lowest score (the first in content order on a tie); null with none scored. */
export function weakestPillar(summary: ScoreSummary, content: ContentShape): string | null {
  let weakest: string | null = null;
  for (const id of content.pillars) {
    const score = summary.pillars[id] ?? null;
    if (score !== null && (weakest === null || score < summary.pillars[weakest]!)) weakest = id;
  }
  return weakest;
}

/**
 * The participants as one group, for the organisers: how they stand per pillar and the gaps most
 * of them share (figures only over MINIMUM_GROUP or more), and for each participant the workshop
 * proposed — the one covering their weakest pillar, the least full of those first.
 */
export function cohortOf(participants: readonly Participant[], workshops: readonly WorkshopScope[], content: ContentShape): Cohort {
  const assessed = participants.filter((p): p is Participant & { before: ScoreSummary } => p.before !== null);
  const shown = assessed.length >= MINIMUM_GROUP;
  const values = (read: (s: ScoreSummary) => number | null) => assessed.map((p) => read(p.before)).filter((v): v is number => v !== null);
  const scores = ['global', ...content.pillars].map((id) => {
    const present = values((s) => (id === 'global' ? s.global : s.pillars[id] ?? null));
    return { id, count: present.length, quartiles: shown && present.length >= MINIMUM_GROUP ? quartiles(present) : null };
  });
  const gaps = shown
    ? content.indicators.map(({ id, pillar }) => {
        const present = values((s) => s.indicators[id] ?? null);
        return { indicator: id, pillar, below50: present.filter((v) => v < 50).length, count: present.length, mean: present.length ? round1(present.reduce((a, b) => a + b, 0) / present.length) : 0 };
      }).filter((g) => g.count >= MINIMUM_GROUP && g.below50 > 0).sort((a, b) => b.below50 - a.below50 || a.mean - b.mean || a.indicator.localeCompare(b.indicator))
    : [];
  const load = new Map(workshops.map((w) => [w.id, participants.filter((p) => p.workshopId === w.id).length]));
  return {
    assessed: assessed.length,
    scores,
    gaps,
    participants: participants.map((p) => {
      const weakest = p.before ? weakestPillar(p.before, content) : null;
      const candidates = weakest === null ? [] : workshops.filter((w) => covers(w, weakest, content));
      const proposed = candidates.sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.id - b.id)[0] ?? null;
      if (proposed && p.workshopId === null) load.set(proposed.id, load.get(proposed.id)! + 1);
      return { organisationId: p.organisationId, name: p.name, workshopId: p.workshopId, weakestPillar: weakest, proposedWorkshopId: proposed?.id ?? null, scores: p.named ? p.before : null };
    }),
  };
}
