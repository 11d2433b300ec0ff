import type { AppContext } from '../../app/app-context.js';
import { invalid, ok } from '../../app/app-error.js';
import { presentQuestionnaires } from '../../core/present-questionnaire.js';
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
    summary: 'Score expliqué d’un document de réponses, sans rien enregistrer / stateless explained score',
    responses: { 200: 'The explained score', 400: 'Malformed document', 422: 'Answers that do not fit the questionnaire' },
    response: shapes.Report,
    handler: async ({ body, lang }) => {
      const { $schema: _ignored, ...doc } = body;
      const outcome = await score(ctx.scorer, doc);
      if (!outcome.ok) return invalid(outcome.issues);
      return ok(new JsonText(reportJson(ctx.scorer.index, outcome.value, lang, doc.organisation?.name)));
    },
  });
}
