import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startHarness, type Harness } from './harness.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
let cookie: string;
let csrfToken: string;
let origin: string;

beforeAll(async () => {
  h = await startHarness();
  origin = new URL(h.url).origin;
  const login = await fetch(`${h.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email: 'leaderA@test.org', password: PASSWORD }) });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  csrfToken = ((await login.json()) as Json).csrfToken;
});
afterAll(async () => h.close());

const assessments = async () => (await h.ctx.store.assessments.listByOrganisation(h.orgA)).length;

async function send(path: string, headers: Record<string, string>, body?: RequestInit['body'], method = 'POST'): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${h.url}${path}`, { method, headers, ...(body !== undefined && { body }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('writes authenticated by the session cookie', () => {
  it('when a write comes with the cookie but neither Origin nor the CSRF token (a form or a script elsewhere), then 403 and nothing is written', async () => {
    const before = await assessments();
    const form = new FormData();
    form.set('x', '1');
    for (const [type, body] of [['text/plain', 'x=1'], ['application/x-www-form-urlencoded', 'x=1'], [undefined, form], [undefined, undefined]] as const) {
      const res = await send(`/organisations/${h.orgA}/assessments?lang=en`, { cookie, ...(type && { 'content-type': type }) }, body);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'origin-missing', message: expect.stringContaining('X-CSRF-Token') });
    }
    expect(await assessments()).toBe(before);
  });

  it('when the write comes from another origin, or from an opaque one (Origin: null), then 403 even with a token', async () => {
    for (const from of ['https://evil.example', `http://localhost:${new URL(h.url).port}`, 'null', 'not a url']) {
      const res = await send(`/organisations/${h.orgA}/assessments`, { cookie, origin: from, 'x-csrf-token': csrfToken });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('cross-site-request');
    }
  });

  it('when the write comes from this origin, or carries the session\'s CSRF token, then it goes through', async () => {
    expect((await send(`/organisations/${h.orgA}/assessments`, { cookie, origin })).status).toBe(201);
    expect((await send(`/organisations/${h.orgA}/assessments`, { cookie, 'x-csrf-token': csrfToken })).status).toBe(201);
    // The token of the session is given by /auth/me too, and only that session's token works.
    const me = (await send('/auth/me', { cookie }, undefined, 'GET')).body;
    expect(me.csrfToken).toBe(csrfToken);
    const other = await fetch(`${h.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email: 'leaderA@test.org', password: PASSWORD }) });
    const otherToken = ((await other.json()) as Json).csrfToken as string;
    expect(otherToken).not.toBe(csrfToken);
    expect((await send(`/organisations/${h.orgA}/assessments`, { cookie, 'x-csrf-token': otherToken })).status).toBe(403);
  });

  it('when a script writes with a bearer token, then no Origin is needed (nothing a browser sends on its own)', async () => {
    expect((await send(`/organisations/${h.orgA}/assessments`, { authorization: `Bearer ${h.tokens.leaderA}` })).status).toBe(201);
  });

  it('when reads come with the cookie and no Origin, then they work as before', async () => {
    expect((await send(`/organisations/${h.orgA}`, { cookie }, undefined, 'GET')).status).toBe(200);
  });
});

describe('content types a route does not document', () => {
  it('when a route taking no body gets a form, plain text or a file, then 415 even from this origin', async () => {
    const before = await assessments();
    const form = new FormData();
    form.set('x', '1');
    for (const [type, body] of [['text/plain', 'x=1'], ['application/x-www-form-urlencoded', 'x=1'], [undefined, form], ['text/csv', 'id\n1\n'], [undefined, new Blob(['x'])]] as const) {
      const res = await send(`/organisations/${h.orgA}/assessments?lang=en`, { cookie, origin, ...(type && { 'content-type': type }) }, body);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported-media-type');
    }
    expect(await assessments()).toBe(before);
  });

  it('when a JSON route gets a form or plain text, then 415 — and so does the upload route, which takes only portfolio files', async () => {
    const form = new FormData();
    form.set('name', 'pwned');
    expect((await send(`/organisations/${h.orgA}`, { cookie, origin, 'content-type': 'text/plain' }, '{"name":"pwned"}', 'PATCH')).status).toBe(415);
    expect((await send(`/organisations/${h.orgA}`, { cookie, origin }, form, 'PATCH')).status).toBe(415);
    const advisor = { authorization: `Bearer ${h.tokens.advisorA}` };
    for (const type of ['text/plain', 'application/json', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const res = await send('/batches?lang=en', { ...advisor, 'content-type': type }, 'id\n1\n');
      expect(res.status).toBe(415);
      expect(res.body.error.message).toBe('This type of file is not accepted: send a CSV, JSON Lines or XLSX file.');
    }
    expect((await h.ctx.store.organisations.get(h.orgA))!.name).toBe('Org A');
  });
});
