import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startHarness, type Harness } from './harness.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { LOGIN_RATE_LIMIT: 5, BODY_LIMIT: '50kb' } });
});
afterAll(async () => h.close());

function expectError(res: { status: number; body: { error: { code: string; message: string; issues: unknown[] } } }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.error).toMatchObject({ code, message: expect.any(String), issues: expect.any(Array) });
}

describe('bad input gets a clear 4xx, never a 500', () => {
  it('when the body is not JSON, then 400 invalid-json', async () => {
    expectError(await h.call('leaderA', 'POST', '/score', '{"profile": '), 400, 'invalid-json');
  });

  it('when fields have wrong types or are unknown, then 400 lists each with its path', async () => {
    const res = await h.call('leaderA', 'POST', `/organisations?lang=en`, { name: 42, colour: 'red' });
    expectError(res, 400, 'invalid-request');
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['/colour', '/name']);
  });

  it('when the login form is sent empty, then each field says what to type, in our words and never zod’s', async () => {
    const res = await h.call(null, 'POST', '/auth/login', { email: '', password: '' });
    expectError(res, 400, 'invalid-request');
    expect(res.body.error.issues).toEqual([
      { code: 'too-small', path: '/email', message: 'Saisissez l’adresse e-mail de votre compte.' },
      { code: 'too-small', path: '/password', message: 'Saisissez votre mot de passe.' },
    ]);
    const english = await h.call(null, 'POST', '/auth/login?lang=en', { email: 'ab', password: 'x', remember: true });
    expect(english.body.error.issues.map((i: { message: string }) => i.message)).toEqual(['Enter the email address of your account.', 'Unknown field "remember".']);
    expect(JSON.stringify([res.body, english.body])).not.toMatch(/Trop petit|Too small|>=|expected|chaîne de caractères/);
  });

  it('when the body is too large, then 413', async () => {
    const res = await h.call('leaderA', 'POST', '/score', { profile: {}, answers: { x: 'a'.repeat(60_000) } });
    expectError(res, 413, 'payload-too-large');
  });

  it('when the route does not exist, then 404 route-not-found', async () => {
    expectError(await h.call('leaderA', 'GET', '/nope'), 404, 'route-not-found');
    expectError(await h.call(null, 'DELETE', '/organisations/1'), 404, 'route-not-found');
  });

  it('when an id is not a number, then 400 names the parameter', async () => {
    const res = await h.call('leaderA', 'GET', '/assessments/abc');
    expectError(res, 400, 'invalid-request');
    expect(res.body.error.issues[0].path).toBe('/params/assessmentId');
  });

  it('when an id is spelled otherwise than in plain digits (0x1, 1e0, 1.0, " 1", +1, 01), then 400 names it, never another record', async () => {
    const spellings = ['0x1', '1e0', '1.0', '%201', '1%20', '+1', '01', '-1', '0', '1_0', '%EF%BC%91', '9007199254740993'];
    for (const spelling of spellings) {
      const res = await h.call('leaderA', 'GET', `/organisations/${spelling}?lang=en`);
      expectError(res, 400, 'invalid-request');
      expect(res.body.error.issues[0]).toMatchObject({ path: '/params/organisationId', message: expect.stringMatching(/digits/) });
    }
    // Query ids and numbers too: ?with= names an assessment, ?version= a plan's version.
    const query = await h.call('leaderA', 'GET', '/assessments/1/comparison?with=0x1');
    expectError(query, 400, 'invalid-request');
    expect(query.body.error.issues[0].path).toBe('/query/with');
    const version = await h.call('leaderA', 'DELETE', '/plans/1/items/1?version=1e0');
    expect(version.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['/query/version']);
    // In a JSON body, ids are JSON numbers: "1" or 1.5 is not one.
    const body = await h.call('leaderA', 'POST', '/plans/1/comments', { itemId: '1', body: 'x' });
    expect(body.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['/itemId']);
    expect((await h.call('leaderA', 'GET', `/organisations/${h.orgA}`)).status).toBe(200);
  });

  it('when a write is not JSON, then 415', async () => {
    expectError(await h.call('leaderA', 'POST', '/score', 'profile=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type');
  });

  it('when an unknown query parameter is given, then 400', async () => {
    expectError(await h.call('leaderA', 'GET', '/organisations?admin=true'), 400, 'invalid-request');
  });

  it('when the answers document does not fit the questionnaire, then 422 with every problem', async () => {
    const res = await h.call('leaderA', 'POST', '/score?lang=en', { profile: { headcount: 'lots' }, answers: { nope: true } });
    expectError(res, 422, 'invalid-request');
    expect(res.body.error.issues.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['unknown-option', 'unknown-question', 'missing-answer']));
  });

  it('when messages are asked in English or French, then they come in that language', async () => {
    const fr = await h.call('leaderA', 'GET', '/nope');
    const en = await h.call('leaderA', 'GET', '/nope?lang=en');
    expect(fr.body.error.message).toMatch(/^Aucune route/);
    expect(en.body.error.message).toMatch(/^No route/);
  });

  it('when a request fails, then security headers are still set and no stack leaks', async () => {
    const res = await h.call('leaderA', 'POST', '/score', '{');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe('accounts', () => {
  it('when logging in, then the session cookie is HttpOnly and SameSite and works for later requests', async () => {
    const res = await fetch(`${h.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'leaderA@test.org', password: PASSWORD }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/impact_session=iss_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const session = cookie.split(';')[0]!;
    const me = await fetch(`${h.url}/auth/me`, { headers: { cookie: session } });
    expect(((await me.json()) as Json).user.email).toBe('leaderA@test.org');
    // The session secret is never stored in clear.
    const stored = (await h.ctx.store.db.selectFrom('sessions').select('token_hash').execute()).map((r) => r.token_hash);
    expect(stored).not.toContain(session.split('=')[1]);
    await fetch(`${h.url}/auth/logout`, { method: 'POST', headers: { cookie: session, origin: new URL(h.url).origin } });
    expect((await fetch(`${h.url}/auth/me`, { headers: { cookie: session } })).status).toBe(401);
  });

  it('when someone logs in with a session id planted beforehand, then that id is dropped and a new one issued (no fixation)', async () => {
    const planted = await fetch(`${h.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'leaderA@test.org', password: PASSWORD }) });
    const old = planted.headers.get('set-cookie')!.split(';')[0]!;
    const again = await fetch(`${h.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: old, origin: new URL(h.url).origin }, body: JSON.stringify({ email: 'leaderA@test.org', password: PASSWORD }) });
    const fresh = again.headers.get('set-cookie')!.split(';')[0]!;
    expect(fresh).not.toBe(old);
    expect((await fetch(`${h.url}/auth/me`, { headers: { cookie: old } })).status).toBe(401);
    expect((await fetch(`${h.url}/auth/me`, { headers: { cookie: fresh } })).status).toBe(200);
  });

  it('when a wrong password is sent along with a valid session cookie, then that session survives (only a successful login replaces it)', async () => {
    const login = (password: string, cookie?: string) => fetch(`${h.url}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(h.url).origin, ...(cookie && { cookie }) }, body: JSON.stringify({ email: 'advisorA@test.org', password }),
    });
    const session = (await login(PASSWORD)).headers.get('set-cookie')!.split(';')[0]!;
    const failed = await login('not the password', session);
    expect(failed.status).toBe(401);
    expect(failed.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${h.url}/auth/me`, { headers: { cookie: session } })).status).toBe(200);
  });

  it('when the request came over TLS through a trusted proxy, then the cookie is Secure', async () => {
    const tls = await startHarness({ config: { TRUST_PROXY: true } });
    try {
      const res = await fetch(`${tls.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ email: 'leaderA@test.org', password: PASSWORD }) });
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await tls.close();
    }
  });

  it('when a cookie-authenticated write comes from another site, then it is refused', async () => {
    const login = await fetch(`${h.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'leaderA@test.org', password: PASSWORD }) });
    const session = login.headers.get('set-cookie')!.split(';')[0]!;
    const res = await fetch(`${h.url}/organisations/${h.orgA}`, { method: 'PATCH', headers: { cookie: session, origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"name":"pwned"}' });
    expect(res.status).toBe(403);
    expect((await h.ctx.store.organisations.get(h.orgA))!.name).toBe('Org A');
  });

  it('when a bearer token is wrong, then 401 invalid-token', async () => {
    const res = await fetch(`${h.url}/auth/me`, { headers: { authorization: 'Bearer ist_nope' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as Json).error.code).toBe('invalid-token');
  });

  it('when passwords are stored, then they are scrypt hashes', async () => {
    const hashes = (await h.ctx.store.db.selectFrom('users').select('password_hash').execute()).map((r) => r.password_hash ?? '');
    expect(hashes.every((x) => x.startsWith('scrypt$') && !x.includes(PASSWORD))).toBe(true);
  });

  it('when login is attempted too often, then 429 and the right password is refused too', async () => {
    const attempt = (password: string) => fetch(`${h.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'leaderB@test.org', password }) });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('wrong password')).status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const blocked = await attempt(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as Json).error.code).toBe('too-many-attempts');
  });
});
