import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { ok } from '../../app/app-error.js';
import { createInvitation, joinEvent, listInvitations, previewInvitation, revokeInvitation, signupWithInvitation } from '../../app/event-invitations.js';
import { assignParticipants, eventCohort, listParticipants, updateParticipant } from '../../app/event-participants.js';
import { expertWorkshopView } from '../../app/expert-workshop.js';
import { myEvent } from '../../app/my-event.js';
import { csrfTokenOf } from '../../app/secrets.js';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from '../authenticate.js';
import type { RouteRegistry } from '../route.js';
import * as shapes from '../responses/index.js';
import { assignmentsBody, eventParams, invitationParams, joinBody, participantParams, participantPatch, previewBody, signupBody, versionQuery, workshopParams } from './event-schemas.js';

/**
 * Who takes part: invitations (the code travels in the body, never in a logged address), joining,
 * participants and their workshops, the cohort, the expert's and the leader's views.
 */
export function eventPeopleRoutes(registry: RouteRegistry, ctx: AppContext, config: Config): void {
  const setCookie = (req: Request, res: Response, value: string) =>
    res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE || req.secure, path: '/', maxAge: config.SESSION_TTL_HOURS * 3600_000 });

  registry.add({
    method: 'get', path: '/events/:eventId/invitations', tag: 'events', auth: true, params: eventParams,
    summary: 'Les invitations de l’événement (sans leur code, gardé haché) / the event’s invitations',
    responses: { 200: 'Oldest first, with how many joined with each', 403: 'Organisers only', 404: 'Not found' },
    response: z.array(shapes.EventInvitation),
    handler: ({ actor, params }) => listInvitations(ctx, actor, params.eventId),
  });
  registry.add({
    method: 'post', path: '/events/:eventId/invitations', tag: 'events', auth: true, params: eventParams, status: 201,
    summary: 'Un nouveau code d’invitation et son lien, montrés une seule fois / a new invitation code and link, shown once',
    responses: { 201: 'The code and the link to copy', 403: 'Organisers only', 404: 'Not found' },
    response: shapes.NewEventInvitation,
    handler: ({ actor, params }) => createInvitation(ctx, actor, params.eventId),
  });
  registry.add({
    method: 'delete', path: '/events/:eventId/invitations/:invitationId', tag: 'events', auth: true, params: invitationParams, query: versionQuery,
    summary: 'Retirer une invitation : son code ne sert plus (?version=) / withdraw an invitation',
    responses: { 200: 'Withdrawn', 403: 'Organisers only', 404: 'Not found', 409: 'Changed meanwhile or already withdrawn' },
    response: shapes.EventInvitation,
    handler: ({ actor, params, query }) => revokeInvitation(ctx, actor, params.eventId, params.invitationId, query.version),
  });
  registry.add({
    method: 'post', path: '/invitations/preview', tag: 'events', auth: false, body: previewBody,
    summary: 'L’événement derrière un code d’invitation, avant de le rejoindre / the event behind an invitation code',
    responses: { 200: 'The event’s public side', 404: 'Unknown or withdrawn code' },
    response: shapes.InvitationPreview,
    handler: ({ body, lang }) => previewInvitation(ctx, body.code, lang),
  });
  registry.add({
    method: 'post', path: '/invitations/join', tag: 'events', auth: true, body: joinBody,
    summary: 'Rejoindre l’événement avec une de ses organisations / join the event with one of one’s organisations',
    responses: { 200: 'Joined (or already)', 404: 'Unknown or withdrawn code, or not one’s organisation', 409: 'The follow-up has passed' },
    response: shapes.EventJoined,
    handler: ({ actor, body }) => joinEvent(ctx, actor, body.code, body),
  });
  registry.add({
    method: 'post', path: '/invitations/signup', tag: 'events', auth: false, body: signupBody, status: 201,
    summary: 'Créer son compte et son organisation par l’invitation, rejoindre, être connecté / sign up through the invitation',
    responses: { 201: 'Account and organisation created, joined; the session cookie is set', 404: 'Unknown or withdrawn code', 409: 'Email taken, or the follow-up has passed', 422: 'Weak password or invalid profile' },
    response: shapes.EventSignedUp,
    handler: async ({ body, req, res }) => {
      const { code, ...input } = body;
      const done = await signupWithInvitation(ctx, code, input, config.SESSION_TTL_HOURS);
      if (!done.ok) return done;
      setCookie(req, res, done.value.session);
      const { session, expiresAt, ...rest } = done.value;
      return ok({ ...rest, expiresAt: expiresAt.toISOString(), csrfToken: csrfTokenOf(session) });
    },
  });
  registry.add({
    method: 'get', path: '/events/:eventId/participants', tag: 'events', auth: true, params: eventParams,
    summary: 'Qui a rejoint, qui a soumis son évaluation avant l’événement (expert : ses ateliers) / who joined and submitted',
    responses: { 200: 'In joining order', 403: 'Participants do not see the others', 404: 'Not found' },
    response: shapes.EventParticipants,
    handler: ({ actor, params }) => listParticipants(ctx, actor, params.eventId),
  });
  registry.add({
    method: 'patch', path: '/events/:eventId/participants/:organisationId', tag: 'events', auth: true, params: participantParams, body: participantPatch,
    summary: 'Affecter à un atelier (organisateurs) ; accepter d’être nommé (l’organisation) / assign, or consent to be named',
    responses: { 200: 'Changed', 403: 'Not this change’s author', 404: 'Not found', 422: 'Workshop of another event' },
    response: shapes.EventParticipant,
    handler: ({ actor, params, body }) => updateParticipant(ctx, actor, params.eventId, params.organisationId, body),
  });
  registry.add({
    method: 'post', path: '/events/:eventId/assignments', tag: 'events', auth: true, params: eventParams, body: assignmentsBody,
    summary: 'Affecter plusieurs participants à la fois (les propositions acceptées) / assign several at once',
    responses: { 200: 'Assigned', 403: 'Organisers only', 404: 'Not found', 422: 'Not a participant, or workshop of another event' },
    response: shapes.EventParticipants,
    handler: ({ actor, params, body }) => assignParticipants(ctx, actor, params.eventId, body.assignments),
  });
  registry.add({
    method: 'get', path: '/events/:eventId/cohort', tag: 'events', auth: true, params: eventParams,
    summary: 'La cohorte : répartition par pilier, écarts partagés (à partir de 5), atelier proposé / the cohort',
    responses: { 200: 'Figures over five or more; scores only of those who agreed', 403: 'Organisers only', 404: 'Not found' },
    response: shapes.EventCohort,
    handler: ({ actor, params, lang }) => eventCohort(ctx, actor, params.eventId, lang),
  });
  registry.add({
    method: 'get', path: '/events/:eventId/workshops/:workshopId', tag: 'events', auth: true, params: workshopParams,
    summary: 'L’atelier vu par son expert : écarts de chaque participant, actions suggérées, plans / the expert’s workshop view',
    responses: { 200: 'The workshop and its participants', 403: 'This workshop’s experts only', 404: 'Not found' },
    response: shapes.ExpertWorkshopView,
    handler: ({ actor, params, lang }) => expertWorkshopView(ctx, actor, params.eventId, params.workshopId, lang),
  });
  registry.add({
    method: 'get', path: '/events/:eventId/mine', tag: 'events', auth: true, params: eventParams,
    summary: 'L’événement vu par une organisation participante : atelier, expert, ce qui manque, suivi, son bilan / my part',
    responses: { 200: 'One entry per organisation of the caller taking part', 403: 'Participants only', 404: 'Not found' },
    response: shapes.MyEvent,
    handler: ({ actor, params, lang }) => myEvent(ctx, actor, params.eventId, lang),
  });
}
