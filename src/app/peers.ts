import type { AnswersDocument } from '../core/content-model.js';
import { peerGroup, type PeerEntry, type PeerGroup } from '../core/peer-group.js';
import type { Answers } from '../store/records.js';
import type { AppContext } from './app-context.js';

/**
 * Organisations like the reader's on this instance: the latest submitted results of those that
 * agreed to count in comparisons, grouped by `peerGroup` (the organisation itself left out, and
 * the organisations the reader reads one by one: `readableOrganisations`). The caller has already
 * checked the reader may see this organisation's result.
 */
export async function peersOf(ctx: AppContext, organisationId: number, profile: Answers, readable: ReadonlySet<number> = new Set()): Promise<PeerGroup | null> {
  return peerGroup({ organisationId, profile }, await comparableResults(ctx, readable));
}

/** The latest results of the organisations that agreed to count, but for those the reader reads one by one. */
export async function comparableResults(ctx: AppContext, readable: ReadonlySet<number>): Promise<PeerEntry[]> {
  return (await ctx.store.assessments.latestConsentingResults()).filter((e) => !readable.has(e.organisationId));
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
