import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { eventBilanDocument, eventBilanView } from '../../app/event-report.js';
import { expertProfile, myExpertProfile, saveExpertProfile } from '../../app/expert-profiles.js';
import { listOrganisers, makeOrganiser } from '../../app/organisers.js';
import { sharePlan } from '../../app/plans.js';
import { presentPlan } from '../../app/plan-view.js';
import type { PdfRenderer } from '../../pdf/pdf-renderer.js';
import { pdfDownload } from '../pdf-download.js';
import { ok } from '../../app/app-error.js';
import type { RouteRegistry } from '../route.js';
import * as shapes from '../responses/index.js';
import { eventParams, expertProfileBody, organiserBody, shareBody } from './event-schemas.js';
import { id } from './schemas.js';

/** The bilan (JSON, PDF), experts' profiles, shared drafts, and organisers. */
export function eventReportRoutes(registry: RouteRegistry, ctx: AppContext, pdf: PdfRenderer): void {
  registry.add({
    method: 'get', path: '/events/:eventId/bilan', tag: 'events', auth: true, params: eventParams,
    summary: 'Le bilan : chaque intention face à son chiffre, ce que les participants ont fait, l’évolution des scores / the event bilan',
    responses: { 200: 'As of today (the injected clock)', 403: 'Organisers only', 404: 'Not found' },
    response: shapes.EventBilan,
    handler: ({ actor, params, lang }) => eventBilanView(ctx, actor, params.eventId, lang),
  });
  registry.add({
    method: 'get', path: '/events/:eventId/bilan/pdf', tag: 'events', auth: true, params: eventParams,
    summary: 'Le bilan en PDF pour les partenaires, participants anonymes sauf accord (?lang=en) / the bilan as a PDF',
    responses: { 200: 'application/pdf, streamed', 403: 'Organisers only', 404: 'Not found (nothing is sent before access is checked)' },
    produces: ['application/pdf'],
    handler: async ({ actor, params, lang, res }) => pdfDownload(pdf, res, await eventBilanDocument(ctx, actor, params.eventId, lang), `event-${params.eventId}-bilan-${lang}.pdf`),
  });
  registry.add({
    method: 'get', path: '/me/expert-profile', tag: 'events', auth: true,
    summary: 'Mon profil d’expert / my expert profile',
    responses: { 200: 'The profile (version 0 until written)', 403: 'Experts only' },
    response: shapes.ExpertProfile,
    handler: ({ actor, lang }) => myExpertProfile(ctx, actor, lang),
  });
  registry.add({
    method: 'patch', path: '/me/expert-profile', tag: 'events', auth: true, body: expertProfileBody,
    summary: 'Écrire mon profil d’expert : indicateurs, territoire, organisation / write my expert profile',
    responses: { 200: 'Saved', 403: 'Experts only', 409: 'Changed meanwhile', 422: 'Unknown indicator' },
    response: shapes.ExpertProfile,
    handler: ({ actor, body, lang }) => saveExpertProfile(ctx, actor, body, lang),
  });
  registry.add({
    method: 'get', path: '/experts/:userId', tag: 'events', auth: true, params: z.strictObject({ userId: id }),
    summary: 'Le profil d’un expert, pour les participants de ses ateliers / an expert’s profile',
    responses: { 200: 'The profile', 404: 'Not found, or no event in common' },
    response: shapes.ExpertProfile,
    handler: ({ actor, params, lang }) => expertProfile(ctx, actor, params.userId, lang),
  });
  registry.add({
    method: 'post', path: '/plans/:planId/share', tag: 'plans', auth: true, params: z.strictObject({ planId: id }), body: shareBody,
    summary: 'Partager le brouillon avec les experts de son atelier, pour leurs commentaires / share the draft with the workshop’s experts',
    responses: { 200: 'Shared (or no longer)', 403: 'Read-only access', 404: 'Not found', 409: 'Changed meanwhile' },
    response: shapes.Plan,
    handler: async ({ actor, params, body, lang }) => {
      const shared = await sharePlan(ctx, actor, params.planId, body);
      return shared.ok ? ok(await presentPlan(ctx, shared.value, lang)) : shared;
    },
  });
  registry.add({
    method: 'get', path: '/organisers', tag: 'events', auth: true,
    summary: 'Les organisateurs (admin) / the organisers',
    responses: { 200: 'List', 403: 'Admins only' },
    response: z.array(shapes.User),
    handler: ({ actor }) => listOrganisers(ctx, actor),
  });
  registry.add({
    method: 'post', path: '/organisers', tag: 'events', auth: true, body: organiserBody,
    summary: 'Faire d’un compte un organisateur (admin) / make an account an organiser',
    responses: { 200: 'The account, now an organiser', 403: 'Admins only', 404: 'No such account', 409: 'An admin or expert account' },
    response: shapes.User,
    handler: ({ actor, body }) => makeOrganiser(ctx, actor, body.email),
  });
}
