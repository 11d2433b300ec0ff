import type { AnswersDocument } from '../core/content-model.js';
import type { Role } from '../store/records.js';
import { actorOf, createUser } from './accounts.js';
import type { AppContext } from './app-context.js';
import { createAssessment, saveAnswers, submitAssessment } from './assessments.js';
import { createOrganisation } from './organisations.js';
import { seedDemoEvents } from './demo-events.js';

/** The demo accounts created on first start; the README lists them. */
export const DEMO_ACCOUNTS: { email: string; password: string; name: string; role: Role; examples: string[] }[] = [
  { email: 'admin@demo.impact-score.org', password: 'demo-admin-2026', name: 'Admin Démo', role: 'admin', examples: [] },
  { email: 'dirigeante@demo.impact-score.org', password: 'demo-leader-2026', name: 'Inès Dirigeante', role: 'leader', examples: ['insertion-esus'] },
  { email: 'expert@demo.impact-score.org', password: 'demo-expert-2026', name: 'Halima Experte', role: 'expert', examples: [] },
  { email: 'conseil@demo.impact-score.org', password: 'demo-advisor-2026', name: 'Paul Conseiller', role: 'advisor', examples: ['scop-40', 'mission-company'] },
];

const DEMO_ORGANISATIONS = ['insertion-esus', 'scop-40', 'mission-company'];
/** Assessed by the demo's past event, at the moments it would have happened. */
const IN_PAST_EVENT = new Set(['scop-40', 'mission-company']);

/**
 * Fills an empty database with demo content: organisations of different shapes with a submitted
 * assessment each, a past event with its bilan and an upcoming one, and one account per role. Does nothing if any user exists.
 * All of it is one transaction holding the `demo-data` key: instances starting together on one
 * database create it once (the others find the users the first one made), and a start
 * interrupted half-way leaves nothing to trip over.
 */
export async function seedDemoData(ctx: AppContext, examples: ReadonlyMap<string, AnswersDocument>): Promise<boolean> {
  return ctx.store.transaction(async (tx) => {
    await tx.exclusive('demo-data');
    if ((await tx.accounts.countUsers()) > 0) return false;
    await seed({ ...ctx, store: tx }, examples);
    return true;
  });
}

async function seed(ctx: AppContext, examples: ReadonlyMap<string, AnswersDocument>): Promise<void> {
  const orgIds = new Map<string, number>();
  for (const name of DEMO_ORGANISATIONS) {
    const doc = examples.get(name);
    if (!doc) throw new Error(`demo data: example ${name} is missing from data/examples`);
    const org = await createOrganisation(ctx, null, { name: doc.organisation?.name ?? name, profile: doc.profile, countInComparisons: true });
    if (!org.ok) throw new Error(`demo data: ${JSON.stringify(org.error)}`);
    orgIds.set(name, org.value.id);
  }
  for (const account of DEMO_ACCOUNTS) {
    const created = await createUser(ctx, { ...account, organisations: account.examples.map((e) => orgIds.get(e)!) });
    if (!created.ok) throw new Error(`demo data: ${JSON.stringify(created.error)}`);
  }
  const admin = await actorOf(ctx, (await ctx.store.accounts.findByEmail(DEMO_ACCOUNTS[0]!.email))!);
  for (const [name, orgId] of orgIds) {
    if (IN_PAST_EVENT.has(name)) continue;
    const draft = await createAssessment(ctx, admin, orgId);
    if (!draft.ok) throw new Error(`demo data: ${JSON.stringify(draft.error)}`);
    const saved = await saveAnswers(ctx, admin, draft.value.id, { version: draft.value.version, answers: examples.get(name)!.answers });
    if (!saved.ok) throw new Error(`demo data: ${JSON.stringify(saved.error)}`);
    const submitted = await submitAssessment(ctx, admin, saved.value.id, saved.value.version);
    if (!submitted.ok) throw new Error(`demo data: ${JSON.stringify(submitted.error)}`);
  }
  await seedDemoEvents(ctx, examples, orgIds, admin, DEMO_ACCOUNTS[2]!.email);
}
