import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataSync } from '../../src/store/group-commit.js';
import { watchedFlush } from '../support/watched-flush.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
let folder: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The service's store: a SQLite file whose commits are grouped and flushed by `flush`. */
async function service(flush: DataSync): Promise<Harness> {
  folder = mkdtempSync(join(tmpdir(), 'impact-durable-'));
  h = await startHarness({ file: join(folder, 'impact.db'), store: { commits: 'grouped', flush } });
  await h.ctx.store.durable(); // the seeded rows
  return h;
}

const settled = <T>(promise: Promise<T>) => Promise.race([promise.then(() => 'answered'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]);

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('answers wait for the commits to be on the disk (grouped commits, decision 018)', () => {
  it('when a write is being flushed, then neither its answer nor a read that could show it leaves before the flush; liveness answers at once', async () => {
    const { watched, flush, release } = watchedFlush();
    const h = await service(flush);
    watched.hold = true;
    const created = h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`, {});
    // Committed (read from the store itself, beside the service): its answer is due.
    await until(async () => (await h.ctx.store.assessments.listByOrganisation(h.orgA)).length === 1);
    const listed = h.call('leaderA', 'GET', `/organisations/${h.orgA}/assessments`);
    expect(await settled(created)).toBe('waiting');
    expect(await settled(listed)).toBe('waiting');
    expect((await h.call(null, 'GET', '/health')).status).toBe(200);
    release();
    expect((await created).status).toBe(201);
    const list = await listed;
    expect(list.status).toBe(200);
    expect(list.body.length).toBe(1);
    // Nothing pending: a read answers without waiting for any flush.
    const flushes = watched.flushes;
    watched.hold = true;
    expect((await h.call('leaderA', 'GET', `/organisations/${h.orgA}/assessments`)).status).toBe(200);
    expect(watched.flushes).toBe(flushes);
  });

  it('when the flush fails, then the write is not acknowledged (its connection is closed) and readiness says the database is unusable', async () => {
    const { watched, flush } = watchedFlush();
    const h = await service(flush);
    watched.fail = Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    await expect(h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`, {})).rejects.toThrow();
    const ready = await h.call(null, 'GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', database: 'error' });
  });
});
