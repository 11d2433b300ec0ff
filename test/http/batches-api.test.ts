import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowOf } from '../../bench/generate-portfolio.js';
import { waitForBatch } from '../../src/app/batches.js';
import { portfolioColumns } from '../../src/batch/columns.js';
import { examples, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'impact-data-')) } });
});
afterAll(async () => h.close());

async function upload(who: 'advisorA' | 'leaderA', body: string, query = '') {
  const res = await fetch(`${h.url}/batches${query}`, { method: 'POST', headers: { authorization: `Bearer ${h.tokens[who]}`, 'content-type': 'text/csv' }, body });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('batches through the API', () => {
  it('when an advisor uploads a portfolio with store=true, then rows are scored, their own organisation gets a stored assessment once, and results download', async () => {
    const index = h.ctx.scorer.index;
    const header = portfolioColumns(index, 'fr').map((c) => c.id);
    const mine = rowOf(index, String(h.orgA), examples.get('insertion-esus')!);
    const notMine = rowOf(index, String(h.orgB), examples.get('scop-40')!);
    const broken = [...mine];
    broken[0] = 'BROKEN';
    broken[header.indexOf('inclusion-hires')] = 'plein';
    const before = h.ctx.store.assessments.listByOrganisation(h.orgA).length;
    const accepted = await upload('advisorA', stringify([header, mine, notMine, broken]), '?store=true');
    expect(accepted.status).toBe(202);
    await waitForBatch(accepted.body.id);
    const done = await h.call('advisorA', 'GET', `/batches/${accepted.body.id}`);
    expect(done.body).toMatchObject({ status: 'done', stored: 1, summary: { rows: 3, scored: 2, rejected: 1 } });
    // Only the advisor's organisation became an assessment; B is not in the portfolio.
    const after = h.ctx.store.assessments.listByOrganisation(h.orgA);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.status).toBe('submitted');
    expect(h.ctx.store.assessments.listByOrganisation(h.orgB).length).toBe(0);

    const download = await fetch(`${h.url}/batches/${accepted.body.id}/result`, { headers: { authorization: `Bearer ${h.tokens.advisorA}` } });
    expect(download.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parse(Buffer.from(await download.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.id, r.global === '' ? null : Number(r.global), r.error === ''])).toEqual([[String(h.orgA), 71.1, true], [String(h.orgB), 52.3, true], ['BROKEN', null, false]]);

    // The same file again (say, after an interrupted run): scored again, but nothing stored twice.
    const again = await upload('advisorA', stringify([header, mine, notMine, broken]), '?store=true');
    await waitForBatch(again.body.id);
    expect((await h.call('advisorA', 'GET', `/batches/${again.body.id}`)).body).toMatchObject({ status: 'done', stored: 0 });
    expect(h.ctx.store.assessments.listByOrganisation(h.orgA).length).toBe(before + 1);
  });

  it('when a leader uploads, then 403; when someone else reads a batch, then 404', async () => {
    expect((await upload('leaderA', 'id\n1\n')).status).toBe(403);
    const accepted = await upload('advisorA', 'id\nX\n');
    await waitForBatch(accepted.body.id);
    expect((await h.call('leaderB', 'GET', `/batches/${accepted.body.id}`)).status).toBe(404);
    expect((await h.call('leaderB', 'GET', `/batches/${accepted.body.id}/result`)).status).toBe(404);
  });

  it('when the file is not a portfolio, then the batch fails with the reason', async () => {
    const accepted = await upload('advisorA', 'nom;score\nA;1\n');
    await waitForBatch(accepted.body.id);
    const res = await h.call('advisorA', 'GET', `/batches/${accepted.body.id}`);
    expect(res.body.status).toBe('failed');
    expect(res.body.error).toContain('« id »');
    expect((await h.call('advisorA', 'GET', `/batches/${accepted.body.id}/result`)).status).toBe(409);
  });

  it('when the portfolio view is read, then it shows latest scores, distribution per pillar and the most shared gaps', async () => {
    const res = await h.call('advisorA', 'GET', '/portfolio?lang=en');
    expect(res.status).toBe(200);
    expect(res.body.organisations).toEqual([expect.objectContaining({ id: h.orgA, global: 71.1 })]);
    expect(res.body.distribution.global).toMatchObject({ count: 1, mean: 71.1 });
    const gaps = res.body.gaps.map((g: { meanPointsAvailable: number }) => g.meanPointsAvailable);
    expect(gaps).toEqual([...gaps].sort((a: number, b: number) => b - a));
    expect(res.body.gaps[0].title).toBeTruthy();
  });
});
