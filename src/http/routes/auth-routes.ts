import type { Request, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { logout } from '../../app/accounts.js';
import type { AppContext } from '../../app/app-context.js';
import { ok } from '../../app/app-error.js';
import { limitedLogin } from '../../app/login-limit.js';
import { csrfTokenOf } from '../../app/secrets.js';
import { listOrganisations } from '../../app/organisations.js';
import type { Config } from '../../config.js';
import { bilingual } from '../../core/text.js';
import { sendError } from '../api-error.js';
import { SESSION_COOKIE, sessionOf } from '../authenticate.js';
import type { RouteRegistry } from '../route.js';
import { loginBody } from './schemas.js';
import * as shapes from '../responses/index.js';

/**
 * Who is calling, for the login limits: the socket's address, or with TRUST_PROXY the one the
 * proxy saw (`req.ip`); an IPv6 address stands for its /56, as one host may hold many of them.
 */
function clientAddress(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? '');
}

export function authRoutes(registry: RouteRegistry, ctx: AppContext, config: Config): void {
  const limits = { perAddress: config.LOGIN_RATE_LIMIT, perAccount: config.LOGIN_ACCOUNT_LIMIT, windowMinutes: config.LOGIN_WINDOW_MINUTES };
  // Secure when configured, and whenever the request came over TLS (directly or, with TRUST_PROXY, through a proxy).
  const setCookie = (req: Request, res: Response, value: string, maxAgeSeconds: number) =>
    res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE || req.secure, path: '/', maxAge: maxAgeSeconds * 1000 });

  registry.add({
    method: 'post', path: '/auth/login', tag: 'auth', auth: false, body: loginBody,
    summary: 'Connexion par adresse et mot de passe (cookie de session HttpOnly ; csrfToken pour les écritures hors navigateur) / log in',
    responses: { 200: 'Logged in; the session cookie is set', 401: 'Wrong email or password', 429: 'Too many failed attempts from this address or for this account (Retry-After)' },
    response: shapes.Login,
    handler: async ({ body, res, req, lang }) => {
      const attempt = await limitedLogin(ctx, { email: body.email, password: body.password, address: clientAddress(req) }, limits, config.SESSION_TTL_HOURS);
      if (attempt.limited) {
        const minutes = Math.ceil(attempt.retryAfterSeconds / 60);
        res.setHeader('Retry-After', String(attempt.retryAfterSeconds));
        sendError(res, 429, 'too-many-attempts', bilingual(
          `Trop de tentatives de connexion infructueuses pour ce compte ou depuis votre adresse : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
          `Too many failed login attempts for this account or from your address: try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
        ), lang);
        return undefined;
      }
      const result = attempt.result;
      if (!result.ok) return result;
      // A fresh session on every successful login (no fixation); a failed one leaves the current session alone.
      const previous = sessionOf(req);
      if (previous) await logout(ctx, previous);
      setCookie(req, res, result.value.session, config.SESSION_TTL_HOURS * 3600);
      return ok({ user: result.value.user, expiresAt: result.value.expiresAt.toISOString(), csrfToken: csrfTokenOf(result.value.session) });
    },
  });

  registry.add({
    method: 'post', path: '/auth/logout', tag: 'auth', auth: false,
    summary: 'Déconnexion / log out',
    responses: { 200: 'Logged out' },
    response: shapes.LoggedOut,
    handler: async ({ req, res }) => {
      const session = sessionOf(req);
      if (session) await logout(ctx, session);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      return ok({ loggedOut: true });
    },
  });

  registry.add({
    method: 'get', path: '/auth/me', tag: 'auth', auth: true,
    summary: 'Qui suis-je, et quelles organisations / who am I, and which organisations',
    responses: { 200: 'The user and the organisations they may see', 401: 'Not logged in' },
    response: shapes.Me,
    handler: async ({ user, actor, req }) => {
      const session = sessionOf(req);
      const viaCookie = req.headers.authorization === undefined && session !== undefined;
      return ok({ user, organisations: (await listOrganisations(ctx, actor)).map((o) => ({ id: o.id, name: o.name, access: o.access })), ...(viaCookie && { csrfToken: csrfTokenOf(session) }) });
    },
  });
}
