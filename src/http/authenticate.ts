import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { actorOf, authenticate } from '../app/accounts.js';
import { isCsrfTokenOf } from '../app/secrets.js';
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
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.headers.authorization;
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const secret = bearer ?? sessionOf(req);
    const user = secret ? await authenticate(ctx, secret) : undefined;
    if (header !== undefined && !user) {
      sendError(res, 401, 'invalid-token', bilingual('Jeton invalide ou révoqué.', 'Invalid or revoked token.'), requestLang(req));
      return;
    }
    if (user) {
      res.locals.user = user;
      res.locals.actor = await actorOf(ctx, user);
      res.locals.viaCookie = bearer === undefined;
    }
    next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Writes authenticated by the session cookie must show they come from this site: an Origin of
 * this host (browsers send it on every fetch that writes), or the session's CSRF token (for other
 * clients that hold a cookie). A cookie alone proves nothing: the browser adds it to a form posted
 * from another site. Bearer-token writes need neither: no browser adds a token by itself.
 */
export function rejectCrossSiteWrites(req: Request, res: Response, next: NextFunction): void {
  if (!UNSAFE.has(req.method) || !res.locals.viaCookie) {
    next();
    return;
  }
  const origin = req.headers.origin;
  const token = req.headers[CSRF_HEADER];
  if (origin !== undefined ? !sameHost(origin, req.host) : typeof token !== 'string' || !isCsrfTokenOf(sessionOf(req)!, token)) {
    const lang = requestLang(req);
    if (origin !== undefined) sendError(res, 403, 'cross-site-request', bilingual('Requête d’un autre site refusée.', 'Cross-site request refused.'), lang);
    else sendError(res, 403, 'origin-missing', bilingual(
      'Écriture refusée : authentifiée par le cookie de session, elle doit venir de ce site (en-tête Origin) ou porter le jeton de la session (en-tête X-CSRF-Token, donné à la connexion). Les scripts utilisent plutôt un jeton d’API.',
      'Write refused: authenticated by the session cookie, it must come from this site (Origin header) or carry the session\'s token (X-CSRF-Token header, given at login). Scripts should rather use an API token.',
    ), lang);
    return;
  }
  next();
}

/** Whether an Origin header names this server (as the browser reached it, or the proxy says with TRUST_PROXY). */
function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (an opaque origin, a sandboxed page) or garbage
  }
}
