import { MINIMUM_GROUP } from './minimum-group.js';
import { figuresOf, peerGroup, type PeerEntry, type PeerFigure, type PeerGroup } from './peer-group.js';

/** Where a score falls in a group's quartiles. */
export type QuartilePosition = 'lowest-quarter' | 'below-median' | 'at-median' | 'above-median' | 'highest-quarter';

export function quartilePosition(score: number, [q1, median, q3]: readonly [number, number, number]): QuartilePosition {
  if (score < q1) return 'lowest-quarter';
  if (score < median) return 'below-median';
  if (score === median) return 'at-median';
  if (score <= q3) return 'above-median';
  return 'highest-quarter';
}

export interface PortfolioComparison {
  /** The portfolio's own organisations with a submitted result: the advisor already reads each of them. */
  portfolio: { count: number; figures: Record<string, PeerFigure> };
  /** Every other consenting organisation of the instance; null under MINIMUM_GROUP. */
  instance: { count: number; figures: Record<string, PeerFigure> } | null;
  /** By organisation id: its group of organisations like it among `consenting` (itself left out), or null under MINIMUM_GROUP. */
  groups: Map<number, PeerGroup | null>;
}

/**
 * An advisor's portfolio against the instance. The portfolio side is its organisations' latest
 * results whoever agreed, since the advisor reads each of them anyway; the instance side counts
 * only consenting organisations outside the portfolio, and shows nothing under MINIMUM_GROUP. Each
 * organisation is placed in its group of organisations like it, as on its result page. The caller
 * leaves out of `consenting` every organisation the reader reads one by one (the portfolio among
 * them): with their scores known, a group's quartiles could give away the one other in it.
 */
export function portfolioComparison(portfolio: readonly PeerEntry[], consenting: readonly PeerEntry[]): PortfolioComparison {
  const inPortfolio = new Set(portfolio.map((e) => e.organisationId));
  const outside = [...new Map(consenting.filter((e) => !inPortfolio.has(e.organisationId)).map((e) => [e.organisationId, e])).values()];
  const groups = new Map(portfolio.map((e) => [e.organisationId, peerGroup(e, consenting)]));
  return {
    portfolio: { count: portfolio.length, figures: figuresOf(portfolio, 1) },
    instance: outside.length >= MINIMUM_GROUP ? { count: outside.length, figures: figuresOf(outside, MINIMUM_GROUP) } : null,
    groups,
  };
}
