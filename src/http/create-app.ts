import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { AppContext } from '../app/app-context.js';
import { createBatchRunner, type BatchRunner } from '../app/batch-runner.js';
import type { Config } from '../config.js';
import { bilingual } from '../core/text.js';
import { sendError } from './api-error.js';
import { authenticateRequest, rejectCrossSiteWrites } from './authenticate.js';
import { createPdfRenderer, type PdfRenderer } from '../pdf/pdf-renderer.js';
import { ANSWERED, durableAnswers } from './durable-answers.js';
import { redacting } from './logging.js';
import { openApiDocument } from './openapi.js';
import { CONTENT_SECURITY_POLICY, webApp } from './web-app.js';
import { requestLang } from './request-lang.js';
import { RouteRegistry } from './route.js';
import { assessmentRoutes } from './routes/assessment-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { batchRoutes } from './routes/batch-routes.js';
import { contentRoutes } from './routes/content-routes.js';
import { organisationRoutes } from './routes/organisation-routes.js';
import { publicationRoutes } from './routes/publication-routes.js';
import { planRoutes } from './routes/plan-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { eventPeopleRoutes } from './routes/event-people-routes.js';
import { eventReportRoutes } from './routes/event-report-routes.js';
import { workshopRoutes } from './routes/workshop-routes.js';

export const API_PREFIX = '/api/v1';

/** What the app runs beside its routes: PDFs on worker threads, this instance's share of the batches. */
export interface AppServices {
  pdf?: PdfRenderer;
  batches?: BatchRunner;
}

/** The express app over a context: routes only parse, call a use case, and map its result. */
export function createApp(ctx: AppContext, config: Config, logger: Logger, services: AppServices = {}): express.Express {
  const pdf = services.pdf ?? createPdfRenderer(config.PDF_WORKERS);
  const app = express();
  app.disable('x-powered-by');
  // One reverse proxy at most: trusting every X-Forwarded-For hop would let anyone dodge the login limit.
  app.set('trust proxy', config.TRUST_PROXY ? 1 : false);
  app.set('query parser', 'simple');
  const log = redacting(logger);
  app.use(pinoHttp({ logger: log, genReqId: (req, res) => {
    const id = randomUUID();
    res.setHeader('X-Request-Id', id);
    return id;
  } }));
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));

  const registry = new RouteRegistry();
  authRoutes(registry, ctx, config);
  contentRoutes(registry, ctx);
  organisationRoutes(registry, ctx);
  publicationRoutes(registry, ctx);
  assessmentRoutes(registry, ctx);
  workshopRoutes(registry, ctx);
  planRoutes(registry, ctx, pdf);
  eventRoutes(registry, ctx);
  eventPeopleRoutes(registry, ctx, config);
  eventReportRoutes(registry, ctx, pdf);
  batchRoutes(registry, ctx, config, services.batches ?? createBatchRunner(ctx, config, (message) => log.error(message)));
  const openapi = openApiDocument(registry, ctx.content.version);

  const api = express.Router();
  // First, so that no answer (a refusal included) leaves before the commits made before it are on the disk.
  api.use(durableAnswers(ctx.store, log));
  // Compressed bodies are refused: a few kilobytes can unfold into gigabytes (and no browser sends them).
  api.use(refuseCompressedBodies);
  api.use(authenticateRequest(ctx));
  api.use(rejectCrossSiteWrites);
  // Liveness: the process answers (nothing else is asked, so a slow database restarts nothing).
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok', contentVersion: ctx.content.version });
  });
  // Readiness: which store, and whether it answers within READINESS_TIMEOUT_MS; a load balancer sends requests only then.
  api.get('/ready', async (_req, res) => {
    const database = await databaseAnswers(ctx);
    res.status(database === 'ok' ? 200 : 503).json({ status: database === 'ok' ? 'ready' : 'unavailable', store: ctx.store.dialect, database, contentVersion: ctx.content.version });
  });
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  registry.mount(api, express.json({ limit: config.BODY_LIMIT, strict: true, inflate: false }));
  app.use(API_PREFIX, api);
  app.use(webApp());

  app.use((req: Request, res: Response) => {
    sendError(res, 404, 'route-not-found', bilingual(`Aucune route ${req.method} ${req.path}.`, `No route ${req.method} ${req.path}.`), requestLang(req));
  });
  app.use(errorHandler);
  return app;
}

const READINESS_TIMEOUT_MS = 2000;

/** `ok` when the database answers a trivial query in time; otherwise what went wrong, in a word. */
async function databaseAnswers(ctx: AppContext): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), READINESS_TIMEOUT_MS);
  });
  try {
    // A store that could not flush its commits to the disk acknowledges nothing more (decision 018).
    const answers = async () => {
      await ctx.store.ping();
      await ctx.store.durable();
      return 'ok';
    };
    return await Promise.race([answers(), late]);
  } catch (error) {
    return storageUnavailable(error) ?? 'error';
  } finally {
    clearTimeout(timer);
  }
}

function refuseCompressedBodies(req: Request, res: Response, next: NextFunction): void {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') {
    next();
    return;
  }
  sendError(res, 415, 'unsupported-content-encoding', bilingual(
    'Le contenu compressé n’est pas accepté : envoyez le fichier ou le JSON tel quel, sans Content-Encoding.',
    'Compressed content is not accepted: send the file or the JSON as it is, without Content-Encoding.',
  ), requestLang(req));
}

const STORAGE_CODES = ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_BUSY', 'SQLITE_CORRUPT'];
// PostgreSQL: connection lost or refused (08…), out of room (53…: disk full, too many
// connections), shutting down (57P…), I/O (58…), a read-only database (25006); the network below it.
const POSTGRES_CODES = /^(08|53|57P|58)|^25006$|^E(CONNREFUSED|CONNRESET|TIMEDOUT|PIPE|HOSTUNREACH|NOTFOUND|AI_AGAIN)$/;
// node-postgres says these in words only.
const POSTGRES_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** The code a storage failure is reported with, or undefined when the error is not one. */
function storageUnavailable(error: unknown): string | undefined {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (STORAGE_CODES.some((c) => code === c || code.startsWith(`${c}_`)) || POSTGRES_CODES.test(code))) return code;
  if (typeof message === 'string' && POSTGRES_MESSAGES.test(message)) return 'database-unreachable';
  return undefined;
}

// Body-parser errors are the client's; anything else is a bug: logged with the request id,
// answered without a stack.
function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (res.headersSent || res.locals[ANSWERED]) {
    // Already answered (its end waiting for a flush, maybe): a second answer would corrupt the first.
    req.log.error({ err: error }, 'error after the answer was given');
    res.destroy();
    return;
  }
  const lang = requestLang(req);
  const e = error as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.parse.failed') {
    sendError(res, 400, 'invalid-json', bilingual(`Le corps de la requête n’est pas du JSON valide : ${e.message}`, `The request body is not valid JSON: ${e.message}`), lang);
  } else if (e.type === 'entity.too.large') {
    sendError(res, 413, 'payload-too-large', bilingual('Le corps de la requête est trop volumineux.', 'The request body is too large.'), lang);
  } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    sendError(res, e.status, 'bad-request', bilingual('Requête invalide.', 'Bad request.'), lang);
  } else if (storageUnavailable(error)) {
    // Disk full, read-only, failing or unreachable storage: nothing was written (the transaction rolled back).
    const code = storageUnavailable(error)!;
    req.log.error({ err: error }, 'storage unavailable');
    res.setHeader('Retry-After', '60');
    sendError(res, 503, 'storage-unavailable', bilingual(
      `Enregistrement impossible pour l’instant (${code}) : rien n’a été modifié, réessayez plus tard.`,
      `Cannot save right now (${code}): nothing was changed, try again later.`,
    ), lang, [], { requestId: String(req.id) });
  } else {
    req.log.error({ err: error }, 'unhandled error');
    sendError(res, 500, 'internal-error', bilingual('Erreur interne : elle a été enregistrée ; donnez cet identifiant au support.', 'Internal error: it was logged; give this id to support.'), lang, [], { requestId: String(req.id) });
  }
}
