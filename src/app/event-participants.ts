import type { Actor } from '../core/access.js';
import { canSeeParticipant } from '../core/event-access.js';
import { cohortOf } from '../core/cohort.js';
import { MINIMUM_GROUP } from '../core/minimum-group.js';
import { bilingual, type Lang } from '../core/text.js';
import type { ParticipantRecord } from '../store/event-records.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, invalid, notFound, ok } from './app-error.js';
import { contentShape, eventFacts } from './event-facts.js';
import { loadEvent, loadForOrganiser, type LoadedEvent } from './event-load.js';
import { indicatorTitle, pillarTitle } from './event-view.js';
import { issue } from '../core/issue.js';

/** Who joined and what they have done; assignments to workshops; the cohort (organisers only). */

const day = (iso: string) => iso.slice(0, 10);

/** A participant's assessment and plan as the organisers and experts follow them. */
export async function participantState(ctx: AppContext, eventDate: string, p: ParticipantRecord) {
  const assessments = await ctx.store.assessments.listByOrganisation(p.organisationId);
  const submitted = assessments.filter((a) => a.submittedAt !== null && a.status === 'submitted').sort((a, b) => a.submittedAt!.localeCompare(b.submittedAt!));
  const latest = submitted.at(-1) ?? assessments.filter((a) => a.status === 'draft').at(-1);
  const plans = (await ctx.store.plans.listByOrganisation(p.organisationId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  const plan = plans.filter((x) => day(x.createdAt) >= day(p.joinedAt) || x.assessmentId === submitted.at(-1)?.id).at(-1) ?? plans.at(-1);
  return {
    assessment: {
      status: latest ? latest.status : ('none' as const), assessmentId: latest?.id ?? null, submittedAt: latest?.submittedAt ?? null,
      beforeEvent: submitted.some((a) => day(a.submittedAt!) <= eventDate),
    },
    plan: { status: plan?.status ?? ('none' as const), planId: plan?.id ?? null, shared: plan?.sharedAt != null },
  };
}

export async function presentParticipants(ctx: AppContext, loaded: LoadedEvent, visible: readonly ParticipantRecord[]) {
  const participants = [];
  for (const p of visible) {
    participants.push({ organisationId: p.organisationId, name: p.organisationName, joinedAt: p.joinedAt, workshopId: p.workshopId, named: p.named, ...await participantState(ctx, loaded.event.date, p) });
  }
  return { eventId: loaded.event.id, joined: participants.length, submittedBeforeEvent: participants.filter((p) => p.assessment.beforeEvent).length, participants };
}

/** Organisers see every participant, an expert those of their workshops; participants see none here. */
export async function listParticipants(ctx: AppContext, actor: Actor, eventId: number) {
  const loaded = await loadEvent(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  if (loaded.value.access.kind === 'participate') return participantsHidden();
  const access = loaded.value.access;
  return ok(await presentParticipants(ctx, loaded.value, loaded.value.participants.filter((p) => canSeeParticipant(access, p))));
}

const participantsHidden = () => fail('forbidden', 'participants-hidden', bilingual(
  'Seuls les organisateurs et les experts des ateliers voient les participants.',
  'Only the organisers and the workshops’ experts see the participants.',
));

/** The organisers assign the workshop; the participant's own members say whether it may be named. */
export async function updateParticipant(ctx: AppContext, actor: Actor, eventId: number, organisationId: number, input: { workshopId?: number | null; named?: boolean }) {
  const loaded = await loadEvent(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const { access, participants, workshops } = loaded.value;
  const participant = participants.find((p) => p.organisationId === organisationId);
  if (!participant || !canSeeParticipant(access, participant)) return notFound('Participant', 'Participant');
  if (input.workshopId !== undefined && access.kind !== 'organise') return fail('forbidden', 'organisers-only', bilingual('Seuls les organisateurs affectent les participants aux ateliers.', 'Only the organisers assign participants to workshops.'));
  if (input.named !== undefined && !(access.kind === 'participate' || actor.role === 'admin')) return fail('forbidden', 'own-consent', bilingual('Seule l’organisation elle-même dit si elle accepte d’être nommée.', 'Only the organisation itself says whether it agrees to be named.'));
  if (input.workshopId != null && !workshops.some((w) => w.id === input.workshopId)) return invalid([issue('unknown-workshop', '/workshopId', bilingual('Cet atelier n’est pas de cet événement.', 'This workshop is not one of this event’s.'))]);
  const now = isoNow(ctx);
  await ctx.store.transaction(async (tx) => {
    await tx.eventParticipants.update(eventId, organisationId, input);
    await tx.audit.record({ at: now, userId: actor.userId, organisationId, action: 'update', entity: 'participant', entityId: organisationId, eventId, detail: { ...input } });
  });
  const updated = (await ctx.store.eventParticipants.get(eventId, organisationId))!;
  return ok({ organisationId, name: updated.organisationName, joinedAt: updated.joinedAt, workshopId: updated.workshopId, named: updated.named, ...await participantState(ctx, loaded.value.event.date, updated) });
}

/** Several assignments at once (the proposed ones, accepted), in one transaction. */
export async function assignParticipants(ctx: AppContext, actor: Actor, eventId: number, assignments: readonly { organisationId: number; workshopId: number | null }[]) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const { participants, workshops } = loaded.value;
  const issues = assignments.flatMap((a, i) => [
    ...(participants.some((p) => p.organisationId === a.organisationId) ? [] : [issue('not-participant', `/assignments/${i}/organisationId`, bilingual('Cette organisation ne participe pas à l’événement.', 'This organisation does not take part in the event.'))]),
    ...(a.workshopId === null || workshops.some((w) => w.id === a.workshopId) ? [] : [issue('unknown-workshop', `/assignments/${i}/workshopId`, bilingual('Cet atelier n’est pas de cet événement.', 'This workshop is not one of this event’s.'))]),
  ]);
  if (issues.length > 0) return invalid(issues);
  const now = isoNow(ctx);
  await ctx.store.transaction(async (tx) => {
    for (const a of assignments) {
      await tx.eventParticipants.update(eventId, a.organisationId, { workshopId: a.workshopId });
      await tx.audit.record({ at: now, userId: actor.userId, organisationId: a.organisationId, action: 'assign', entity: 'participant', entityId: a.organisationId, eventId, detail: { workshopId: a.workshopId } });
    }
  });
  const again = await loadForOrganiser(ctx, actor, eventId);
  return again.ok ? ok(await presentParticipants(ctx, again.value, again.value.participants)) : again;
}

/** The cohort, for the organisers: figures only over five or more, scores only of those who agreed. */
export async function eventCohort(ctx: AppContext, actor: Actor, eventId: number, lang: Lang) {
  const loaded = await loadForOrganiser(ctx, actor, eventId);
  if (!loaded.ok) return loaded;
  const { event, participants, workshops } = loaded.value;
  const facts = await eventFacts(ctx, event, participants);
  const cohort = cohortOf(facts.participants, workshops.map((w) => ({ id: w.id, title: w.title, pillar: w.pillar, indicators: w.indicators })), contentShape(ctx));
  const globalWord = lang === 'fr' ? 'Score global' : 'Global score';
  return ok({
    eventId, minimumGroup: MINIMUM_GROUP, assessed: cohort.assessed,
    scores: cohort.scores.map((s) => ({ ...s, title: s.id === 'global' ? globalWord : pillarTitle(ctx, s.id, lang) ?? s.id })),
    gaps: cohort.gaps.map((g) => ({ ...g, indicatorTitle: indicatorTitle(ctx, g.indicator, lang) })),
    participants: cohort.participants.map((p) => ({ ...p, scores: p.scores ? { global: p.scores.global, pillars: { ...p.scores.pillars } } : null })),
  });
}

