import { formatDue } from '../core/due-date.js';
import { projectPlan } from '../core/project-plan.js';
import { localize, type Lang } from '../core/text.js';
import type { Plan, PlanItem } from '../store/plan-records.js';
import type { AppContext } from './app-context.js';

export interface PlanItemView extends PlanItem {
  /** The item's own title, or its action's, in the reader's language. */
  displayTitle: string;
  indicatorTitle: string;
  pillar: string;
  /** The due date in the reader's words ("mars 2027", "T1 2027"), as the PDF writes it. */
  dueLabel: string | null;
}

export interface PlanView extends Omit<Plan, 'items'> {
  items: PlanItemView[];
  /** Actions still without an owner or a due date (dropped ones aside): the page warns before submitting. */
  incomplete: { itemId: number; title: string; missing: ('owner' | 'due')[] }[];
  projection: {
    current: { global: number | null; pillars: Record<string, number | null> };
    projected: { global: number | null; pillars: Record<string, number | null> };
    gains: { global: number; pillars: Record<string, number> };
  } | null;
}

/** An item as its readers see it: titles in their language, its due date in their words. */
export function presentItem(ctx: AppContext, item: PlanItem, lang: Lang): PlanItemView {
  const indicator = ctx.scorer.index.indicators.get(item.indicator);
  const action = item.actionId ? ctx.content.actions.find((a) => a.id === item.actionId) : undefined;
  return {
    ...item,
    displayTitle: item.title ?? (action ? localize(action.title, lang) : item.indicator),
    indicatorTitle: indicator ? localize(indicator.indicator.title, lang) : item.indicator,
    pillar: indicator?.pillar ?? '',
    dueLabel: item.due ? formatDue(item.due, lang) : null,
  };
}

/** A plan as its readers see it: items presented, and the scores once every item is done. */
export async function presentPlan(ctx: AppContext, plan: Plan, lang: Lang): Promise<PlanView> {
  const items = plan.items.map((item) => presentItem(ctx, item, lang));
  const assessment = await ctx.store.assessments.get(plan.assessmentId);
  const projection = assessment ? await projectPlan(ctx.scorer, { profile: assessment.profile, answers: assessment.answers }, plan.items) : undefined;
  const summary = (r: { global: number | null; pillars: { id: string; score: number | null }[] }) => ({ global: r.global, pillars: Object.fromEntries(r.pillars.map((p) => [p.id, p.score])) });
  const incomplete = items
    .filter((i) => i.status !== 'dropped' && (i.owner === null || i.due === null))
    .map((i) => ({ itemId: i.id, title: i.displayTitle, missing: [...(i.owner === null ? ['owner' as const] : []), ...(i.due === null ? ['due' as const] : [])] }));
  return {
    ...plan,
    items,
    incomplete,
    projection: projection?.ok ? { current: summary(projection.value.current), projected: summary(projection.value.projected), gains: projection.value.gains } : null,
  };
}
