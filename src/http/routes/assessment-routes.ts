import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { ok } from '../../app/app-error.js';
import { deleteDraft, reopenAssessment } from '../../app/assessment-lifecycle.js';
import { getResult } from '../../app/assessment-results.js';
import { getAssessment, saveAnswers, submitAssessment } from '../../app/assessments.js';
import { presentReport } from '../../core/present.js';
import { presentMovement } from '../../core/present-movement.js';
import { standingView } from '../../core/present-standing.js';
import { presentPeers } from '../../core/present-peers.js';
import { peersOf } from '../../app/peers.js';
import type { RouteRegistry } from '../route.js';
import { answersPatch, id, queryInteger, submitBody, submitWithConsent } from './schemas.js';
import * as shapes from '../responses/index.js';

const params = z.strictObject({ assessmentId: id });

export function assessmentRoutes(registry: RouteRegistry, ctx: AppContext): void {
  registry.add({
    method: 'get', path: '/assessments/:assessmentId', tag: 'assessments', auth: true, params,
    summary: 'Une évaluation : réponses, version, progression par pilier / answers, version, progress',
    responses: { 200: 'The assessment', 404: 'Not found (experts: drafts are not shown)' },
    response: shapes.Assessment,
    handler: ({ actor, params: p }) => getAssessment(ctx, actor, p.assessmentId),
  });
  registry.add({
    method: 'patch', path: '/assessments/:assessmentId', tag: 'assessments', auth: true, params, body: answersPatch,
    summary: 'Enregistrer quelques réponses (null efface), sur la version lue / save some answers',
    responses: { 200: 'Saved; `removed` lists answers that stopped applying', 403: 'Read-only access', 404: 'Not found', 409: 'Changed meanwhile, or already submitted: `current` holds the current state', 422: 'Invalid answers' },
    response: shapes.SavedAnswers,
    handler: ({ actor, params: p, body }) => saveAnswers(ctx, actor, p.assessmentId, body),
  });
  registry.add({
    method: 'post', path: '/assessments/:assessmentId/submit', tag: 'assessments', auth: true, params, body: submitWithConsent,
    summary: 'Soumettre : vérifie que tout est répondu, calcule et enregistre le score / submit and store the score',
    responses: { 200: 'Submitted', 403: 'Read-only access', 404: 'Not found', 409: 'Changed meanwhile or already submitted', 422: 'Incomplete or invalid: every problem listed' },
    response: shapes.Assessment,
    handler: ({ actor, params: p, body }) => submitAssessment(ctx, actor, p.assessmentId, body.version, body.countInComparisons),
  });
  registry.add({
    method: 'post', path: '/assessments/:assessmentId/reopen', tag: 'assessments', auth: true, params, body: submitBody,
    summary: 'Rouvrir une évaluation soumise pour la corriger ; son résultat reste dans l’historique / reopen a submitted assessment',
    responses: {
      200: 'A draft again; `earlierResults` keeps the result it was submitted with',
      403: 'Read-only access', 404: 'Not found',
      409: 'Changed meanwhile, not submitted, not the latest submitted one, or a plan drawn from it was submitted to the expert (said in words)',
    },
    response: shapes.Assessment,
    handler: ({ actor, params: p, body }) => reopenAssessment(ctx, actor, p.assessmentId, body.version),
  });
  registry.add({
    method: 'delete', path: '/assessments/:assessmentId', tag: 'assessments', auth: true, params, query: z.object({ version: queryInteger(1, Number.MAX_SAFE_INTEGER) }),
    summary: 'Supprimer un brouillon jamais soumis (?version=) ; le journal d’audit en garde le contenu / delete a draft',
    responses: { 200: 'Deleted', 403: 'Read-only access', 404: 'Not found', 409: 'Changed meanwhile, submitted, or submitted once and reopened' },
    response: shapes.Deleted,
    handler: ({ actor, params: p, query }) => deleteDraft(ctx, actor, p.assessmentId, query.version),
  });
  registry.add({
    method: 'get', path: '/assessments/:assessmentId/result', tag: 'assessments', auth: true, params,
    summary: 'Le score enregistré, expliqué, et ce qui a bougé depuis l’évaluation précédente / the stored, explained score and what moved',
    responses: { 200: 'The result with its content version, earlier results if it was reopened, `since`: what moved since the previous assessment and why, `standing`: where the global and each pillar stand among the published Impact Scores (all, and the region’s when 8 or more published there), and `peers`: the median and quartiles of organisations like it on this instance (null under 5 others)', 404: 'Not found, or not submitted yet' },
    response: shapes.AssessmentResult,
    handler: async ({ actor, params: p, lang }) => {
      const found = await getResult(ctx, actor, p.assessmentId);
      if (!found.ok) return found;
      const { assessment, result, computedAt, earlier, since } = found.value;
      const org = await ctx.store.organisations.get(assessment.organisationId);
      const peers = await peersOf(ctx, assessment.organisationId, assessment.profile);
      return ok({
        assessmentId: p.assessmentId,
        organisationId: assessment.organisationId,
        number: assessment.number,
        submittedAt: assessment.submittedAt,
        computedAt,
        report: presentReport(ctx.scorer.index, result, lang, org?.name),
        standing: standingView(ctx.scorer.index, result, assessment.profile.region, lang),
        peers: peers && presentPeers(ctx.scorer.index, peers, result, assessment.profile.headcount, lang),
        earlierResults: earlier.map((e) => ({ global: e.global, pillars: e.result.pillars.map((pl) => ({ id: pl.id, score: pl.score })), contentVersion: e.contentVersion, submittedAt: e.submittedAt, reopenedAt: e.reopenedAt })),
        since: since
          ? presentMovement(ctx.scorer.index, since.movement, {
              assessmentId: since.assessment.id, number: since.assessment.number, submittedAt: since.assessment.submittedAt,
              sameContent: since.contentVersion === result.contentVersion, answersChanged: since.changes.length,
            }, lang)
          : null,
      });
    },
  });
}
