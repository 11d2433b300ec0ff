import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { ok } from '../../app/app-error.js';
import { addIntention, addWorkshop, removeIntention, removeWorkshop, updateIntention, updateWorkshop } from '../../app/event-edits.js';
import { createAndPresent, eventHistory, getEvent, listEvents, nextEvent, updateEvent } from '../../app/events.js';
import type { RouteRegistry } from '../route.js';
import * as shapes from '../responses/index.js';
import { eventInput, eventParams, eventPatch, intentionInput, intentionParams, intentionPatch, nextEventBody, versionQuery, workshopInput, workshopParams, workshopPatch } from './event-schemas.js';

/** Events, their intentions and workshops: organisers write, everyone with a part reads. */
export function eventRoutes(registry: RouteRegistry, ctx: AppContext): void {
  registry.add({
    method: 'get', path: '/events', tag: 'events', auth: true,
    summary: 'Mes événements : ceux que j’organise, où j’anime un atelier, où mon organisation participe / my events',
    responses: { 200: 'The latest first, each with the caller’s part in it' },
    response: z.array(shapes.EventSummary),
    handler: async ({ actor }) => ok(await listEvents(ctx, actor)),
  });
  registry.add({
    method: 'post', path: '/events', tag: 'events', auth: true, body: eventInput, status: 201,
    summary: 'Créer un événement avec ses intentions et ses ateliers (organisateur, admin) / create an event',
    responses: { 201: 'Created; the caller organises it', 400: 'Malformed', 403: 'Organisers and admins only', 422: 'Unknown pillar, indicator, testimony or expert' },
    response: shapes.Event,
    handler: ({ actor, body, lang }) => createAndPresent(ctx, actor, body, lang),
  });
  registry.add({
    method: 'get', path: '/events/:eventId', tag: 'events', auth: true, params: eventParams,
    summary: 'Un événement : ateliers, experts, témoignages (intentions : organisateurs seulement) / one event',
    responses: { 200: 'The event', 404: 'Not found, or no part in it' },
    response: shapes.Event,
    handler: ({ actor, params, lang }) => getEvent(ctx, actor, params.eventId, lang),
  });
  registry.add({
    method: 'patch', path: '/events/:eventId', tag: 'events', auth: true, params: eventParams, body: eventPatch,
    summary: 'Modifier un événement, dont les améliorations pour la prochaine fois / change an event',
    responses: { 200: 'Changed', 403: 'Organisers only', 404: 'Not found', 409: 'Changed meanwhile (current state in error.current)', 422: 'Follow-up not after the day' },
    response: shapes.Event,
    handler: ({ actor, params, body, lang }) => updateEvent(ctx, actor, params.eventId, body, lang),
  });
  registry.add({
    method: 'post', path: '/events/:eventId/next', tag: 'events', auth: true, params: eventParams, body: nextEventBody, status: 201,
    summary: 'Un nouvel événement à partir de celui-ci : partenaires, intentions, ateliers / the next event from this one',
    responses: { 201: 'Created, linked to this one', 403: 'Organisers only', 404: 'Not found', 422: 'Follow-up not after the day' },
    response: shapes.Event,
    handler: ({ actor, params, body, lang }) => nextEvent(ctx, actor, params.eventId, body, lang),
  });
  registry.add({
    method: 'get', path: '/events/:eventId/history', tag: 'events', auth: true, params: eventParams,
    summary: 'Journal des changements de l’événement / the event’s audit trail',
    responses: { 200: 'Oldest first', 403: 'Organisers only', 404: 'Not found' },
    response: z.array(shapes.EventHistoryEntry),
    handler: ({ actor, params }) => eventHistory(ctx, actor, params.eventId),
  });
  registry.add({
    method: 'post', path: '/events/:eventId/intentions', tag: 'events', auth: true, params: eventParams, body: intentionInput, status: 201,
    summary: 'Ajouter une intention, mesurable ou en mots / add an intention',
    responses: { 201: 'Added', 403: 'Organisers only', 404: 'Not found' },
    response: shapes.EventIntention,
    handler: ({ actor, params, body }) => addIntention(ctx, actor, params.eventId, body),
  });
  registry.add({
    method: 'patch', path: '/events/:eventId/intentions/:intentionId', tag: 'events', auth: true, params: intentionParams, body: intentionPatch,
    summary: 'Modifier une intention / change an intention',
    responses: { 200: 'Changed', 403: 'Organisers only', 404: 'Not found', 409: 'Changed meanwhile' },
    response: shapes.EventIntention,
    handler: ({ actor, params, body }) => updateIntention(ctx, actor, params.eventId, params.intentionId, body.version, body.intention),
  });
  registry.add({
    method: 'delete', path: '/events/:eventId/intentions/:intentionId', tag: 'events', auth: true, params: intentionParams, query: versionQuery,
    summary: 'Retirer une intention (?version=) / remove an intention',
    responses: { 200: 'Removed', 403: 'Organisers only', 404: 'Not found', 409: 'Changed meanwhile' },
    response: shapes.Deleted,
    handler: ({ actor, params, query }) => removeIntention(ctx, actor, params.eventId, params.intentionId, query.version),
  });
  registry.add({
    method: 'post', path: '/events/:eventId/workshops', tag: 'events', auth: true, params: eventParams, body: workshopInput, status: 201,
    summary: 'Ajouter un atelier : un pilier ou des indicateurs, ses experts, ses témoignages / add a workshop',
    responses: { 201: 'Added', 403: 'Organisers only', 404: 'Not found', 422: 'Unknown pillar, indicator, testimony or expert' },
    response: shapes.EventWorkshop,
    handler: ({ actor, params, body, lang }) => addWorkshop(ctx, actor, params.eventId, body, lang),
  });
  registry.add({
    method: 'patch', path: '/events/:eventId/workshops/:workshopId', tag: 'events', auth: true, params: workshopParams, body: workshopPatch,
    summary: 'Modifier un atelier ou écrire son compte rendu (notes : aussi ses experts) / change a workshop or write its notes',
    responses: { 200: 'Changed', 403: 'Organisers only (its experts: notes only)', 404: 'Not found', 409: 'Changed meanwhile', 422: 'Unknown pillar, indicator, testimony or expert' },
    response: shapes.EventWorkshop,
    handler: ({ actor, params, body, lang }) => updateWorkshop(ctx, actor, params.eventId, params.workshopId, body, lang),
  });
  registry.add({
    method: 'delete', path: '/events/:eventId/workshops/:workshopId', tag: 'events', auth: true, params: workshopParams, query: versionQuery,
    summary: 'Retirer un atelier (ses participants ne sont plus affectés) / remove a workshop',
    responses: { 200: 'Removed', 403: 'Organisers only', 404: 'Not found', 409: 'Changed meanwhile' },
    response: shapes.Deleted,
    handler: ({ actor, params, query, lang }) => removeWorkshop(ctx, actor, params.eventId, params.workshopId, query.version, lang),
  });
}
