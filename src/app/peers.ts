import type { AnswersDocument } from '../core/content-model.js';
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

/**
 * Organisations like an answers file's on this instance (the CLI's `score --peers`). The file is
 * not stored: the organisation it names by SIREN, when the instance holds it, is left out of its
 * group as the reader's own would be.
 */
export async function peersOfDocument(ctx: AppContext, doc: AnswersDocument): Promise<PeerGroup | null> {
  const siren = doc.organisation?.siren;
  const own = siren ? (await ctx.store.organisations.list()).find((o) => o.siren === siren) : undefined;
  return peersOf(ctx, own?.id ?? 0, doc.profile as Answers);
}
