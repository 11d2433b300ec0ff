import type { AppContext } from '../../app/app-context.js';
import { ok } from '../../app/app-error.js';
import { createAssessment, listAssessments } from '../../app/assessments.js';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from '../../app/organisations.js';
import type { RouteRegistry } from '../route.js';
import { z } from 'zod';
import { id, organisationBody, organisationPatch } from './schemas.js';
import * as shapes from '../responses/index.js';

const params = z.strictObject({ organisationId: id });

export function organisationRoutes(registry: RouteRegistry, ctx: AppContext): void {
  registry.add({
    method: 'get', path: '/organisations', tag: 'organisations', auth: true,
    summary: 'Organisations visibles / organisations you may see',
    responses: { 200: 'List', 401: 'Not logged in' },
    response: z.array(shapes.Organisation),
    handler: async ({ actor }) => ok(await listOrganisations(ctx, actor)),
  });
  registry.add({
    method: 'post', path: '/organisations', tag: 'organisations', auth: true, body: organisationBody, status: 201,
    summary: 'Créer une organisation (conseiller : dans son portefeuille ; admin) / create an organisation',
    responses: { 201: 'Created', 403: 'Not an advisor or admin', 422: 'Invalid profile' },
    response: shapes.Organisation,
    handler: ({ actor, body }) => createOrganisation(ctx, actor, body),
  });
  registry.add({
    method: 'get', path: '/organisations/:organisationId', tag: 'organisations', auth: true, params,
    summary: 'Une organisation / one organisation',
    responses: { 200: 'The organisation', 404: 'Not found (or not yours)' },
    response: shapes.Organisation,
    handler: ({ actor, params: p }) => getOrganisation(ctx, actor, p.organisationId),
  });
  registry.add({
    method: 'patch', path: '/organisations/:organisationId', tag: 'organisations', auth: true, params, body: organisationPatch,
    summary: 'Modifier nom, SIREN ou profil / change name, SIREN or profile',
    responses: { 200: 'Updated', 403: 'Read-only access', 404: 'Not found', 422: 'Invalid profile' },
    response: shapes.Organisation,
    handler: ({ actor, params: p, body }) => updateOrganisation(ctx, actor, p.organisationId, body),
  });
  registry.add({
    method: 'get', path: '/organisations/:organisationId/assessments', tag: 'assessments', auth: true, params,
    summary: 'Les évaluations d’une organisation dans le temps / an organisation’s assessments over time',
    responses: { 200: 'Assessments, oldest first (experts: submitted ones)', 404: 'Not found' },
    response: z.array(shapes.Assessment),
    handler: ({ actor, params: p }) => listAssessments(ctx, actor, p.organisationId),
  });
  registry.add({
    method: 'post', path: '/organisations/:organisationId/assessments', tag: 'assessments', auth: true, params, status: 201,
    summary: 'Démarrer une évaluation (brouillon) / start a draft assessment',
    responses: { 201: 'Draft created', 403: 'Read-only access', 404: 'Not found' },
    response: shapes.Assessment,
    handler: ({ actor, params: p }) => createAssessment(ctx, actor, p.organisationId),
  });
}
