import type { Request, Response } from 'express';
import { login, logout } from '../../app/accounts.js';
import type { AppContext } from '../../app/app-context.js';
import { ok } from '../../app/app-error.js';
import { listOrganisations } from '../../app/organisations.js';
import type { Config } from '../../config.js';
import { SESSION_COOKIE, sessionOf } from '../authenticate.js';
import type { RouteRegistry } from '../route.js';
import { loginBody } from './schemas.js';

export function authRoutes(registry: RouteRegistry, ctx: AppContext, config: Config): void {
  // Secure when configured, and whenever the request came over TLS (directly or, with TRUST_PROXY, through a proxy).
  const setCookie = (req: Request, res: Response, value: string, maxAgeSeconds: number) =>
    res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE || req.secure, path: '/', maxAge: maxAgeSeconds * 1000 });

  registry.add({
    method: 'post', path: '/auth/login', tag: 'auth', auth: false, body: loginBody,
    summary: 'Connexion par adresse et mot de passe (cookie de session HttpOnly) / log in',
    responses: { 200: 'Logged in; the session cookie is set', 401: 'Wrong email or password', 429: 'Too many attempts' },
    handler: async ({ body, res, req }) => {
      const previous = sessionOf(req);
      if (previous) logout(ctx, previous); // A fresh session on every login: no fixation.
      const result = await login(ctx, body.email, body.password, config.SESSION_TTL_HOURS);
      if (!result.ok) return result;
      setCookie(req, res, result.value.session, config.SESSION_TTL_HOURS * 3600);
      return ok({ user: result.value.user, expiresAt: result.value.expiresAt.toISOString() });
    },
  });

  registry.add({
    method: 'post', path: '/auth/logout', tag: 'auth', auth: false,
    summary: 'Déconnexion / log out',
    responses: { 200: 'Logged out' },
    handler: ({ req, res }) => {
      const session = sessionOf(req);
      if (session) logout(ctx, session);
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      return ok({ loggedOut: true });
    },
  });

  registry.add({
    method: 'get', path: '/auth/me', tag: 'auth', auth: true,
    summary: 'Qui suis-je, et quelles organisations / who am I, and which organisations',
    responses: { 200: 'The user and the organisations they may see', 401: 'Not logged in' },
    handler: ({ user, actor }) => ok({ user, organisations: listOrganisations(ctx, actor).map((o) => ({ id: o.id, name: o.name, access: o.access })) }),
  });
}
