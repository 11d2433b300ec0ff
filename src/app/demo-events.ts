import type { Actor } from '../core/access.js';
import { applyChanges } from '../core/apply-changes.js';
import type { Action, AnswersDocument } from '../core/content-model.js';
import type { ContentIndex } from '../core/content-index.js';
import { testimonyLibrary } from '../core/testimony-library.js';
import { missingAnswers, validateAnswers } from '../core/validate-answers.js';
import { actorOf, createUser } from './accounts.js';
import type { AppContext } from './app-context.js';
import { createAssessment, saveAnswers, submitAssessment } from './assessments.js';
import { createEvent, updateEvent } from './events.js';
import { updateWorkshop } from './event-edits.js';
import { createOrganisation } from './organisations.js';
import { createPlan, reviewPlan, submitPlan, updateItem } from './plans.js';

/**
 * The demo's events: one past, with its bilan (six participants, plans approved, actions done,
 * five re-assessed after the follow-up), and one upcoming that Garrigue has joined. Each step runs
 * at its own moment of a clock set back from today, as it would have happened.
 */

const DAY = 86_400_000;
export const DEMO_ORGANISER = { email: 'organisatrice@demo.impact-score.org', password: 'demo-organiser-2026', name: 'Odile Organisatrice' };
/** The past event's participants: the example each one's answers come from, and its name. */
const PAST = [['scop-40', null], ['mission-company', null], ['association-20', null], ['industry-300', null], ['scop-40', 'Scop Lez Numérique'], ['association-20', 'Atelier Vélo du Lez']] as const;

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`demo data: ${JSON.stringify(r.error)}`);
  return r.value;
};

/** The three pillar workshops, each with two testimonies of the library cited by its pillar's actions (as its notes tell). */
const workshops = (ctx: AppContext, expert: string) => {
  const library = testimonyLibrary(ctx.scorer.index, 'fr');
  const told = (pillar: string) => {
    const indicators = new Set(ctx.scorer.index.pillars.find((p) => p.id === pillar)?.indicators.map((i) => i.id) ?? []);
    return library.filter((t) => t.indicators.some((i) => indicators.has(i))).slice(0, 2).map((t) => t.id);
  };
  return [
    { title: 'Externalités : emploi, climat, biodiversité', pillar: 'externalities', indicators: [], experts: [expert], testimonies: told('externalities'), recordedTestimonies: [] },
    { title: 'Partage : gouvernance et valeur', pillar: 'sharing', indicators: [], experts: [expert], testimonies: told('sharing'), recordedTestimonies: [] },
    { title: 'Stratégie : mission et dialogue', pillar: 'strategy', indicators: [], experts: [expert], testimonies: told('strategy'), recordedTestimonies: [] },
  ];
};

const intentions = [
  { kind: 'participants' as const, target: 6 },
  { kind: 'assessed-before' as const, target: 5 },
  { kind: 'plans-approved' as const, target: 4, withinWeeks: 6 },
  { kind: 'actions-done' as const, target: 8 },
  { kind: 'words' as const, text: 'Que les participants se revoient entre eux après l’atelier.' },
];

/** Fills the demo's events; `orgIds` maps the examples already made to their organisation. Returns the examples it assessed itself. */
export async function seedDemoEvents(base: AppContext, examples: ReadonlyMap<string, AnswersDocument>, orgIds: Map<string, number>, admin: Actor, expertEmail: string): Promise<void> {
  const today = base.now().getTime();
  const at = (days: number): AppContext => ({ ...base, now: () => new Date(today + days * DAY) });
  const day = (days: number) => new Date(today + days * DAY).toISOString().slice(0, 10);
  const organiserUser = unwrap(await createUser(base, { ...DEMO_ORGANISER, role: 'organiser' }));
  const organiser = await actorOf(base, organiserUser);
  await base.store.expertProfiles.save((await base.store.accounts.findByEmail(expertEmail))!.id, 0, { indicators: ['inclusion', 'climate', 'governance'].filter((id) => base.scorer.index.indicators.has(id)), territory: 'Hérault et Gard', organisation: 'Réseau des accompagnateurs d’Occitanie' }, base.now().toISOString());

  // The past event: eight months ago, its follow-up two months ago.
  const pastId = unwrap(await createEvent(at(-300), organiser, {
    title: 'De l’Impact Score à l’action — Montpellier, printemps', date: day(-240), followUp: day(-60), place: 'Cité de l’Économie et des Métiers de demain, Montpellier',
    partners: ['Région Occitanie', 'Montpellier Méditerranée Métropole'], intentions, workshops: workshops(base, expertEmail),
  })).id;
  const past = (await base.store.eventWorkshops.byEvent(pastId));
  const participants: { orgId: number; example: string }[] = [];
  for (const [i, [example, name]] of PAST.entries()) {
    let orgId = name === null ? orgIds.get(example) : undefined;
    if (orgId === undefined) {
      const doc = examples.get(example)!;
      orgId = unwrap(await createOrganisation(base, null, { name: name ?? doc.organisation?.name ?? example, profile: doc.profile, countInComparisons: true })).id;
    }
    await base.store.eventParticipants.join({ eventId: pastId, organisationId: orgId, workshopId: past[i % 3]!.id, joinedAt: at(-270 + i).now().toISOString(), joinedBy: null, invitationId: null, named: i < 2 });
    participants.push({ orgId, example });
  }
  const expert = await actorOf(base, (await base.store.accounts.findByEmail(expertEmail))!);
  for (const [i, p] of participants.entries()) {
    const doc = examples.get(p.example)!;
    const first = await submitted(at(-250 + i), admin, p.orgId, doc.answers);
    if (i === 5) continue; // The last one drafted no plan and did not re-assess.
    const suggestions = base.content.actions.filter((a) => completeOnceDone(base.scorer.index, doc, [a])).slice(i, i + 3);
    const plan = unwrap(await createPlan(at(-240), admin, first, { actionIds: suggestions.map((a) => a.id) }));
    let current = unwrap(await submitPlan(at(-238), admin, plan.id, plan.version));
    if (i < 4) current = unwrap(await reviewPlan(at(-230), expert, plan.id, { version: current.version, decision: 'approve', comment: 'Clair et daté : allez-y.' }));
    const done = current.items.slice(0, i < 4 ? 2 : 1);
    for (const [k, item] of done.entries()) current = unwrap(await updateItem(at(-200 + k * 20), admin, plan.id, item.id, current.version, { status: 'done' }));
    const better = applyChanges(base.scorer.index, doc, done.map((item) => base.content.actions.find((a) => a.id === item.actionId)!.changes));
    await submitted(at(-57 + i), admin, p.orgId, better.answers);
  }
  for (const [i, w] of past.entries()) {
    unwrap(await updateWorkshop(at(-239), admin, pastId, w.id, { version: w.version, notes: ['Deux témoignages très suivis ; chacun repart avec trois actions datées.', 'La question du partage de la valeur a pris plus de temps que prévu.', 'Atelier dense : prévoir une pause de plus.'][i] }, 'fr'));
  }
  const event = (await base.store.events.get(pastId))!;
  unwrap(await updateEvent(at(-58), admin, pastId, { version: event.version, improvements: 'Envoyer le lien d’invitation six semaines avant, pas trois ; relancer ceux qui n’ont pas soumis leur évaluation une semaine avant le jour J.' }, 'fr'));

  // The upcoming one, started from the past one: in three weeks, Garrigue has joined.
  const next = unwrap(await createEvent(at(-10), organiser, {
    title: 'De l’Impact Score à l’action — Nîmes, automne', date: day(21), followUp: day(200), place: 'Pôle entrepreneurial, Nîmes',
    partners: ['Région Occitanie', 'Nîmes Métropole'], intentions, workshops: workshops(base, expertEmail),
  }, pastId)).id;
  await base.store.eventParticipants.join({ eventId: next, organisationId: orgIds.get('insertion-esus')!, workshopId: null, joinedAt: at(-5).now().toISOString(), joinedBy: null, invitationId: null, named: false });
}

/** Whether the answers, once these actions are done, can still be submitted (no newly required question left open). */
function completeOnceDone(index: ContentIndex, doc: AnswersDocument, actions: readonly Action[]): boolean {
  const after = applyChanges(index, doc, actions.map((a) => a.changes));
  const { issues, applicability } = validateAnswers(index, after);
  return issues.length === 0 && missingAnswers(index, applicability.status).length === 0 && JSON.stringify(after.answers) !== JSON.stringify(doc.answers);
}

async function submitted(ctx: AppContext, admin: Actor, orgId: number, answers: AnswersDocument['answers']): Promise<number> {
  const draft = unwrap(await createAssessment(ctx, admin, orgId));
  const saved = unwrap(await saveAnswers(ctx, admin, draft.id, { version: draft.version, answers }));
  return unwrap(await submitAssessment(ctx, admin, saved.id, saved.version)).id;
}
