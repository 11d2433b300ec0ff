import { peerGroup, type PeerGroup } from '../core/peer-group.js';
import type { Answers } from '../store/records.js';
import type { AppContext } from './app-context.js';

/** The fewest organisations, other than the reader's, a group must count for any figure of it to be shown. */
export const PEER_MINIMUM = 5;

/**
 * Organisations like the reader's on this instance: the latest submitted results of those that
 * agreed to count in comparisons, grouped by `peerGroup` (the reader's own left out). The caller
 * has already checked the reader may see this organisation's result.
 */
export async function peersOf(ctx: AppContext, organisationId: number, profile: Answers): Promise<PeerGroup | null> {
  const entries = await ctx.store.assessments.latestConsentingResults();
  return peerGroup({ organisationId, profile }, entries, PEER_MINIMUM);
}
