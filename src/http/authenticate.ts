import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { actorOf, authenticate } from '../app/accounts.js';
import type { AppContext } from '../app/app-context.js';
import { bilingual } from '../core/text.js';
import { sendError } from './api-error.js';
import { requestLang } from './request-lang.js';

export const SESSION_COOKIE = 'impact_session';

/** The session secret of a request, from its cookie. */
export function sessionOf(req: Request): string | undefined {
  return parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
}

/**
 * Finds who is calling: a bearer token (scripts) or the session cookie (browsers). A bearer
 * token that is given but not valid is refused at once rather than treated as anonymous.
 */
export function authenticateRequest(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization;
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const secret = bearer ?? sessionOf(req);
    const user = secret ? authenticate(ctx, secret) : undefined;
    if (header !== undefined && !user) {
      sendError(res, 401, 'invalid-token', bilingual('Jeton invalide ou révoqué.', 'Invalid or revoked token.'), requestLang(req));
      return;
    }
    if (user) {
      res.locals.user = user;
      res.locals.actor = actorOf(ctx, user);
      res.locals.viaCookie = bearer === undefined;
    }
    next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie-authenticated writes must come from our own origin: browsers send Origin on cross-site
 * requests, and a cross-site form cannot send the JSON content type our writes require.
 */
export function rejectCrossSiteWrites(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (UNSAFE.has(req.method) && res.locals.viaCookie && origin !== undefined) {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== req.headers.host) {
      sendError(res, 403, 'cross-site-request', bilingual('Requête d’un autre site refusée.', 'Cross-site request refused.'), requestLang(req));
      return;
    }
  }
  next();
}
