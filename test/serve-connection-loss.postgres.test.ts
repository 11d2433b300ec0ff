import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, stop } from './support/service.js';
import { postgresBehindProxy } from './support/tcp-proxy.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('serve on PostgreSQL, its connection lost', () => {
  it('when the connections to the database are cut, then the service logs the loss as a warning with its reason and no password, and keeps serving once the database is back', async () => {
    const { url: through, direct, proxy, cleanups: own } = await postgresBehindProxy();
    cleanups.push(...own);
    const { url, child } = await serve(mkdtempSync(join(tmpdir(), 'impact-lost-')), { DATABASE_URL: through.toString(), LOG_LEVEL: 'info' });
    cleanups.push(() => stop(child));
    let logged = '';
    const lost = new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => {
      logged += chunk.toString();
      if (logged.includes('database connection lost')) resolve();
    }));
    // A connection in the pool, idle once answered.
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    await proxy.cut();
    await lost;
    const line = JSON.parse(logged.split('\n').find((l) => l.includes('database connection lost'))!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 40, reason: expect.any(String) });
    if (direct.password) expect(logged).not.toContain(direct.password);
    await proxy.restore();
    // As a load balancer's health check would: probed again until ready (each probe gives the
    // database 2 s; on a loaded machine the first new connection may take longer), at most ten times.
    let ready = await fetch(`${url}/ready`);
    for (let probe = 1; probe < 10 && ready.status !== 200; probe++) ready = await fetch(`${url}/ready`);
    expect([ready.status, await ready.text()]).toEqual([200, expect.stringContaining('"database":"ok"')]);
  });
});
