import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { templateBytes } from '../../batch/write-template.js';
import type { AppContext } from '../../app/app-context.js';
import { fail, invalid, ok } from '../../app/app-error.js';
import { batchFolder, getBatch, listBatches, startBatch } from '../../app/batches.js';
import { portfolioView } from '../../app/portfolio.js';
import { issue } from '../../core/issue.js';
import { bilingual } from '../../core/text.js';
import type { Config } from '../../config.js';
import type { RouteRegistry } from '../route.js';
import { id, queryInteger } from './schemas.js';

const TYPES: Record<string, 'csv' | 'jsonl' | 'xlsx'> = {
  'text/csv': 'csv',
  'text/plain': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};
export const UPLOAD_TYPES = Object.keys(TYPES);
const MIME = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function batchRoutes(registry: RouteRegistry, ctx: AppContext, config: Config): void {
  registry.add({
    method: 'post', path: '/batches', tag: 'batches', auth: true, status: 202,
    query: z.object({
      output: z.enum(['csv', 'jsonl', 'xlsx']).optional(),
      store: z.enum(['true', 'false']).optional(),
      suggestions: queryInteger(0, 10).optional(),
      partial: z.enum(['true', 'false']).optional(),
    }),
    summary: 'Envoyer un portefeuille (corps brut : text/csv, application/x-ndjson ou xlsx) à noter en arrière-plan / upload a portfolio file',
    responses: { 202: 'Accepted: follow it at /batches/{id}', 403: 'Advisors and admins only', 415: 'Not CSV, JSON Lines or XLSX', 422: 'Empty file' },
    handler: ({ actor, req, query, lang }) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format = TYPES[type];
      const body = req.body as unknown;
      if (!format || !Buffer.isBuffer(body)) {
        return invalid([issue('unsupported-media-type', '/', bilingual(`Envoyez le fichier brut avec le type ${UPLOAD_TYPES.join(', ')}.`, `Send the raw file with type ${UPLOAD_TYPES.join(', ')}.`))]);
      }
      if (body.length === 0) return invalid([issue('empty-file', '/', bilingual('Le fichier est vide.', 'The file is empty.'))]);
      return startBatch(ctx, actor, { body, inputFormat: format, outputFormat: query.output ?? 'csv', store: query.store === 'true', partial: query.partial === 'true', lang, suggestions: query.suggestions ?? 3 }, config.DATA_DIR, config.CONTENT_DIR);
    },
  });
  registry.add({
    method: 'get', path: '/batches', tag: 'batches', auth: true,
    summary: 'Mes lots / my batches', responses: { 200: 'Newest first' },
    handler: ({ actor }) => ok(listBatches(ctx, actor)),
  });
  registry.add({
    method: 'get', path: '/batches/template', tag: 'batches', auth: true,
    query: z.object({ format: z.enum(['csv', 'xlsx']).optional() }),
    summary: 'Modèle vide de portefeuille (CSV ou XLSX, libellés dans la langue du lecteur) / empty portfolio template',
    responses: { 200: 'The template file' },
    handler: async ({ query, lang, res }) => {
      const format = query.format ?? 'csv';
      const bytes = await templateBytes(ctx.scorer.index, format, lang);
      res.type(MIME[format]).setHeader('Content-Disposition', `attachment; filename="modele-portefeuille.${format}"`);
      res.send(bytes);
      return undefined;
    },
  });
  registry.add({
    method: 'get', path: '/batches/:batchId', tag: 'batches', auth: true, params: z.strictObject({ batchId: id }),
    summary: 'Avancement et résumé d’un lot / progress and summary of a batch',
    responses: { 200: 'status (queued, running, done, failed), rows, bytes read of total, summary', 404: 'Not found (or not yours)' },
    handler: ({ actor, params }) => getBatch(ctx, actor, params.batchId),
  });
  registry.add({
    method: 'get', path: '/batches/:batchId/result', tag: 'batches', auth: true, params: z.strictObject({ batchId: id }),
    summary: 'Télécharger les résultats d’un lot terminé / download the results',
    responses: { 200: 'The results file', 404: 'Not found', 409: 'Not finished yet' },
    handler: ({ actor, params, res }) => {
      const found = getBatch(ctx, actor, params.batchId);
      if (!found.ok) return found;
      const format = found.value.outputFormat as keyof typeof MIME;
      const file = join(batchFolder(config.DATA_DIR, found.value.id), `scores.${format}`);
      if (found.value.status !== 'done' || !existsSync(file)) {
        return fail('conflict', 'batch-not-done', bilingual(
          `Le lot est « ${found.value.status} » : résultats pas encore disponibles, suivez-le sur /batches/${found.value.id}.`,
          `The batch is "${found.value.status}": results are not available yet; follow it at /batches/${found.value.id}.`,
        ), { current: found.value });
      }
      res.type(MIME[format]).setHeader('Content-Disposition', `attachment; filename="scores-${found.value.id}.${format}"`);
      res.sendFile(file);
      return undefined;
    },
  });
  registry.add({
    method: 'get', path: '/portfolio', tag: 'batches', auth: true,
    summary: 'Portefeuille : derniers scores, répartition par pilier, écarts les plus partagés / portfolio view',
    responses: { 200: 'Latest scores of each organisation, distribution per pillar, most shared gaps' },
    handler: ({ actor, lang }) => ok(portfolioView(ctx, actor, lang)),
  });
}
