import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import type { User } from '../store/records.js';
import type { Actor } from '../core/access.js';
import type { Result } from '../app/app-error.js';
import { parseWith } from '../core/zod-issues.js';
import { bilingual, type Lang, type LocalizedText } from '../core/text.js';
import { sendAppError, sendError } from './api-error.js';
import { JsonText } from './json-text.js';
import { requestLang } from './request-lang.js';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  lang: Lang;
  /** Present on every route with `auth: true`. */
  user: User;
  actor: Actor;
  req: Request;
  res: Response;
}

/** What a handler returns: a use-case result (sent as JSON), or `undefined` once it has replied itself. */
export type HandlerOutput = Result<unknown> | undefined;

export interface RouteSpec<P, Q, B> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express path below /api/v1, e.g. "/assessments/:assessmentId". */
  path: string;
  summary: string;
  tag: string;
  auth: boolean;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Raw body types the handler reads itself (a file upload), instead of a JSON `body`. */
  accepts?: readonly string[];
  /** Status of a success, 200 unless said. */
  status?: number;
  responses: Record<number, string>;
  /** The JSON body of a success, one of the named shapes in `responses/` (checked against real answers by the API tests). */
  response?: z.ZodType;
  /** The media types of a success that is not JSON (a PDF, a results file). */
  produces?: readonly string[];
  handler: (input: RouteInput<P, Q, B>) => HandlerOutput | Promise<HandlerOutput>;
}

// Every route accepts ?lang=fr|en; the rest of the query is the route's own.
const langQuery = z.object({ lang: z.enum(['fr', 'en']).optional() });

/** Routes declared once: mounted on the router, and described in the OpenAPI document. */
export class RouteRegistry {
  readonly specs: RouteSpec<unknown, unknown, unknown>[] = [];

  add<P = Record<string, never>, Q = Record<string, never>, B = undefined>(spec: RouteSpec<P, Q, B>): void {
    this.specs.push(spec as RouteSpec<unknown, unknown, unknown>);
  }

  /** Mounts every route; `json` parses the body of those that take JSON (and only those). */
  mount(router: Router, json: RequestHandler): void {
    for (const spec of this.specs) {
      // Made once per route: zod builds a schema's parser when it is made, which was a tenth of a small request.
      const schemas = { params: spec.params ?? z.object({}), query: (spec.query ? langQuery.extend((spec.query as unknown as z.ZodObject).shape) : langQuery).strict() };
      router[spec.method](spec.path, ...(spec.body ? [json] : []), (req: Request, res: Response, next: NextFunction) => {
        handle(spec, schemas, req, res).catch(next);
      });
    }
  }
}

/** The media type of a request's body, lower-cased, without its parameters ('' when none is given). */
export function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Why a write's body is refused, if it is: a route takes only the types it declares — JSON for a
 * `body`, its `accepts` for an upload, and nothing (or JSON, ignored) otherwise. So a cross-site
 * form (text/plain, form-encoded, multipart) reaches no route.
 */
function refusedContent(spec: RouteSpec<unknown, unknown, unknown>, req: Request): LocalizedText | undefined {
  if (!UNSAFE.has(req.method)) return undefined;
  const type = mediaType(req);
  if (spec.accepts) {
    return spec.accepts.includes(type) ? undefined : bilingual('Ce type de fichier n’est pas accepté : envoyez un fichier CSV, JSON Lines ou XLSX.', 'This type of file is not accepted: send a CSV, JSON Lines or XLSX file.');
  }
  if (spec.body) {
    return req.is('application/json') ? undefined : bilingual('Le corps de la requête doit être du JSON (Content-Type: application/json).', 'The request body must be JSON (Content-Type: application/json).');
  }
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (type === 'application/json' || (type === '' && !hasBody)) return undefined;
  return bilingual('Cette requête ne prend pas de corps (ou du JSON seulement).', 'This request takes no body (or JSON only).');
}

async function handle(spec: RouteSpec<unknown, unknown, unknown>, schemas: { params: z.ZodType; query: z.ZodType }, req: Request, res: Response): Promise<void> {
  const lang = requestLang(req);
  const user = res.locals.user as User | undefined;
  if (spec.auth && !user) {
    sendError(res, 401, 'unauthenticated', bilingual('Connectez-vous (cookie de session) ou fournissez un jeton (Authorization: Bearer …).', 'Log in (session cookie) or give a token (Authorization: Bearer …).'), lang);
    return;
  }
  const refused = refusedContent(spec, req);
  if (refused) {
    sendError(res, 415, 'unsupported-media-type', refused, lang);
    return;
  }
  const params = parseWith(schemas.params, req.params, '/params');
  const query = parseWith(schemas.query, req.query, '/query');
  const body = spec.body ? parseWith(spec.body, req.body, '') : ({ ok: true, value: undefined } as const);
  const issues = [params, query, body].flatMap((p) => (p.ok ? [] : p.issues));
  if (issues.length > 0) {
    sendError(res, 400, 'invalid-request', bilingual('La requête contient des erreurs : voir la liste.', 'The request has errors: see the list.'), lang, issues);
    return;
  }
  const output = await spec.handler({
    params: (params as { value: unknown }).value,
    query: (query as { value: unknown }).value,
    body: (body as { value: unknown }).value,
    lang,
    user: user as User,
    actor: res.locals.actor as Actor,
    req,
    res,
  });
  if (output === undefined) return;
  if (!output.ok) sendAppError(res, output.error, lang);
  else sendJson(req, res, spec.status ?? 200, output.value);
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A success as JSON (a JsonText as it is). Reads go through express's `send`: an ETag, and 304
 * when the client has it. A write's answer is never conditional, so it gets no ETag: a SHA-1 of
 * every body was a tenth of a `/score` request's time.
 */
function sendJson(req: Request, res: Response, status: number, value: unknown): void {
  const body = Buffer.from(value instanceof JsonText ? value.text : JSON.stringify(value));
  res.status(status).set('Content-Type', JSON_TYPE);
  if (req.method === 'GET' || req.method === 'HEAD') res.send(body);
  else res.set('Content-Length', String(body.length)).end(body);
}
