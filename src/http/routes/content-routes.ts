import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { invalid, ok } from '../../app/app-error.js';
import { presentQuestionnaires } from '../../core/present-questionnaire.js';
import { reportDetails } from '../../core/report-detail.js';
import { score } from '../../core/score.js';
import { testimonyLibrary } from '../../core/testimony-library.js';
import { reportJson } from '../../engine/index.js';
import { JsonText } from '../json-text.js';
import type { RouteRegistry } from '../route.js';
import { answersDocumentSchema } from './schemas.js';
import * as shapes from '../responses/index.js';

export function contentRoutes(registry: RouteRegistry, ctx: AppContext): void {
  registry.add({
    method: 'get', path: '/questionnaires', tag: 'content', auth: false,
    summary: 'Le profil et les questionnaires des trois piliers, localisés / profile and pillar questionnaires',
    responses: { 200: 'Questionnaires in the requested language' },
    response: shapes.Questionnaires,
    handler: ({ lang }) => ok(presentQuestionnaires(ctx.scorer.index, lang)),
  });

  registry.add({
    method: 'get', path: '/testimonies', tag: 'content', auth: false,
    summary: 'Les témoignages du contenu, localisés, avec les indicateurs des actions qui les citent / the content’s testimonies',
    responses: { 200: 'Every testimony, by organisation name' },
    response: shapes.TestimonyLibrary,
    handler: ({ lang }) => ok({ testimonies: testimonyLibrary(ctx.scorer.index, lang) }),
  });

  registry.add({
    method: 'post', path: '/score', tag: 'content', auth: true, body: answersDocumentSchema,
    query: z.object({ explain: z.enum(reportDetails).default('scores').meta({ description: 'scores (default): the figures; summary: each indicator’s reasons, strengths and gaps in words too; full: each criterion, the questions it read and every rule with its conditions, as `score --format json`' }) }),
    summary: 'Score d’un document de réponses, expliqué à la demande, sans rien enregistrer / stateless score, explained on request',
    responses: { 200: 'The score, explained as much as asked', 400: 'Malformed document', 422: 'Answers that do not fit the questionnaire' },
    response: shapes.ReportAtDetail,
    handler: async ({ body, lang, query }) => {
      const { $schema: _ignored, ...doc } = body;
      const outcome = await score(ctx.scorer, doc);
      if (!outcome.ok) return invalid(outcome.issues);
      return ok(new JsonText(reportJson(ctx.scorer.index, outcome.value, lang, doc.organisation?.name, query.explain)));
    },
  });
}
