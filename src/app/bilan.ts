import { planBilan, type BilanItem, type BilanScore } from '../core/plan-bilan.js';
import { itemGains, projectPlan } from '../core/project-plan.js';
import type { ScoreResult } from '../core/score-result.js';
import type { Lang } from '../core/text.js';
import type { Plan, PlanDecision, PlanStatus } from '../store/plan-records.js';
import type { Assessment } from '../store/records.js';
import type { AppContext } from './app-context.js';
import { presentItem, type PlanItemView } from './plan-view.js';

/** One plan drawn from the earlier assessment, intended beside achieved, worded for its reader. */
export interface PlanBilanView {
  planId: number;
  title: string;
  status: PlanStatus;
  lastDecision: PlanDecision | null;
  items: (Omit<BilanItem<PlanItemView>, 'item'> & PlanItemView)[];
  /** Global first, then each pillar: earlier, projected by the plan, achieved. */
  scores: BilanScore[];
}

/**
 * The bilan of each plan drawn from the earlier assessment that the reader may see (empty ones
 * aside): each item's own gain and the plan's projection are computed from the earlier answers,
 * as when it was drawn up.
 */
export async function bilans(ctx: AppContext, before: Assessment, plans: readonly Plan[], results: { before: ScoreResult; after: ScoreResult }, lang: Lang): Promise<PlanBilanView[]> {
  const baseline = { profile: before.profile, answers: before.answers };
  const views: PlanBilanView[] = [];
  for (const plan of plans) {
    if (plan.items.length === 0) continue;
    const projection = await projectPlan(ctx.scorer, baseline, plan.items);
    if (!projection.ok) continue;
    const gains = await itemGains(ctx.scorer, baseline, projection.value.current, plan.items);
    const items = plan.items.map((i) => presentItem(ctx, i, lang));
    const bilan = planBilan(results.before, results.after, projection.value.projected, gains, items);
    views.push({
      planId: plan.id, title: plan.title, status: plan.status, lastDecision: plan.lastDecision,
      items: bilan.items.map(({ item, ...rest }) => ({ ...item, ...rest })),
      scores: bilan.scores,
    });
  }
  return views;
}
