import type { ScoreResult } from '../../src/core/score-result.js';
import type { Store } from '../../src/store/store.js';

export const NOW = '2026-11-21T10:00:00.000Z';
export const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();

/** An organisation with a leader, an advisor and an expert: the people most repository tests need. */
export async function people(store: Store): Promise<{ orgId: number; leaderId: number; advisorId: number; expertId: number }> {
  const org = await store.organisations.create({ name: 'Garrigue', siren: '123456789', profile: { headcount: '10-49' } }, NOW);
  const leader = await store.accounts.createUser({ email: 'leader@test.org', name: 'Léa', passwordHash: 'hash', role: 'leader' }, NOW);
  const advisor = await store.accounts.createUser({ email: 'advisor@test.org', name: 'Paul', passwordHash: 'hash', role: 'advisor' }, NOW);
  const expert = await store.accounts.createUser({ email: 'expert@test.org', name: 'Halima', passwordHash: 'hash', role: 'expert' }, NOW);
  await store.accounts.addMembership(leader.id, org.id, 'leader');
  await store.accounts.addMembership(advisor.id, org.id, 'advisor');
  return { orgId: org.id, leaderId: leader.id, advisorId: advisor.id, expertId: expert.id };
}

/** A stand-in for a score: the repositories store it whole and read it back, whatever it holds. */
export const aResult = (global: number): ScoreResult => ({ contentVersion: '2026.2', global, pillars: [], indicators: [] }) as unknown as ScoreResult;
