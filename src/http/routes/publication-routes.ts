import type { Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../app/app-context.js';
import { ok, type Result } from '../../app/app-error.js';
import { getPublication, openData, publicPage, publish, publishedList, unpublish } from '../../app/publications.js';
import { csvLine } from '../../batch/format-rows.js';
import type { Publication } from '../../store/publications-repository.js';
import type { RouteRegistry } from '../route.js';
import * as shapes from '../responses/index.js';
import { bodyId, id } from './schemas.js';

const params = z.strictObject({ organisationId: id });
const slugParams = z.strictObject({ slug: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
const filters = z.object({ region: z.string().max(100).optional(), sector: z.string().max(100).optional() });
const publishBody = z.strictObject({ assessmentId: bodyId, includePlan: z.boolean().optional() });

const member = (p: Publication) => ({ ...p, path: `/#/public/${p.slug}` });
const anyone = (p: Publication) => ({ slug: p.slug, publishedAt: p.publishedAt, snapshot: p.snapshot });
const mapped = <T, U>(r: Result<T>, f: (v: T) => U): Result<U> => (r.ok ? ok(f(r.value)) : r);

// Public answers are the same for everyone (no session read, none set): caches may keep them, but ask again
// before each use, so a withdrawn result is never shown from a cache.
const publicCache = (res: Response) => res.setHeader('Cache-Control', 'public, no-cache');

// A spreadsheet runs a cell starting with = + - @ as a formula: such a text is written after an apostrophe.
const inert = (cell: string | number | null) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export function publicationRoutes(registry: RouteRegistry, ctx: AppContext): void {
  registry.add({
    method: 'get', path: '/organisations/:organisationId/publication', tag: 'publications', auth: true, params,
    summary: 'La publication du score de l’organisation / the organisation’s published score',
    responses: { 200: 'Its publication (unpublishedAt set once withdrawn)', 404: 'Never published, or not your organisation' },
    response: shapes.Publication,
    handler: async ({ actor, params: p }) => mapped(await getPublication(ctx, actor, p.organisationId), member),
  });
  registry.add({
    method: 'post', path: '/organisations/:organisationId/publication', tag: 'publications', auth: true, params, body: publishBody,
    summary: 'Publier (ou republier) le résultat d’une évaluation soumise / publish a submitted assessment’s result',
    responses: { 200: 'Published: a snapshot at a public address (the same address when published again)', 403: 'Not a leader of the organisation', 404: 'Not found', 422: 'Not a submitted assessment of this organisation' },
    response: shapes.Publication,
    handler: async ({ actor, params: p, body }) => mapped(await publish(ctx, actor, p.organisationId, { assessmentId: body.assessmentId, includePlan: body.includePlan ?? false }), member),
  });
  registry.add({
    method: 'delete', path: '/organisations/:organisationId/publication', tag: 'publications', auth: true, params,
    summary: 'Retirer la publication ; l’adresse répond 410 / unpublish',
    responses: { 200: 'Unpublished', 403: 'Not a leader of the organisation', 404: 'Not published' },
    response: shapes.Publication,
    handler: async ({ actor, params: p }) => mapped(await unpublish(ctx, actor, p.organisationId), member),
  });
  registry.add({
    method: 'get', path: '/public/publications/:slug', tag: 'publications', auth: false, params: slugParams,
    summary: 'Un score publié, sans connexion / a published score, no login',
    responses: { 200: 'The snapshot published', 404: 'Unknown address', 410: 'Unpublished' },
    response: shapes.PublicPublication,
    handler: async ({ params: p, res }) => {
      publicCache(res);
      return mapped(await publicPage(ctx, p.slug), anyone);
    },
  });
  registry.add({
    method: 'get', path: '/public/publications', tag: 'publications', auth: false, query: filters,
    summary: 'Les organisations qui ont publié leur score (filtres : région, secteur) / published organisations',
    responses: { 200: 'Published results, newest first; nothing unpublished' },
    response: shapes.PublicPublications,
    handler: async ({ query, res }) => {
      publicCache(res);
      return ok({ publications: (await publishedList(ctx, query)).map(anyone) });
    },
  });
  registry.add({
    method: 'get', path: '/public/open-data', tag: 'publications', auth: false, query: filters,
    summary: 'Données ouvertes des scores publiés (JSON), avec la version du contenu de chaque ligne / open data as JSON',
    responses: { 200: 'Columns, then one row per published result' },
    response: shapes.OpenData,
    handler: async ({ query, res }) => {
      publicCache(res);
      return ok(await openData(ctx, query));
    },
  });
  registry.add({
    method: 'get', path: '/public/open-data/csv', tag: 'publications', auth: false, query: filters,
    summary: 'Les mêmes données ouvertes en CSV / the same open data as CSV',
    responses: { 200: 'A header, then one row per published result' },
    produces: ['text/csv; charset=utf-8'],
    handler: async ({ query, res }) => {
      publicCache(res);
      const data = await openData(ctx, query);
      const lines = [csvLine(data.columns, ','), ...data.rows.map((r) => csvLine(data.columns.map((c) => inert(r[c] ?? null)), ','))];
      res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="impact-scores-publies.csv"');
      res.send(lines.join(''));
      return undefined;
    },
  });
}
