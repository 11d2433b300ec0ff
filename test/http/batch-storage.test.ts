import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowOf } from '../support/generate-portfolio.js';
import { sweepBatchFiles } from '../../src/app/batch-retention.js';
import { waitForBatch } from '../../src/app/batches.js';
import { portfolioColumns } from '../../src/batch/columns.js';
import type { Config } from '../../src/config.js';
import { examples, startHarness, type Harness } from './harness.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const MB = 1024 ** 2;
const DAY = 86_400_000;
// A rejected row of « X » writes about 320 bytes of results (its reasons).
const ROWS_PER_600KB = 1950;

/** A valid portfolio of `rows` copies of one organisation, as CSV. */
function portfolio(h: Harness, rows: number): Buffer {
  const index = h.ctx.scorer.index;
  const row = rowOf(index, 'ORG', examples.get('insertion-esus')!);
  return Buffer.from(stringify([portfolioColumns(index, 'fr').map((c) => c.id), ...Array.from({ length: rows }, () => row)]));
}

async function upload(h: Harness, body: Buffer | ReadableStream, headers: Record<string, string> = {}, query = '?lang=en'): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${h.url}/batches${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.tokens.advisorA}`, 'content-type': 'text/csv', ...headers },
    body,
    ...(body instanceof ReadableStream && { duplex: 'half' }),
  } as RequestInit);
  return { status: res.status, body: await res.json() };
}

/** The batch folders on disk, and the advisor's batches in the database: a refused upload leaves neither. */
async function traces(h: Harness, data: string): Promise<{ folders: string[]; batches: number }> {
  const root = join(data, 'batches');
  const advisor = (await h.ctx.store.accounts.findByEmail('advisorA@test.org'))!.id;
  return { folders: existsSync(root) ? readdirSync(root).sort() : [], batches: (await h.ctx.store.batches.byUser(advisor)).length };
}

async function harness(config: Partial<Config>): Promise<{ h: Harness; data: string }> {
  const data = mkdtempSync(join(tmpdir(), 'impact-storage-'));
  return { h: await startHarness({ config: { DATA_DIR: data, ...config } }), data };
}

describe('compressed uploads', () => {
  let h: Harness;
  let data: string;
  beforeAll(async () => ({ h, data } = await harness({ BATCH_UPLOAD_LIMIT: 8 * MB })));
  afterAll(async () => h.close());

  it('when a portfolio is sent gzip-, deflate- or brotli-compressed, then 415 and nothing is inflated, stored or queued', async () => {
    const file = portfolio(h, 1500);
    const before = await traces(h, data);
    for (const [encoding, packed] of [['gzip', gzipSync(file)], ['deflate', deflateSync(file)], ['br', brotliCompressSync(file)]] as const) {
      expect(packed.length * 50).toBeLessThan(file.length); // A bomb in miniature: the file is far larger than what travels.
      const res = await upload(h, packed, { 'content-encoding': encoding });
      expect(res.status).toBe(415);
      expect(res.body.error).toMatchObject({ code: 'unsupported-content-encoding', message: expect.stringContaining('without Content-Encoding') });
    }
    expect(await traces(h, data)).toEqual(before);
    // Sent as it is, the same file is accepted.
    const plain = await upload(h, file);
    expect(plain.status).toBe(202);
    await waitForBatch(h.ctx, plain.body.id);
  });

  it('when a JSON body is compressed, then 415 as well', async () => {
    const res = await fetch(`${h.url}/score`, {
      method: 'POST', headers: { authorization: `Bearer ${h.tokens.leaderA}`, 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync(JSON.stringify(examples.get('sas-5'))),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as Json).error.code).toBe('unsupported-content-encoding');
  });
});

describe('upload limit, quota and batches running at once', () => {
  let h: Harness;
  let data: string;
  beforeAll(async () => ({ h, data } = await harness({ BATCH_UPLOAD_LIMIT: 1 * MB, BATCH_QUOTA: 1 * MB, BATCH_MAX_RUNNING: 1, BATCH_RESULT_DAYS: 3 })));
  afterAll(async () => h.close());

  it('when a file is larger than the upload limit, announced or not, then 413 in the user\'s words and nothing is left', async () => {
    const before = await traces(h, data);
    const big = Buffer.alloc(MB + 1, 'a');
    const announced = await upload(h, big);
    expect(announced.status).toBe(413);
    expect(announced.body.error).toMatchObject({ code: 'upload-too-large', message: 'The file is larger than the most accepted (1 MB): split the portfolio into several files.' });
    const chunked = await upload(h, new Blob([big]).stream());
    expect(chunked.status).toBe(413);
    expect(chunked.body.error.code).toBe('upload-too-large');
    expect(await traces(h, data)).toEqual(before);
  });

  it('when the advisor\'s stored files would pass the quota, then 413 says how much is used and when space frees up', async () => {
    const advisor = (await h.ctx.store.accounts.findByEmail('advisorA@test.org'))!.id;
    const first = await upload(h, portfolio(h, 400));
    expect(first.status).toBe(202);
    await waitForBatch(h.ctx, first.body.id);
    // What the quota counts is what is on disk: the results (the input went once the batch ended).
    const folder = join(data, 'batches', String(first.body.id));
    expect(readdirSync(folder)).toEqual(['scores.csv']);
    const used = (await h.ctx.store.batches.storedBytes(advisor));
    expect(used).toBe(statSync(join(folder, 'scores.csv')).size);
    expect(used).toBeGreaterThan(0);
    const tooMuch = await upload(h, Buffer.alloc(MB - used + 1, 'a'));
    expect(tooMuch.status).toBe(413);
    expect(tooMuch.body.error.code).toBe('batch-quota-exceeded');
    expect(tooMuch.body.error.message).toMatch(/^Your batches already take [\d.]+ (KB|MB) of the 1 MB allowed: this file does not fit\. Results are removed 3 days after their batch ends \(next on 2026-11-24\); try again then\.$/);
    const fits = await upload(h, portfolio(h, 2));
    expect(fits.status).toBe(202);
    await waitForBatch(h.ctx, fits.body.id);
  });

  it('when an advisor already has as many batches running as allowed, then 429 until one ends', async () => {
    const advisor = (await h.ctx.store.accounts.findByEmail('advisorA@test.org'))!.id;
    const file = portfolio(h, 3);
    // A first upload held open half-way: its batch is admitted and counts as running.
    const url = new URL(`${h.url}/batches`);
    const slow = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${h.tokens.advisorA}`, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' } });
    const answered = new Promise<{ status: number; body: Json }>((resolve, reject) => {
      slow.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      });
      slow.on('error', reject);
    });
    slow.write(file.subarray(0, 100));
    while ((await h.ctx.store.batches.running(advisor)) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await upload(h, file);
    expect(second.status).toBe(429);
    expect(second.body.error).toMatchObject({ code: 'too-many-batches', message: 'You already have a batch running, the most allowed: wait for it to finish before sending another.' });
    slow.end(file.subarray(100));
    const first = await answered;
    expect(first.status).toBe(202);
    await waitForBatch(h.ctx, first.body.id);
    expect((await h.call('advisorA', 'GET', `/batches/${first.body.id}`)).body.status).toBe('done');
    expect((await upload(h, file)).status).toBe(202);
  });

  it('when an upload is cut off half-way, then no batch and no file are left', async () => {
    const advisor = (await h.ctx.store.accounts.findByEmail('advisorA@test.org'))!.id;
    const before = await traces(h, data);
    const url = new URL(`${h.url}/batches`);
    const cut = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${h.tokens.advisorA}`, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' } });
    cut.on('error', () => undefined);
    cut.write(portfolio(h, 3));
    while ((await h.ctx.store.batches.running(advisor)) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    cut.destroy();
    while ((await h.ctx.store.batches.running(advisor)) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await traces(h, data)).toEqual(before);
  });
});

describe('results against the quota', () => {
  it('when a batch\'s results outgrow what is left of the quota (rejected rows write far more than they read), then it fails saying so and keeps nothing', async () => {
    const { h, data } = await harness({ BATCH_UPLOAD_LIMIT: MB, BATCH_QUOTA: MB });
    try {
      const junk = Buffer.from(`id\n${'X\n'.repeat(20_000)}`);
      const accepted = await upload(h, junk);
      expect(accepted.status).toBe(202);
      await waitForBatch(h.ctx, accepted.body.id);
      const batch = (await h.call('advisorA', 'GET', `/batches/${accepted.body.id}`)).body;
      expect(batch.status).toBe('failed');
      expect(batch.error).toMatch(/^the results outgrew the space allowed \([\d.]+ (KB|MB) with your other batches, for 1 MB\): the batch was stopped and its partial results removed\./);
      expect(readdirSync(join(data, 'batches', String(accepted.body.id)))).toEqual([]);
      expect((await h.ctx.store.batches.storedBytes(batch.userId))).toBe(0);
    } finally {
      await h.close();
    }
  });
});

describe('results of batches running at once', () => {
  it('when two batches together outgrow the quota, then they count each other: what stays on disk never passes it', async () => {
    const { h, data } = await harness({ BATCH_UPLOAD_LIMIT: MB, BATCH_QUOTA: MB, BATCH_MAX_RUNNING: 2 });
    try {
      // Each alone fits (about 0.6 MB of results); both do not.
      const junk = Buffer.from(`id\n${'X\n'.repeat(ROWS_PER_600KB)}`);
      const [a, b] = await Promise.all([upload(h, junk), upload(h, junk)]);
      expect([a.status, b.status]).toEqual([202, 202]);
      await Promise.all([waitForBatch(h.ctx, a.body.id), waitForBatch(h.ctx, b.body.id)]);
      const statuses = await Promise.all([a, b].map(async (x) => (await h.call('advisorA', 'GET', `/batches/${x.body.id}`)).body.status as string));
      expect(statuses).toContain('failed');
      const advisor = (await h.ctx.store.accounts.findByEmail('advisorA@test.org'))!.id;
      const onDisk = [a, b].flatMap((x) => readdirSync(join(data, 'batches', String(x.body.id))).map((f) => statSync(join(data, 'batches', String(x.body.id), f)).size)).reduce((m, n) => m + n, 0);
      expect((await h.ctx.store.batches.storedBytes(advisor))).toBe(onDisk);
      expect(onDisk).toBeLessThanOrEqual(MB);
    } finally {
      await h.close();
    }
  });
});

describe('retention', () => {
  it('when a batch ends, then its input goes at once; its results go BATCH_RESULT_DAYS later, after which the download says so', async () => {
    const { h, data } = await harness({ BATCH_RESULT_DAYS: 3 });
    try {
      const accepted = await upload(h, portfolio(h, 2));
      await waitForBatch(h.ctx, accepted.body.id);
      const folder = join(data, 'batches', String(accepted.body.id));
      expect(readdirSync(folder)).toEqual(['scores.csv']);
      const batch = (await h.call('advisorA', 'GET', `/batches/${accepted.body.id}`)).body;
      expect(batch).toMatchObject({ status: 'done', inputBytes: 0, inputRemovedAt: expect.any(String), resultsRemovedAt: null });
      // A folder nobody owns (an upload cut off by a crash) goes at the next sweep.
      writeFileSync(join(data, 'batches', '9999'), 'x');
      const now = h.ctx.now;
      h.ctx.now = () => new Date(now().getTime() + 3 * DAY - 1000);
      expect(await sweepBatchFiles(h.ctx, data, { inputDays: 0, resultDays: 3 })).toBe(0);
      expect(existsSync(folder)).toBe(true);
      h.ctx.now = () => new Date(now().getTime() + 3 * DAY);
      expect(await sweepBatchFiles(h.ctx, data, { inputDays: 0, resultDays: 3 })).toBe(1);
      expect(readdirSync(join(data, 'batches'))).toEqual([]);
      const gone = await h.call('advisorA', 'GET', `/batches/${accepted.body.id}/result?lang=en`);
      expect(gone.status).toBe(410);
      expect(gone.body.error).toMatchObject({ code: 'results-removed', message: expect.stringMatching(/^This batch's results were removed on 2026-11-24: they are kept 3 days after the batch ends\./) });
      expect((await h.ctx.store.batches.storedBytes(batch.userId))).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('when inputs are to be kept some days (BATCH_INPUT_DAYS), then the sweep removes them once due, results staying', async () => {
    const { h, data } = await harness({ BATCH_INPUT_DAYS: 2, BATCH_RESULT_DAYS: 5 });
    try {
      const accepted = await upload(h, portfolio(h, 2));
      await waitForBatch(h.ctx, accepted.body.id);
      const folder = join(data, 'batches', String(accepted.body.id));
      expect(readdirSync(folder).sort()).toEqual(['input.csv', 'scores.csv']);
      const now = h.ctx.now;
      h.ctx.now = () => new Date(now().getTime() + 2 * DAY);
      expect(await sweepBatchFiles(h.ctx, data, { inputDays: 2, resultDays: 5 })).toBe(1);
      expect(readdirSync(folder)).toEqual(['scores.csv']);
      expect((await fetch(`${h.url}/batches/${accepted.body.id}/result`, { headers: { authorization: `Bearer ${h.tokens.advisorA}` } })).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('a data folder that stops accepting files', () => {
  it('when the batch\'s file cannot be written, then 503 with the reason, the batch failed with it, nothing queued', async () => {
    const { h, data } = await harness({});
    try {
      rmSync(join(data, 'batches'), { recursive: true, force: true });
      writeFileSync(join(data, 'batches'), 'not a folder');
      const res = await upload(h, portfolio(h, 2));
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'storage-unavailable', message: expect.stringMatching(/^The server could not store the file \(part of the path is not a folder\): batch \d+ failed, nothing was scored\./) });
      const listed = (await h.call('advisorA', 'GET', '/batches')).body as { status: string; error: string }[];
      expect(listed.map((b) => b.status)).toEqual(['failed']);
      expect(listed[0]!.error).toBe('the server could not store the file: part of the path is not a folder');
    } finally {
      await h.close();
    }
  });
});
