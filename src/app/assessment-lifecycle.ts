import type { Actor } from '../core/access.js';
import { bilingual } from '../core/text.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, ok, type Result } from './app-error.js';
import { conflict, editableDraft, readable, viewOf, type AssessmentView } from './assessments.js';
import { readOnly } from './organisations.js';

/**
 * Turns a submitted assessment back into a draft, so a mistake can be corrected: only the
 * organisation's latest submitted one (comparisons follow submission order), and only while no
 * plan drawn from it has gone to the expert (the review would then be about other answers). The
 * result it was submitted with is kept among its earlier results.
 */
export async function reopenAssessment(ctx: AppContext, actor: Actor, id: number, version: number): Promise<Result<AssessmentView>> {
  const found = await readable(ctx, actor, id);
  if (!found.ok) return found;
  const { assessment, editable } = found.value;
  if (!editable) return readOnly();
  if (assessment.status !== 'submitted') {
    return fail('conflict', 'assessment-draft', bilingual('Cette évaluation n’est pas soumise : elle se modifie déjà.', 'This assessment is not submitted: it can already be changed.'), { current: await viewOf(ctx, assessment) });
  }
  if (assessment.version !== version) return conflict(ctx, assessment);
  const latest = await ctx.store.assessments.latestSubmitted(assessment.organisationId);
  if (latest && latest.id !== assessment.id) {
    return fail('conflict', 'not-latest', bilingual(
      `L’évaluation n° ${latest.number} a été soumise depuis : seule la dernière évaluation soumise peut être rouverte.`,
      `Assessment no. ${latest.number} was submitted since: only the latest submitted assessment can be reopened.`,
    ));
  }
  const reviewed = (await ctx.store.plans.byAssessment(id)).find((p) => p.status !== 'draft' || p.submittedAt !== null);
  if (reviewed) {
    return fail('conflict', 'plan-submitted', bilingual(
      `Le plan « ${reviewed.title} », tiré de cette évaluation, a été soumis à l’expert : l’évaluation ne peut plus être rouverte. Démarrez une nouvelle évaluation : elle reprendra ces réponses.`,
      `The plan "${reviewed.title}", drawn from this assessment, was submitted to the expert: the assessment can no longer be reopened. Start a new assessment: it will take over these answers.`,
    ));
  }
  const now = isoNow(ctx);
  const reopened = await ctx.store.transaction(async (tx) => {
    const a = await tx.assessments.reopen(id, version, actor.userId, now);
    if (a) await tx.audit.record({ at: now, userId: actor.userId, organisationId: a.organisationId, action: 'reopen', entity: 'assessment', entityId: id, detail: { submittedAt: assessment.submittedAt } });
    return a;
  });
  return reopened ? ok(await viewOf(ctx, reopened)) : conflict(ctx, (await ctx.store.assessments.get(id))!);
}

/**
 * Deletes a draft that was never submitted (a reopened one keeps its history: it can only be
 * submitted again). The audit log keeps what it held.
 */
export async function deleteDraft(ctx: AppContext, actor: Actor, id: number, version: number): Promise<Result<{ deleted: number }>> {
  const found = await editableDraft(ctx, actor, id, version);
  if (!found.ok) return found;
  const assessment = found.value;
  if ((await ctx.store.assessments.earlierResults(id)).length > 0 || (await ctx.store.plans.byAssessment(id)).length > 0) {
    return fail('conflict', 'was-submitted', bilingual(
      'Cette évaluation a déjà été soumise une fois, puis rouverte : elle garde son historique et ne peut pas être supprimée. Soumettez-la à nouveau.',
      'This assessment was submitted once, then reopened: it keeps its history and cannot be deleted. Submit it again.',
    ));
  }
  const now = isoNow(ctx);
  const deleted = await ctx.store.transaction(async (tx) => {
    const done = await tx.assessments.deleteDraft(id, version);
    if (done) {
      await tx.audit.record({ at: now, userId: actor.userId, organisationId: assessment.organisationId, action: 'delete', entity: 'assessment', entityId: id, detail: { number: assessment.number, profile: assessment.profile, answers: assessment.answers } });
    }
    return done;
  });
  return deleted ? ok({ deleted: id }) : conflict(ctx, (await ctx.store.assessments.get(id)) ?? assessment);
}
