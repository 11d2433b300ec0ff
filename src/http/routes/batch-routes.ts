import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'express';
import { z } from 'zod';
import { templateBytes } from '../../batch/write-template.js';
import type { AppContext } from '../../app/app-context.js';
import { fail, ok } from '../../app/app-error.js';
import type { BatchRunner } from '../../app/batch-runner.js';
import { getBatch, listBatches, startBatch } from '../../app/batches.js';
import { batchFolder } from '../../app/data-folder.js';
import { portfolioView } from '../../app/portfolio.js';
import { bilingual } from '../../core/text.js';
import type { Config } from '../../config.js';
import { mediaType, type RouteRegistry } from '../route.js';
import { id, queryInteger } from './schemas.js';
import * as shapes from '../responses/index.js';

// The types a portfolio file is sent with. Not text/plain: that is what a cross-site form posts.
const TYPES: Record<string, 'csv' | 'jsonl' | 'xlsx'> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};
const MIME = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** The size the sender announced, when it did (a chunked upload announces none). */
function declaredBytes(req: Request): number | undefined {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] === undefined && length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
}

export function batchRoutes(registry: RouteRegistry, ctx: AppContext, config: Config, runner: BatchRunner): void {
  registry.add({
    method: 'post', path: '/batches', tag: 'batches', auth: true, status: 202, accepts: Object.keys(TYPES),
    query: z.object({
      output: z.enum(['csv', 'jsonl', 'xlsx']).optional().describe('The results\' format; by default the file\'s own (a French Excel CSV gets a French Excel CSV back, semicolons and decimal commas, in its encoding).'),
      excel: z.enum(['fr', 'en']).optional().describe('CSV results for French Excel (semicolons, decimal commas) or English Excel (commas, decimal points), whatever the file\'s.'),
      store: z.enum(['true', 'false']).optional().describe('true: each complete row naming an organisation of your portfolio in its `organisation` (number) or `siren` column becomes that organisation’s submitted assessment (never matched on `id` or name).'),
      suggestions: queryInteger(0, 10).optional().describe('How many suggested actions per row (3 by default).'),
      partial: z.enum(['true', 'false']).optional().describe('true: score rows leaving required questions unanswered (those earn no points; such rows are never stored).'),
      strict: z.enum(['true', 'false']).optional().describe('true: reject a row answering a question that does not apply to it; otherwise that answer is ignored with a warning and the row scored.'),
    }),
    summary: 'Envoyer un portefeuille (corps brut : text/csv, application/x-ndjson ou xlsx) à noter en arrière-plan / upload a portfolio file',
    responses: {
      202: 'Accepted: follow it at /batches/{id}', 403: 'Advisors and admins only', 413: 'Larger than BATCH_UPLOAD_LIMIT, or than what is left of the quota',
      415: 'Not CSV, JSON Lines or XLSX, or compressed (Content-Encoding)', 422: 'Empty file', 429: 'As many batches running as allowed', 503: 'The server could not store the file (the batch failed)',
    },
    response: shapes.Batch,
    handler: ({ actor, req, query, lang }) => startBatch(ctx, actor, {
      source: req, declaredBytes: declaredBytes(req), inputFormat: TYPES[mediaType(req)]!, outputFormat: query.output ?? TYPES[mediaType(req)]!, ...(query.excel && { excel: query.excel }),
      store: query.store === 'true', partial: query.partial === 'true', strict: query.strict === 'true', lang, suggestions: query.suggestions ?? 3,
    }, runner),
  });
  registry.add({
    method: 'get', path: '/batches', tag: 'batches', auth: true,
    summary: 'Mes lots / my batches', responses: { 200: 'Newest first' },
    response: z.array(shapes.Batch),
    handler: async ({ actor }) => ok(await listBatches(ctx, actor)),
  });
  registry.add({
    method: 'get', path: '/batches/template', tag: 'batches', auth: true,
    query: z.object({ format: z.enum(['csv', 'xlsx']).optional() }),
    summary: 'Modèle vide de portefeuille (CSV ou XLSX, libellés dans la langue du lecteur) / empty portfolio template',
    responses: { 200: 'The template file' },
    produces: [MIME.csv, MIME.xlsx],
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
    response: shapes.Batch,
    handler: ({ actor, params }) => getBatch(ctx, actor, params.batchId),
  });
  registry.add({
    method: 'get', path: '/batches/:batchId/result', tag: 'batches', auth: true, params: z.strictObject({ batchId: id }),
    summary: 'Télécharger les résultats d’un lot terminé / download the results',
    responses: { 200: 'The results file', 404: 'Not found', 409: 'Not finished yet', 410: 'Removed under the retention schedule (BATCH_RESULT_DAYS)' },
    produces: Object.values(MIME),
    handler: async ({ actor, params, res }) => {
      const found = await getBatch(ctx, actor, params.batchId);
      if (!found.ok) return found;
      if (found.value.resultsRemovedAt) return resultsRemoved(found.value.resultsRemovedAt, config.BATCH_RESULT_DAYS);
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
    response: shapes.Portfolio,
    handler: async ({ actor, lang }) => ok(await portfolioView(ctx, actor, lang)),
  });
}

function resultsRemoved(at: string, days: number) {
  return fail('not-found', 'results-removed', bilingual(
    `Les résultats de ce lot ont été supprimés le ${at.slice(0, 10)} : ils sont gardés ${days} jours après la fin du lot. Renvoyez le fichier pour les calculer à nouveau.`,
    `This batch's results were removed on ${at.slice(0, 10)}: they are kept ${days} days after the batch ends. Send the file again to score it anew.`,
  ));
}
