import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { ok } from '../../app/app-error.js';
import { getAssessment, getResult, saveAnswers, submitAssessment } from '../../app/assessments.js';
import { presentReport } from '../../core/present.js';
import type { RouteRegistry } from '../route.js';
import { answersPatch, id, submitBody } from './schemas.js';

const params = z.strictObject({ assessmentId: id });

export function assessmentRoutes(registry: RouteRegistry, ctx: AppContext): void {
  registry.add({
    method: 'get', path: '/assessments/:assessmentId', tag: 'assessments', auth: true, params,
    summary: 'Une évaluation : réponses, version, progression par pilier / answers, version, progress',
    responses: { 200: 'The assessment', 404: 'Not found (experts: drafts are not shown)' },
    handler: ({ actor, params: p }) => getAssessment(ctx, actor, p.assessmentId),
  });
  registry.add({
    method: 'patch', path: '/assessments/:assessmentId', tag: 'assessments', auth: true, params, body: answersPatch,
    summary: 'Enregistrer quelques réponses (null efface), sur la version lue / save some answers',
    responses: { 200: 'Saved; `removed` lists answers that stopped applying', 403: 'Read-only access', 404: 'Not found', 409: 'Changed meanwhile, or already submitted: `current` holds the current state', 422: 'Invalid answers' },
    handler: ({ actor, params: p, body }) => saveAnswers(ctx, actor, p.assessmentId, body),
  });
  registry.add({
    method: 'post', path: '/assessments/:assessmentId/submit', tag: 'assessments', auth: true, params, body: submitBody,
    summary: 'Soumettre : vérifie que tout est répondu, calcule et enregistre le score / submit and store the score',
    responses: { 200: 'Submitted', 403: 'Read-only access', 404: 'Not found', 409: 'Changed meanwhile or already submitted', 422: 'Incomplete or invalid: every problem listed' },
    handler: ({ actor, params: p, body }) => submitAssessment(ctx, actor, p.assessmentId, body.version),
  });
  registry.add({
    method: 'get', path: '/assessments/:assessmentId/result', tag: 'assessments', auth: true, params,
    summary: 'Le score enregistré, expliqué / the stored, explained score',
    responses: { 200: 'The result with its content version', 404: 'Not found, or not submitted yet' },
    handler: ({ actor, params: p, lang }) => {
      const found = getResult(ctx, actor, p.assessmentId);
      if (!found.ok) return found;
      const org = ctx.store.organisations.get(found.value.assessment.organisationId);
      return ok({
        assessmentId: p.assessmentId,
        organisationId: found.value.assessment.organisationId,
        computedAt: found.value.computedAt,
        report: presentReport(ctx.scorer.index, found.value.result, lang, org?.name),
      });
    },
  });
}
