import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startHarness, type Harness } from './harness.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A login sent from one loopback address of 127.0.0.0/8, as if from another machine. */
function loginFrom(h: Harness, from: string, email: string, password: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Json; retryAfter: string | undefined }> {
  const url = new URL(`${h.url}/auth/login?lang=en`);
  const payload = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text), retryAfter: res.headers['retry-after'] as string | undefined }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const LIMITS = { LOGIN_RATE_LIMIT: 5, LOGIN_ACCOUNT_LIMIT: 8, LOGIN_WINDOW_MINUTES: 15 };

describe('login limits, per address and per account, counted in the database', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: LIMITS });
  });
  afterAll(async () => h.close());

  it('when five other addresses guess one account\'s password, then the account is limited for everyone, the right password too, with Retry-After', async () => {
    const statuses: number[] = [];
    for (const last of [2, 3, 4, 5, 6]) {
      for (let i = 0; i < 2; i++) statuses.push((await loginFrom(h, `127.0.0.${last}`, 'leaderB@test.org', `guess ${last}-${i}`)).status);
    }
    // Eight failures are allowed for the account (no address made more than two), then it is closed.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429, 429]);
    const right = await loginFrom(h, '127.0.0.9', 'LeaderB@test.org', PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error).toMatchObject({ code: 'too-many-attempts', message: 'Too many failed login attempts for this account or from your address: try again in 15 minutes.' });
    expect(right.retryAfter).toBe('900');
    // The address that tried the right password is not itself limited: another account logs in from it.
    expect((await loginFrom(h, '127.0.0.9', 'leaderA@test.org', PASSWORD)).status).toBe(200);
    // Once the window has passed, the account opens again.
    const now = h.ctx.now;
    h.ctx.now = () => new Date(now().getTime() + 15 * 60_000 + 1000);
    try {
      expect((await loginFrom(h, '127.0.0.9', 'leaderB@test.org', PASSWORD)).status).toBe(200);
    } finally {
      h.ctx.now = now;
    }
  });

  it('when one address makes failures on many accounts, then that address is limited and others are not', async () => {
    for (let i = 0; i < 5; i++) expect((await loginFrom(h, '127.0.0.20', `nobody${i}@test.org`, 'x')).status).toBe(401);
    const blocked = await loginFrom(h, '127.0.0.20', 'advisorA@test.org', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect((await loginFrom(h, '127.0.0.21', 'advisorA@test.org', PASSWORD)).status).toBe(200);
  });

  it('when an office behind one address logs in successfully many times, then no budget is used up', async () => {
    for (let i = 0; i < 12; i++) expect((await loginFrom(h, '127.0.0.30', 'expertA@test.org', PASSWORD)).status).toBe(200);
    expect(await h.ctx.store.db.selectFrom('login_failures').selectAll().where('address', '=', '127.0.0.30').execute()).toEqual([]);
  });

  it('when many wrong guesses arrive at the same moment, then each one counts and no more than the limit are checked', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom(h, '127.0.0.40', 'admin@test.org', `burst ${i}`)));
    const statuses = all.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });
});

describe('the address behind a proxy (TRUST_PROXY)', () => {
  it('when the proxy is not trusted, then X-Forwarded-For changes nothing: the socket\'s address is limited', async () => {
    const h = await startHarness({ config: LIMITS });
    try {
      for (let i = 0; i < 5; i++) await loginFrom(h, '127.0.0.50', `nobody${i}@test.org`, 'x', { 'x-forwarded-for': `10.0.0.${i}` });
      expect((await loginFrom(h, '127.0.0.50', 'leaderA@test.org', PASSWORD, { 'x-forwarded-for': '10.0.0.99' })).status).toBe(429);
    } finally {
      await h.close();
    }
  });

  it('when one proxy is trusted, then each client it forwards has its own budget, and only the last hop counts', async () => {
    const h = await startHarness({ config: { ...LIMITS, TRUST_PROXY: true } });
    try {
      for (let i = 0; i < 5; i++) await loginFrom(h, '127.0.0.51', `nobody${i}@test.org`, 'x', { 'x-forwarded-for': '203.0.113.7' });
      expect((await loginFrom(h, '127.0.0.51', 'leaderA@test.org', PASSWORD, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
      // A forged first hop does not help: the proxy appends the real client last.
      expect((await loginFrom(h, '127.0.0.51', 'leaderA@test.org', PASSWORD, { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).status).toBe(429);
      expect((await loginFrom(h, '127.0.0.51', 'leaderA@test.org', PASSWORD, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('several instances on one database', () => {
  it('when failures are made through one instance, then the other refuses the account too', async () => {
    const first = await startHarness({ file: join(mkdtempSync(join(tmpdir(), 'impact-login-')), 'db.sqlite'), config: LIMITS });
    const second = await startHarness({ sameDatabaseAs: first, config: LIMITS, seed: false });
    try {
      for (let i = 0; i < 8; i++) await loginFrom(first, `127.0.0.${60 + i}`, 'leaderA@test.org', 'wrong');
      expect((await loginFrom(second, '127.0.0.70', 'leaderA@test.org', PASSWORD)).status).toBe(429);
      expect((await loginFrom(second, '127.0.0.70', 'leaderB@test.org', PASSWORD)).status).toBe(200);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
