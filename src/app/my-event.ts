import type { Actor } from '../core/access.js';
import { bilingual, localize, type Lang } from '../core/text.js';
import type { AppContext } from './app-context.js';
import { fail, ok } from './app-error.js';
import { beforeAndAfter, scoreSummary } from './event-facts.js';
import { loadEvent, phaseOf, today } from './event-load.js';
import { participantState } from './event-participants.js';
import { presentEvent, presentWorkshop } from './event-view.js';

type Missing = { code: 'assessment' | 'submit' | 'workshop' | 'plan' | 'submit-plan' | 'reassess'; message: string };

const MISSING = {
  assessment: bilingual('Commencez votre évaluation : elle prépare votre atelier.', 'Start your assessment: it prepares your workshop.'),
  submit: bilingual('Soumettez votre évaluation avant l’événement.', 'Submit your assessment before the event.'),
  workshop: bilingual('Les organisateurs vous affecteront bientôt à un atelier.', 'The organisers will soon assign you to a workshop.'),
  plan: bilingual('Rédigez votre plan d’action pendant l’atelier.', 'Draft your action plan during the workshop.'),
  'submit-plan': bilingual('Soumettez votre plan à l’expert de votre atelier.', 'Submit your plan to your workshop’s expert.'),
  reassess: bilingual('C’est le moment du suivi : refaites votre évaluation (vos réponses précédentes sont reprises).', 'It is follow-up time: re-assess (your previous answers are carried over).'),
};

const pick = (s: { global: number | null; pillars: Readonly<Record<string, number | null>> } | null) => (s ? { global: s.global, pillars: { ...s.pillars } } : null);

/** A leader's side of the event: their workshop and expert, what is missing, the re-assessment and their own bilan. */
export async function myEvent(ctx: AppContext, actor: Actor, eventId: number, lang: Lang) {
  const loaded = await loadEvent(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  if (loaded.value.access.kind !== 'participate') {
    return fail('forbidden', 'participants-only', bilingual('Cette vue est celle des organisations participantes.', 'This view is the participating organisations’.'));
  }
  const { event, participants, workshops, access } = loaded.value;
  const phase = phaseOf(event, today(ctx));
  const participations = [];
  for (const p of participants.filter((x) => access.organisations.has(x.organisationId))) {
    const state = await participantState(ctx, event.date, p);
    const assessments = await ctx.store.assessments.listByOrganisation(p.organisationId);
    const { before, after } = beforeAndAfter(assessments, event.date);
    const later = assessments.filter((a) => a.createdAt.slice(0, 10) > event.date).at(-1);
    const workshop = workshops.find((w) => w.id === p.workshopId);
    const plans = before ? (await ctx.store.plans.listByOrganisation(p.organisationId)).filter((x) => x.assessmentId === before.id) : [];
    const items = plans.flatMap((x) => x.items.filter((i) => i.status !== 'dropped'));
    const missing: Missing['code'][] = [];
    if (state.assessment.status === 'none') missing.push('assessment');
    else if (!state.assessment.beforeEvent && phase === 'before') missing.push('submit');
    if (!workshop) missing.push('workshop');
    if (phase !== 'before' && state.plan.status === 'none') missing.push('plan');
    if (state.plan.status === 'draft' || state.plan.status === 'changes-requested') missing.push('submit-plan');
    if (phase === 'follow-up' && !after) missing.push('reassess');
    participations.push({
      organisationId: p.organisationId, name: p.organisationName, named: p.named, joinedAt: p.joinedAt,
      workshop: workshop ? await presentWorkshop(ctx, workshop, participants, lang) : null,
      assessment: state.assessment, plan: state.plan,
      missing: missing.map((code) => ({ code, message: localize(MISSING[code], lang) })),
      reassessment: { open: phase === 'follow-up', from: event.followUp, assessmentId: (after ?? later)?.id ?? null, status: after ? ('submitted' as const) : later ? later.status : ('none' as const) },
      bilan: { before: pick(await scoreSummary(ctx, before)), after: pick(await scoreSummary(ctx, after)), itemsDone: items.filter((i) => i.status === 'done').length, items: items.length },
    });
  }
  return ok({ event: await presentEvent(ctx, loaded.value, lang), participations });
}
