import { mkdtempSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { draftPlanDocument } from '../src/app/plan-document-data.js';
import { loadContent } from '../src/content/load-content.js';
import type { PlanDocument } from '../src/core/plan-document.js';
import { createScorer } from '../src/core/score.js';
import type { PdfRenderer } from '../src/pdf/pdf-renderer.js';
import { renderPdf } from '../src/pdf/render-pdf.js';
import { cli, killAll, serve, stop } from './support/service.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
afterEach(killAll);

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const examples = new Map(loaded.value.examples.map((e) => [e.file.replace(/^.*\/|\.json$/g, ''), e.data]));
const scorer = createScorer(loaded.value.content);

/** The compiled pool (dist/, built by the global setup): its workers run the compiled worker script. */
const compiled = pathToFileURL(join(import.meta.dirname, '..', 'dist/src/pdf/pdf-pool.js')).href;
const { createPdfPool } = (await import(compiled)) as { createPdfPool: (script: string | URL, size: number) => PdfRenderer & { held(): number } };

async function render(pool: PdfRenderer, document: PlanDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  await pool.render(document, out);
  return Buffer.concat(chunks);
}

async function plan(name: string, lang: 'fr' | 'en', title?: string): Promise<PlanDocument> {
  const built = await draftPlanDocument(scorer, examples.get(name)!, lang, '2026-11-21');
  if (!built.ok) throw new Error('plan');
  return title ? { ...built.value, meta: { ...built.value.meta, title } } : built.value;
}

describe('the pool of PDF workers', () => {
  it('when the real server renders several PDFs at once on its workers, then each comes out whole and identical to the same one asked alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'impact-pdf-pool-'));
    await cli(dir, 'orgs', 'create', '--name', 'Garrigue', '--headcount', '10-49', '--sector', 'H', '--legal-form', 'sas', '--statuses', 'esus,siae', '--region', 'occ');
    await cli(dir, 'users', 'create', '--email', 'chef@garrigue.fr', '--role', 'leader', '--org', '1', '--password', 'un mot de passe long');
    const token = (await cli(dir, 'tokens', 'create', '--email', 'chef@garrigue.fr')).out.trim();
    const { url, child } = await serve(dir, { PDF_WORKERS: '3' });
    const call = async (method: string, path: string, body?: unknown): Promise<Json> => (await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })).json();
    const draft = await call('POST', '/organisations/1/assessments');
    const saved = await call('PATCH', `/assessments/${draft.id}`, { version: draft.version, answers: examples.get('insertion-esus')!.answers });
    await call('POST', `/assessments/${draft.id}/submit`, { version: saved.version });
    const { suggestions } = await call('GET', `/assessments/${draft.id}/suggestions?limit=5`);
    const plans = [];
    for (const n of [2, 5]) plans.push((await call('POST', `/assessments/${draft.id}/plans`, { actionIds: suggestions.slice(0, n).map((s: { actionId: string }) => s.actionId) })).id);
    const pdf = async (path: string) => {
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const paths = plans.flatMap((id) => [`/plans/${id}/pdf`, `/plans/${id}/pdf?lang=en`]);
    const alone = new Map<string, Buffer>();
    for (const path of paths) alone.set(path, await pdf(path));
    const atOnce = [...paths, ...paths, ...paths];
    const pdfs = await Promise.all(atOnce.map(pdf));
    pdfs.forEach((bytes, i) => {
      expect(bytes.subarray(-6).toString()).toBe('%%EOF\n');
      expect(bytes.equals(alone.get(atOnce[i]!)!)).toBe(true);
    });
    expect(new Set(alone.values()).size).toBe(4);
    expect(await stop(child)).toBe(0);
  });

  it('when a PDF comes back from its worker, then it comes in pieces of 64 KB, not in the thousands of bits pdfkit writes (each one a task of the server\'s event loop), and the same bytes', async () => {
    const pool = createPdfPool(new URL('../dist/src/pdf/pdf-worker.js', import.meta.url), 1);
    const document = await plan('sas-5', 'fr');
    const direct = new PassThrough();
    let pdfkitWrites = 0;
    const bytes: Buffer[] = [];
    direct.on('data', (c: Buffer) => (pdfkitWrites++, bytes.push(c)));
    await renderPdf(document, direct);
    const expected = Buffer.concat(bytes);
    const pieces: Buffer[] = [];
    const out = new PassThrough();
    out.on('data', (c: Buffer) => pieces.push(c));
    await pool.render(document, out);
    expect(Buffer.concat(pieces).equals(expected)).toBe(true);
    expect(pdfkitWrites).toBeGreaterThan(1000);
    expect(pieces.length).toBeLessThanOrEqual(Math.floor(expected.length / 65536) + 1);
    await pool.close();
  });

  it('when PDFs are asked for faster than the one worker renders them, then it holds the next before it is done with the first (no wait for the event loop in between), and each comes out whole and in order', async () => {
    const pool = createPdfPool(new URL('../dist/src/pdf/pdf-worker.js', import.meta.url), 1);
    const documents = [await plan('scop-40', 'fr'), await plan('industry-300', 'en'), await plan('sas-5', 'fr')];
    const alone: Buffer[] = [];
    for (const d of documents) alone.push(await render(pool, d));
    const finished: number[] = [];
    const atOnce = documents.map((d, n) => render(pool, d).then((bytes) => (finished.push(n), bytes)));
    expect(pool.held()).toBe(2);
    const pdfs = await Promise.all(atOnce);
    pdfs.forEach((bytes, n) => expect(bytes.equals(alone[n]!)).toBe(true));
    expect(finished).toEqual([0, 1, 2]);
    expect(pool.held()).toBe(0);
    await pool.close();
  });

  it('when the one downloading a PDF goes away before its end, then the rendering still settles (the route does not wait for ever) and the next PDF comes out whole', async () => {
    const pool = createPdfPool(new URL('../dist/src/pdf/pdf-worker.js', import.meta.url), 1);
    const document = await plan('sas-5', 'fr');
    let settled = false;
    const server = createServer((_req, res) => void pool.render(document, res).then(() => (settled = true), () => (settled = true)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const request = get({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
    request.on('response', (response) => response.once('data', () => request.destroy()));
    request.on('error', () => undefined);
    await new Promise((resolve) => request.on('close', resolve));
    // The worker done with it, its answer to the pool read: the rendering has settled, or never will.
    while (pool.held() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(true);
    expect((await render(pool, document)).subarray(-6).toString()).toBe('%%EOF\n');
    server.close();
    await pool.close();
  });

  it('when a worker exits or an error escapes it, then only the PDF it was rendering fails, and the others and later ones come out whole', async () => {
    const pool = createPdfPool(new URL('./support/crashing-pdf-worker.mjs', import.meta.url), 2);
    const [fr, en] = [await plan('scop-40', 'fr'), await plan('industry-300', 'en')];
    const alone = [await render(pool, fr), await render(pool, en)];
    const results = await Promise.allSettled([fr, await plan('scop-40', 'fr', 'exit'), en, await plan('scop-40', 'fr', 'throw'), fr, en].map((d) => render(pool, d)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/exit code 70/);
    expect((results[3] as PromiseRejectedResult).reason.message).toBe('boom');
    for (const [i, expected] of [[0, alone[0]], [2, alone[1]], [4, alone[0]], [5, alone[1]]] as const) {
      expect((results[i] as PromiseFulfilledResult<Buffer>).value.equals(expected!)).toBe(true);
    }
    expect((await render(pool, en)).equals(alone[1]!)).toBe(true);
    await pool.close();
    await expect(render(pool, fr)).rejects.toThrow('closed');
  });
});
