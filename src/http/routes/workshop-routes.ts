import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { ok } from '../../app/app-error.js';
import { reviewQueue } from '../../app/review-queue.js';
import { createWorkshop, getWorkshop, listWorkshops } from '../../app/workshops.js';
import type { RouteRegistry } from '../route.js';
import { id, workshopBody } from './schemas.js';
import * as shapes from '../responses/index.js';

export function workshopRoutes(registry: RouteRegistry, ctx: AppContext): void {
  registry.add({
    method: 'get', path: '/workshops', tag: 'workshops', auth: true,
    summary: 'Ateliers (expert : les siens) / workshops',
    responses: { 200: 'List' },
    response: z.array(shapes.Workshop),
    handler: async ({ actor }) => ok(await listWorkshops(ctx, actor)),
  });
  registry.add({
    method: 'post', path: '/workshops', tag: 'workshops', auth: true, body: workshopBody, status: 201,
    summary: 'Créer un atelier (admin) / create a workshop',
    responses: { 201: 'Created', 403: 'Admins only', 422: 'Unknown expert or pillar' },
    response: shapes.Workshop,
    handler: ({ actor, body }) => createWorkshop(ctx, actor, body),
  });
  registry.add({
    method: 'get', path: '/workshops/:workshopId', tag: 'workshops', auth: true, params: z.strictObject({ workshopId: id }),
    summary: 'Un atelier / one workshop',
    responses: { 200: 'The workshop', 404: 'Not found' },
    response: shapes.Workshop,
    handler: ({ actor, params: p }) => getWorkshop(ctx, actor, p.workshopId),
  });
  registry.add({
    method: 'get', path: '/reviews', tag: 'workshops', auth: true,
    summary: 'File de relecture de l’expert : plans soumis dans ses ateliers / the expert’s review queue',
    responses: { 200: 'Submitted plans first, then changes requested, then approved' },
    response: z.array(shapes.ReviewQueueEntry),
    handler: async ({ actor }) => ok(await reviewQueue(ctx, actor)),
  });
}
