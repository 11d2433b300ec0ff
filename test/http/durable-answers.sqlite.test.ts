import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { durableAnswers } from '../../src/http/durable-answers.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
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
    // Later writes are refused before they write anything: a client retrying makes no twin.
    const drafts = (await h.ctx.store.assessments.listByOrganisation(h.orgA)).length;
    const again = await h.call('leaderA', 'POST', `/organisations/${h.orgA}/assessments`, {});
    expect(again).toMatchObject({ status: 503, body: { error: { code: 'storage-unavailable' } } });
    expect(again.body.error.message).toContain('rien n’a été modifié');
    expect((await h.ctx.store.assessments.listByOrganisation(h.orgA)).length).toBe(drafts);
  });
});

describe('the middleware over answers of every kind', () => {
  let server: Server | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    server?.close();
    await store?.close();
    server = store = undefined;
  });

  /** An app of a few routes over a grouped store, each committing before it answers. */
  async function app(flush: DataSync): Promise<string> {
    folder = mkdtempSync(join(tmpdir(), 'impact-durable-'));
    store = await openStore({ file: join(folder, 'impact.db') }, { commits: 'grouped', flush });
    const s = store;
    const made = () => s.organisations.create({ name: 'Coop', siren: null, profile: {} }, '2026-12-07T10:00:00.000Z');
    const web = express();
    web.use(durableAnswers(s, pino({ level: 'silent' })));
    web.get('/streamed', async (_req, res) => {
      await made();
      res.type('text/plain');
      res.write('first piece, ');
      setTimeout(() => res.end('last piece'), 20);
    });
    web.get('/broken', async (_req, res) => {
      await made();
      (res.end as (chunk: unknown) => void)(123); // a bug: Node refuses a number
    });
    web.get('/plain', (_req, res) => void res.send('ok'));
    server = web.listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('when an answer is written in pieces (a PDF, a results file), then not even its headers leave before the flush, and then all of it', async () => {
    const { watched, flush, release } = watchedFlush();
    const base = await app(flush);
    watched.hold = true;
    const streamed = fetch(`${base}/streamed`);
    await until(async () => (await store!.organisations.count()) === 1);
    expect(await settled(streamed)).toBe('waiting');
    release();
    expect(await (await streamed).text()).toBe('first piece, last piece');
  });

  it('when a route\'s answer throws once its flush is done, then that answer fails and the service goes on', async () => {
    const { flush } = watchedFlush();
    const base = await app(flush);
    await expect(fetch(`${base}/broken`)).rejects.toThrow();
    expect(await (await fetch(`${base}/plain`)).text()).toBe('ok');
  });
});
