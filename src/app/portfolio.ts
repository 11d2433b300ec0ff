import { readableOrganisations, type Actor } from '../core/access.js';
import type { ScoreResult } from '../core/score-result.js';
import { portfolioComparison } from '../core/portfolio-comparison.js';
import { presentPortfolioComparison, presentPosition } from '../core/present-portfolio-comparison.js';
import { localize, type Lang } from '../core/text.js';
import type { AppContext } from './app-context.js';
import { listOrganisations } from './organisations.js';
import { comparableResults } from './peers.js';

const BANDS = [20, 40, 60, 80, 101];

/**
 * The advisor's portfolio at a glance: each organisation's latest submitted scores and where they
 * fall among organisations like it, the distribution per pillar, the portfolio's median and
 * quartiles beside the rest of the instance's, and the gaps most shared — the indicators where the
 * most points are still available across the portfolio.
 */
export async function portfolioView(ctx: AppContext, actor: Actor, lang: Lang) {
  const organisations = (await listOrganisations(ctx, actor)).filter((o) => o.access === 'edit');
  const latest = [];
  for (const org of organisations) {
    const submitted = await ctx.store.assessments.latestSubmitted(org.id);
    const stored = submitted ? await ctx.store.assessments.result(submitted.id) : undefined;
    latest.push({ org, assessmentId: submitted?.id ?? null, submittedAt: submitted?.submittedAt ?? null, profile: submitted?.profile ?? {}, result: stored?.result });
  }
  const scored = latest.filter((l): l is typeof l & { result: ScoreResult } => l.result !== undefined);
  const comparison = portfolioComparison(
    scored.map((s) => ({ organisationId: s.org.id, profile: s.profile, result: s.result })),
    await comparableResults(ctx, readableOrganisations(actor)),
  );
  const index = ctx.scorer.index;
  const distribution = (values: (number | null)[]) => {
    const present = values.filter((v): v is number => v !== null);
    const bands = BANDS.map(() => 0);
    for (const v of present) bands[BANDS.findIndex((b) => v < b)]!++;
    return { count: present.length, mean: present.length ? Math.round((10 * present.reduce((a, b) => a + b, 0)) / present.length) / 10 : null, bands };
  };
  const gaps = [...index.indicators.values()].map((entry) => {
    const scores = scored.map((s) => s.result.pillars.find((p) => p.id === entry.pillar)?.indicators.find((i) => i.id === entry.indicator.id)?.score ?? null).filter((v): v is number => v !== null);
    const available = scores.reduce((sum, v) => sum + (100 - v), 0);
    return {
      indicator: entry.indicator.id,
      pillar: entry.pillar,
      title: localize(entry.indicator.title, lang),
      organisations: scores.length,
      meanPointsAvailable: scores.length ? Math.round((10 * available) / scores.length) / 10 : 0,
      below50: scores.filter((v) => v < 50).length,
    };
  }).sort((a, b) => b.meanPointsAvailable - a.meanPointsAvailable || a.indicator.localeCompare(b.indicator));
  return {
    organisations: latest.map((l) => ({
      id: l.org.id,
      name: l.org.name,
      assessmentId: l.assessmentId,
      submittedAt: l.submittedAt,
      global: l.result?.global ?? null,
      pillars: Object.fromEntries((l.result?.pillars ?? []).map((p) => [p.id, p.score])),
      position: l.result ? presentPosition(comparison.groups.get(l.org.id) ?? null, l.result, lang) : null,
    })),
    comparison: presentPortfolioComparison(index, comparison, lang),
    distribution: {
      global: distribution(scored.map((s) => s.result.global)),
      pillars: Object.fromEntries(index.pillars.map((p) => [p.id, distribution(scored.map((s) => s.result.pillars.find((x) => x.id === p.id)?.score ?? null))])),
    },
    gaps,
  };
}
