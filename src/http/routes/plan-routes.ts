import { z } from 'zod';
import { schemaMessage } from '../../core/zod-issues.js';
import type { AppContext } from '../../app/app-context.js';
import { ok, type Result } from '../../app/app-error.js';
import { bilanDocument } from '../../app/bilan-document-data.js';
import { compareAssessments, suggestionsFor } from '../../app/insights.js';
import { storedPlanDocument } from '../../app/plan-document-data.js';
import { presentPlan } from '../../app/plan-view.js';
import type { PdfRenderer } from '../../pdf/pdf-renderer.js';
import { pdfDownload } from '../pdf-download.js';
import { addItem, commentPlan, createPlan, getPlan, listPlans, planHistory, removeItem, renamePlan, reorderItems, restoreItem, reviewPlan, submitPlan, updateItem } from '../../app/plans.js';
import { presentSuggestions } from '../../core/present-suggestions.js';
import type { Lang } from '../../core/text.js';
import type { Plan } from '../../store/plan-records.js';
import type { RouteRegistry } from '../route.js';
import { bodyId, id, queryInteger } from './schemas.js';
import * as shapes from '../responses/index.js';

/** A text a person types: its limits said in their words, never zod's. */
const text = (max: number, what: { fr: string; en: string }) => z.string().trim()
  .min(1, schemaMessage({ fr: `${what.fr} est vide.`, en: `${what.en} is empty.` }))
  .max(max, schemaMessage({ fr: `${what.fr} : ${max} caractères au plus.`, en: `${what.en}: ${max} characters at most.` }));
const due = z.string().trim().max(40, schemaMessage({ fr: 'Échéance : un mois (mars 2027, 03/2027) ou un trimestre (T1 2027).', en: 'Due date: a month (March 2027, 03/2027) or a quarter (Q1 2027).' }))
  .meta({ description: 'Un mois ou un trimestre, sous une forme courante (2027-03, 03/2027, mars 2027, 2027-Q1, T1 2027, Q1 2027) ; rendu sous la forme 2027-03 ou 2027-Q1 / a month or a quarter, stored as 2027-03 or 2027-Q1' });
const itemStatus = z.enum(['todo', 'in-progress', 'done', 'dropped'], schemaMessage({ fr: 'Avancement : à faire (todo), en cours (in-progress), fait (done) ou abandonné (dropped).', en: 'Progress: todo, in-progress, done or dropped.' }));
const itemFields = {
  title: text(200, { fr: 'L’intitulé', en: 'The title' }).nullable().optional(),
  owner: text(120, { fr: 'Le responsable', en: 'The owner' }).nullable().optional(),
  due: due.nullable().optional(),
  status: itemStatus.optional(),
  target: text(500, { fr: 'L’objectif', en: 'The target' }).nullable().optional(),
  successIndicator: text(500, { fr: 'L’indicateur de réussite', en: 'The success indicator' }).nullable().optional(),
  notes: z.string().max(5000, schemaMessage({ fr: 'Notes : 5 000 caractères au plus.', en: 'Notes: 5,000 characters at most.' })).nullable().optional(),
};
const commentBody = text(5000, { fr: 'Le commentaire', en: 'The comment' });
const version = z.number().int().positive();
const planParams = z.strictObject({ planId: id });
const itemParams = z.strictObject({ planId: id, itemId: id });
const assessmentParams = z.strictObject({ assessmentId: id });

export function planRoutes(registry: RouteRegistry, ctx: AppContext, pdf: PdfRenderer): void {
  const view = async (pending: Result<Plan> | Promise<Result<Plan>>, lang: Lang): Promise<Result<unknown>> => {
    const result = await pending;
    return result.ok ? ok(await presentPlan(ctx, result.value, lang)) : result;
  };

  registry.add({
    method: 'get', path: '/assessments/:assessmentId/suggestions', tag: 'plans', auth: true, params: assessmentParams,
    query: z.object({ limit: queryInteger(1, 200).optional(), pillar: z.string().max(60).optional() }),
    summary: 'Actions suggérées, classées par gain pour l’effort, avec témoignages (?pillar= pour un pilier) / ranked suggested actions',
    responses: { 200: 'Ranked suggestions, each with computed gains, reason and testimonies', 404: 'Not found' },
    response: shapes.Suggestions,
    handler: async ({ actor, params, query, lang }) => {
      const found = await suggestionsFor(ctx, actor, params.assessmentId);
      if (!found.ok) return found;
      const inPillar = found.value.suggestions.filter((s) => query.pillar === undefined || s.pillar === query.pillar);
      const list = inPillar.slice(0, query.limit ?? inPillar.length);
      return ok({ assessmentId: params.assessmentId, contentVersion: ctx.content.version, global: found.value.global, suggestions: presentSuggestions(ctx.scorer.index, list, lang) });
    },
  });
  registry.add({
    method: 'get', path: '/assessments/:assessmentId/comparison', tag: 'plans', auth: true, params: assessmentParams,
    query: z.object({ with: id.optional() }),
    summary: 'Comparer avec une évaluation antérieure : écarts, et prévu / réalisé / compare with an earlier assessment',
    responses: { 200: 'Changes per indicator, pillar and global; plan items done, and whether their indicator improved; for each plan drawn from the earlier assessment, each item’s projected gain beside its indicator’s change, and the plan’s projected scores beside the achieved ones', 404: 'Not found or nothing earlier' },
    response: shapes.Comparison,
    handler: ({ actor, params, query, lang }) => compareAssessments(ctx, actor, params.assessmentId, query.with, lang),
  });
  registry.add({
    method: 'get', path: '/assessments/:assessmentId/comparison/pdf', tag: 'plans', auth: true, params: assessmentParams,
    query: z.object({ with: id.optional() }),
    summary: 'Le bilan en PDF : chaque plan parti de l’évaluation antérieure, prévu et réalisé (?lang=en) / the progress report as a PDF',
    responses: { 200: 'application/pdf, streamed', 404: 'Not found, nothing earlier, or no plan drawn from the earlier assessment (nothing is sent before access is checked)' },
    produces: ['application/pdf'],
    handler: async ({ actor, params, query, lang, res }) => pdfDownload(pdf, res, await bilanDocument(ctx, actor, params.assessmentId, query.with, lang), `bilan-${params.assessmentId}-${lang}.pdf`),
  });
  registry.add({
    method: 'post', path: '/assessments/:assessmentId/plans', tag: 'plans', auth: true, params: assessmentParams, status: 201,
    body: z.strictObject({ title: text(200, { fr: 'Le titre du plan', en: 'The plan’s title' }).optional(), actionIds: z.array(z.string().max(60)).max(100).optional() }),
    summary: 'Créer un plan d’action depuis une évaluation soumise / create an action plan',
    responses: { 201: 'Created (draft)', 403: 'Read-only access', 404: 'Not found', 409: 'Assessment not submitted', 422: 'Unknown action' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => view(createPlan(ctx, actor, params.assessmentId, body), lang),
  });
  registry.add({
    method: 'get', path: '/organisations/:organisationId/plans', tag: 'plans', auth: true, params: z.strictObject({ organisationId: id }),
    summary: 'Les plans d’une organisation / an organisation’s plans',
    responses: { 200: 'Plans, oldest first', 404: 'Not found' },
    response: z.array(shapes.PlanRecord),
    handler: ({ actor, params }) => listPlans(ctx, actor, params.organisationId),
  });
  registry.add({
    method: 'get', path: '/plans/:planId', tag: 'plans', auth: true, params: planParams,
    summary: 'Un plan : éléments, commentaires, scores projetés / a plan with its projection',
    responses: { 200: 'The plan', 404: 'Not found' },
    response: shapes.Plan,
    handler: async ({ actor, params, lang }) => view(getPlan(ctx, actor, params.planId), lang),
  });
  registry.add({
    method: 'patch', path: '/plans/:planId', tag: 'plans', auth: true, params: planParams, body: z.strictObject({ version, title: text(200, { fr: 'Le titre du plan', en: 'The plan’s title' }) }),
    summary: 'Renommer le plan / rename the plan',
    responses: { 200: 'Renamed (back to draft)', 403: 'Read-only', 404: 'Not found', 409: 'Changed meanwhile' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => view(renamePlan(ctx, actor, params.planId, body.version, body.title), lang),
  });
  registry.add({
    method: 'post', path: '/plans/:planId/items', tag: 'plans', auth: true, params: planParams, status: 201,
    body: z.strictObject({ version, actionId: z.string().max(60).optional(), indicator: z.string().max(60).optional(), ...itemFields }),
    summary: 'Ajouter une action (suggérée : actionId ; à vous : title + indicator) / add an item',
    responses: { 201: 'Added (back to draft)', 403: 'Read-only', 404: 'Not found', 409: 'Changed meanwhile', 422: 'Unknown action or indicator' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => {
      const { version: v, ...input } = body;
      return view(addItem(ctx, actor, params.planId, v, input), lang);
    },
  });
  registry.add({
    method: 'patch', path: '/plans/:planId/items/:itemId', tag: 'plans', auth: true, params: itemParams, body: z.strictObject({ version, ...itemFields }),
    summary: 'Modifier un élément (statut et notes : suivi, sans retour au brouillon) / update an item',
    responses: { 200: 'Updated', 403: 'Read-only', 404: 'Not found', 409: 'Changed meanwhile' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => {
      const { version: v, ...input } = body;
      return view(updateItem(ctx, actor, params.planId, params.itemId, v, input), lang);
    },
  });
  registry.add({
    method: 'delete', path: '/plans/:planId/items/:itemId', tag: 'plans', auth: true, params: itemParams, query: z.object({ version: queryInteger(1, Number.MAX_SAFE_INTEGER) }),
    summary: 'Retirer un élément (?version=) ; POST …/restore le remet / remove an item (undo with …/restore)',
    responses: { 200: 'Removed', 403: 'Read-only', 404: 'Not found', 409: 'Changed meanwhile' },
    response: shapes.Plan,
    handler: async ({ actor, params, query, lang }) => view(removeItem(ctx, actor, params.planId, params.itemId, query.version), lang),
  });
  registry.add({
    method: 'post', path: '/plans/:planId/items/:itemId/restore', tag: 'plans', auth: true, params: itemParams, body: z.strictObject({ version }),
    summary: 'Remettre un élément retiré, tel qu’il était (annuler le retrait) / put a removed item back (undo)',
    responses: { 200: 'Restored (back to draft)', 403: 'Read-only', 404: 'Not found or not removed', 409: 'Changed meanwhile' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => view(restoreItem(ctx, actor, params.planId, params.itemId, body.version), lang),
  });
  registry.add({
    method: 'post', path: '/plans/:planId/items/order', tag: 'plans', auth: true, params: planParams, body: z.strictObject({ version, itemIds: z.array(bodyId).max(500) }),
    summary: 'Réordonner les éléments / reorder items',
    responses: { 200: 'Reordered', 403: 'Read-only', 404: 'Not found', 409: 'Changed meanwhile', 422: 'Not every item named once' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => view(reorderItems(ctx, actor, params.planId, body.version, body.itemIds), lang),
  });
  registry.add({
    method: 'post', path: '/plans/:planId/submit', tag: 'plans', auth: true, params: planParams, body: z.strictObject({ version }),
    summary: 'Soumettre le plan à l’expert de l’atelier / submit for review',
    responses: { 200: 'Submitted', 403: 'Read-only', 404: 'Not found', 409: 'Changed meanwhile or wrong state', 422: 'Empty plan' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => view(submitPlan(ctx, actor, params.planId, body.version), lang),
  });
  registry.add({
    method: 'post', path: '/plans/:planId/review', tag: 'plans', auth: true, params: planParams,
    body: z.strictObject({ version, decision: z.enum(['approve', 'request-changes']), comment: commentBody.optional() }),
    summary: 'Relecture par l’expert : approuver ou demander des changements / expert review',
    responses: { 200: 'Reviewed', 403: 'Not this organisation’s workshop expert', 404: 'Not found', 409: 'Not awaiting review, or changed meanwhile' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => view(reviewPlan(ctx, actor, params.planId, body), lang),
  });
  registry.add({
    method: 'post', path: '/plans/:planId/comments', tag: 'plans', auth: true, params: planParams, status: 201,
    body: z.strictObject({ itemId: bodyId.optional(), body: commentBody }),
    summary: 'Commenter le plan ou un élément / comment on the plan or an item',
    responses: { 201: 'Comment added', 404: 'Not found' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => view(commentPlan(ctx, actor, params.planId, body), lang),
  });
  registry.add({
    method: 'get', path: '/plans/:planId/pdf', tag: 'plans', auth: true, params: planParams,
    summary: 'Le plan d’action en PDF (?lang=en pour l’anglais) / the action plan as a PDF',
    responses: { 200: 'application/pdf, streamed', 404: 'Not found (nothing is sent before access is checked)' },
    produces: ['application/pdf'],
    handler: async ({ actor, params, lang, res }) => pdfDownload(pdf, res, await storedPlanDocument(ctx, actor, params.planId, lang), `plan-${params.planId}-${lang}.pdf`),
  });
  registry.add({
    method: 'get', path: '/plans/:planId/history', tag: 'plans', auth: true, params: planParams,
    summary: 'Historique de chaque changement du plan / every change of the plan',
    responses: { 200: 'History, oldest first, each with the plan as it stood', 404: 'Not found' },
    response: z.array(shapes.PlanHistoryEntry),
    handler: ({ actor, params }) => planHistory(ctx, actor, params.planId),
  });
}
