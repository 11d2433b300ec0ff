import { describe, expect, it } from 'vitest';
import { tcpProxy } from '../support/tcp-proxy.js';
import { startHarness, type Harness } from './harness.js';

// PostgreSQL's ways of refusing work; SQLite's are in storage-failures.sqlite.test.ts.

/** A request with a token of `h` (the same database), through another harness's server. */
const as = (h: Harness, through: Harness) => async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${through.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${h.tokens.leaderA}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } & Record<string, unknown>, retryAfter: res.headers.get('retry-after') };
};

describe('storage failures on PostgreSQL', () => {
  it('when the database accepts reads only, then writes answer 503 with the reason, reads still work, and the service stays ready', async () => {
    const writable = await startHarness();
    const url = new URL(writable.location.url!);
    url.searchParams.set('options', '-c default_transaction_read_only=on');
    const readOnly = await startHarness({ sameDatabaseAs: { ...writable, location: { ...writable.location, url: url.toString() } }, seed: false });
    try {
      const draft = (await writable.call('leaderA', 'POST', `/organisations/${writable.orgA}/assessments`)).body;
      const call = as(writable, readOnly);
      const refused = await call('PATCH', `/assessments/${draft.id}?lang=en`, { version: draft.version, answers: { 'inclusion-hires': '0' } });
      expect([refused.status, refused.body.error?.code, refused.retryAfter]).toEqual([503, 'storage-unavailable', '60']);
      expect(refused.body.error?.message).toBe('Cannot save right now (25006): nothing was changed, try again later.');
      expect((await call('GET', `/assessments/${draft.id}`)).status).toBe(200);
      expect((await fetch(`${readOnly.url}/ready`)).status).toBe(200);
      expect((await writable.call('leaderA', 'GET', `/assessments/${draft.id}`)).body.version).toBe(draft.version);
    } finally {
      await readOnly.close();
      await writable.close();
    }
  });

  it('when the database cannot be reached, then requests answer 503, readiness says so while liveness does not, and both recover when it is back', async () => {
    const h = await startHarness();
    const direct = new URL(h.location.url!);
    const proxy = await tcpProxy(direct.hostname, Number(direct.port));
    const through = new URL(direct);
    through.port = String(proxy.port);
    const cut = await startHarness({ sameDatabaseAs: { ...h, location: { ...h.location, url: through.toString() } }, seed: false });
    const call = as(h, cut);
    try {
      expect((await call('GET', `/organisations/${h.orgA}`)).status).toBe(200);
      await proxy.cut();
      const refused = await call('POST', `/organisations/${h.orgA}/assessments?lang=en`);
      expect([refused.status, refused.body.error?.code]).toEqual([503, 'storage-unavailable']);
      expect(refused.body.error?.message).toMatch(/^Cannot save right now \((ECONNREFUSED|ECONNRESET|database-unreachable|57P01)\): nothing was changed, try again later\.$/);
      const ready = await fetch(`${cut.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', database: expect.stringMatching(/^(ECONNREFUSED|ECONNRESET|database-unreachable|timeout)$/) });
      expect((await fetch(`${cut.url}/health`)).status).toBe(200);
      await proxy.restore();
      expect((await fetch(`${cut.url}/ready`)).status).toBe(200);
      expect((await call('POST', `/organisations/${h.orgA}/assessments`)).status).toBe(201);
    } finally {
      await proxy.close();
      await cut.close();
      await h.close();
    }
  });
});
