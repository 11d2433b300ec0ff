import type { ScoreResult } from './score-result.js';

/**
 * What a published result shows at its public address, frozen when published: later edits of
 * the organisation, the assessment or the plan change nothing until it is published again.
 * Language-neutral (ids and scores): the public page words it in the reader's language.
 */
export interface PublicationSnapshot {
  organisation: { name: string; region: string | null; sector: string | null };
  assessment: { number: number; submittedAt: string };
  contentVersion: string;
  global: number | null;
  pillars: { id: string; score: number | null; indicators: { id: string; score: number | null }[] }[];
  /** The plan's headline actions, when the leader chose to show them. */
  headlineActions: { actionId: string | null; title: string | null; indicator: string }[] | null;
  /** The expert's approval of that plan, when the leader chose to show it. */
  approval: { by: string; at: string } | null;
}

export interface PublicationInput {
  organisation: { name: string; profile: Record<string, unknown> };
  assessment: { number: number; submittedAt: string; result: ScoreResult };
  plan?: { items: { actionId: string | null; title: string | null; indicator: string; status: string }[]; approval: { by: string; at: string } | null };
  options: { headlineActions: boolean; approval: boolean; top?: number };
}

/** The snapshot of a submitted result a leader publishes: scores always, the plan's headline actions and approval only when asked. */
export function publicationSnapshot(input: PublicationInput): PublicationSnapshot {
  const { organisation, assessment, plan, options } = input;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const actions = plan && options.headlineActions
    ? plan.items.filter((i) => i.status !== 'dropped').slice(0, options.top ?? 5).map((i) => ({ actionId: i.actionId, title: i.title, indicator: i.indicator }))
    : null;
  // Copied field by field: the snapshot shares nothing with what it was made from.
  return {
    organisation: { name: organisation.name, region: text(organisation.profile.region), sector: text(organisation.profile.sector) },
    assessment: { number: assessment.number, submittedAt: assessment.submittedAt },
    contentVersion: assessment.result.contentVersion,
    global: assessment.result.global,
    pillars: assessment.result.pillars.map((p) => ({ id: p.id, score: p.score, indicators: p.indicators.map((i) => ({ id: i.id, score: i.score })) })),
    headlineActions: actions,
    approval: plan?.approval && options.approval ? { ...plan.approval } : null,
  };
}
