import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellOf, rowOf } from '../support/generate-portfolio.js';
import { waitForBatch } from '../../src/app/batches.js';
import { portfolioColumns } from '../../src/batch/columns.js';
import { templateBytes } from '../../src/batch/write-template.js';
import { score } from '../../src/core/score.js';
import { examples, startHarness, type Harness } from './harness.js';
import { goldenGlobal } from '../support/golden.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'impact-data-')) } });
});
afterAll(async () => h.close());

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(who: 'advisorA' | 'leaderA', body: string | Buffer, query = '', type = 'text/csv') {
  const res = await fetch(`${h.url}/batches${query}`, { method: 'POST', headers: { authorization: `Bearer ${h.tokens[who]}`, 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Uploads a file as the advisor, waits for its batch to finish, and downloads the results. */
async function scored(body: string | Buffer, query: string, type: string): Promise<{ batch: Record<string, unknown>; result: Response }> {
  const accepted = await upload('advisorA', body, query, type);
  expect(accepted.status).toBe(202);
  await waitForBatch(h.ctx, accepted.body.id);
  const batch = (await h.call('advisorA', 'GET', `/batches/${accepted.body.id}`)).body as Record<string, unknown>;
  const result = await fetch(`${h.url}/batches/${accepted.body.id}/result`, { headers: { authorization: `Bearer ${h.tokens.advisorA}` } });
  return { batch, result };
}

describe('batches through the API', () => {
  it('when an advisor uploads a portfolio with store=true, then rows are scored, their own organisation (named in the organisation column) gets a stored assessment once, and results download', async () => {
    const index = h.ctx.scorer.index;
    const header = portfolioColumns(index, 'fr').map((c) => c.id);
    const naming = (id: string, organisation: number, example: string) => {
      const row = rowOf(index, id, examples.get(example)!);
      row[header.indexOf('organisation')] = String(organisation);
      return row;
    };
    const mine = naming('notre-ref-A', h.orgA, 'insertion-esus');
    const notMine = naming('notre-ref-B', h.orgB, 'scop-40');
    const broken = [...mine];
    broken[0] = 'BROKEN';
    broken[header.indexOf('inclusion-hires')] = 'plein';
    const before = (await h.ctx.store.assessments.listByOrganisation(h.orgA)).length;
    const accepted = await upload('advisorA', stringify([header, mine, notMine, broken]), '?store=true');
    expect(accepted.status).toBe(202);
    await waitForBatch(h.ctx, accepted.body.id);
    const done = await h.call('advisorA', 'GET', `/batches/${accepted.body.id}`);
    expect(done.body).toMatchObject({ status: 'done', stored: 1, summary: { rows: 3, scored: 2, rejected: 1 } });
    // Only the advisor's organisation became an assessment; B is not in the portfolio.
    const after = (await h.ctx.store.assessments.listByOrganisation(h.orgA));
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.status).toBe('submitted');
    expect((await h.ctx.store.assessments.listByOrganisation(h.orgB)).length).toBe(0);

    const download = await fetch(`${h.url}/batches/${accepted.body.id}/result`, { headers: { authorization: `Bearer ${h.tokens.advisorA}` } });
    expect(download.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parse(Buffer.from(await download.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.id, r.global === '' ? null : Number(r.global), r.error === ''])).toEqual([['notre-ref-A', goldenGlobal('insertion-esus'), true], ['notre-ref-B', goldenGlobal('scop-40'), true], ['BROKEN', null, false]]);

    // The same file again (say, after an interrupted run): scored again, but nothing stored twice.
    const again = await upload('advisorA', stringify([header, mine, notMine, broken]), '?store=true');
    await waitForBatch(h.ctx, again.body.id);
    expect((await h.call('advisorA', 'GET', `/batches/${again.body.id}`)).body).toMatchObject({ status: 'done', stored: 0 });
    expect((await h.ctx.store.assessments.listByOrganisation(h.orgA)).length).toBe(before + 1);
  });

  it('when a row\'s free-text id is an organisation\'s number (« 1 » as the advisor\'s own reference), then store=true scores it but never stores it: only the organisation number or the SIREN, written as such and agreeing, stores a row', async () => {
    const index = h.ctx.scorer.index;
    const header = portfolioColumns(index, 'fr').map((c) => c.id);
    const row = (id: string, cells: { organisation?: string; siren?: string } = {}) => {
      const cellsOf = rowOf(index, id, examples.get('insertion-esus')!);
      for (const [column, value] of Object.entries(cells)) cellsOf[header.indexOf(column)] = value;
      return cellsOf;
    };
    const storedBy = async (...rows: string[][]) => {
      const before = (await h.ctx.store.assessments.listByOrganisation(h.orgA)).length;
      const accepted = await upload('advisorA', stringify([header, ...rows]), '?store=true');
      await waitForBatch(h.ctx, accepted.body.id);
      const batch = (await h.call('advisorA', 'GET', `/batches/${accepted.body.id}`)).body as { status: string; stored: number; summary: { scored: number } };
      expect([batch.status, batch.summary.scored]).toEqual(['done', rows.length]);
      expect((await h.ctx.store.assessments.listByOrganisation(h.orgA)).length).toBe(before + batch.stored);
      return batch.stored;
    };
    expect(await storedBy(row(String(h.orgA)))).toBe(0);
    expect(await storedBy(...[`0${h.orgA}`, `${h.orgA}.0`, `0x${h.orgA}`, `${h.orgA}e0`].map((n) => row('REF', { organisation: n })))).toBe(0);
    expect(await storedBy(row('REF', { organisation: ` ${h.orgA} ` }))).toBe(1);
    // By SIREN (spaces aside), once the organisation has one; two references that disagree store nothing.
    expect((await h.call('advisorA', 'PATCH', `/organisations/${h.orgA}`, { siren: '123456789' })).status).toBe(200);
    expect(await storedBy(row('REF', { siren: '123 456 789' }))).toBe(1);
    expect(await storedBy(row('REF', { siren: '12345678' }))).toBe(0);
    expect(await storedBy(row('REF', { organisation: String(h.orgA), siren: '987654321' }))).toBe(0);
    expect(await storedBy(row('REF', { organisation: String(h.orgA), siren: '123456789' }))).toBe(1);
    // A JSON line names its organisation by its SIREN only, never by its name.
    const line = (organisation: object) => JSON.stringify({ ...examples.get('insertion-esus')!, organisation });
    for (const [organisation, stored] of [[{ name: String(h.orgA) }, 0], [{ name: 'Org A', siren: '123456789' }, 1]] as const) {
      const accepted = await upload('advisorA', line(organisation), '?store=true', 'application/x-ndjson');
      await waitForBatch(h.ctx, accepted.body.id);
      expect((await h.call('advisorA', 'GET', `/batches/${accepted.body.id}`)).body).toMatchObject({ status: 'done', stored, summary: { scored: 1 } });
    }
  });

  it('when an XLSX portfolio is uploaded and JSON Lines asked back, then a complete row is scored and an incomplete one rejected, unless the batch is partial', async () => {
    const index = h.ctx.scorer.index;
    const header = portfolioColumns(index, 'fr').map((c) => c.id);
    const complete = rowOf(index, 'COMPLETE', examples.get('insertion-esus')!);
    const incomplete = [...complete];
    incomplete[0] = 'INCOMPLETE';
    incomplete[header.indexOf('inclusion-hires')] = '';
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Portefeuille').addRows([header, complete, incomplete]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const strict = await scored(file, '?output=jsonl', XLSX_TYPE);
    expect(strict.batch).toMatchObject({ status: 'done', outputFormat: 'jsonl', summary: { rows: 2, scored: 1, rejected: 1 } });
    expect(strict.result.headers.get('content-type')).toMatch(/ndjson/);
    const lines = (await strict.result.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ row: 2, id: 'COMPLETE', ok: true, global: goldenGlobal('insertion-esus') }),
      expect.objectContaining({ row: 3, id: 'INCOMPLETE', ok: false, problems: [{ code: 'missing-answer', path: '/answers/inclusion-hires', message: expect.stringContaining('attend une réponse') }] }),
    ]);

    const partial = await scored(file, '?output=jsonl&partial=true', XLSX_TYPE);
    expect(partial.batch).toMatchObject({ status: 'done', summary: { rows: 2, scored: 2, rejected: 0 } });
    const both = (await partial.result.text()).trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; global: number });
    expect(both.map((r) => r.ok)).toEqual([true, true]);
    // Scored as single scoring scores the same answers with the question left blank.
    const example = examples.get('insertion-esus')!;
    const single = await score(h.ctx.scorer, { ...example, answers: Object.fromEntries(Object.entries(example.answers).filter(([q]) => q !== 'inclusion-hires')) });
    expect(single.ok && single.value.unanswered).toEqual(['inclusion-hires']);
    expect(both[1]!.global).toBe(single.ok && single.value.global);
  });

  it('when an example organisation is typed into the XLSX template with its percentages as percent cells, then it scores exactly as its answers do, and a date where a number is asked is refused with its reason', async () => {
    const index = h.ctx.scorer.index;
    const example = examples.get('insertion-esus')!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await templateBytes(index, 'xlsx', 'fr')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const ids = (sheet.getRow(1).values as string[]).slice(1);
    for (const [r, id] of [[3, 'ESUS'], [4, 'DATE']] as const) {
      ids.forEach((column, i) => {
        const question = index.profileFields.get(column) ?? index.questions.get(column)?.question;
        const answer = column === 'id' ? id : index.profileFields.has(column) ? example.profile[column] : example.answers[column];
        // As Excel stores « 7 % » typed in the template's percent-formatted columns: 0.07.
        if (answer !== undefined) sheet.getRow(r).getCell(i + 1).value = question?.type === 'percentage' ? (answer as number) / 100 : Array.isArray(answer) ? answer.join('|') : answer;
      });
    }
    // As Excel stores a date typed in a General cell: its serial number, formatted as a date.
    const dateCell = sheet.getRow(4).getCell(ids.indexOf('gender-equality-index') + 1);
    dateCell.value = new Date(Date.UTC(2026, 7, 31));
    dateCell.numFmt = 'dd/mm/yyyy';
    const { batch, result } = await scored(Buffer.from(await workbook.xlsx.writeBuffer()), '?output=jsonl&lang=en', XLSX_TYPE);
    expect(batch).toMatchObject({ status: 'done', summary: { rows: 2, scored: 1, rejected: 1 } });
    const [esus, date] = (await result.text()).trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; global: number; indicators: Record<string, number | null>; problems?: unknown[] });
    const expected = await score(h.ctx.scorer, example);
    if (!expected.ok) throw new Error('invalid example');
    expect(esus!.global).toBe(expected.value.global);
    expect(esus!.indicators).toEqual(Object.fromEntries(expected.value.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i.score]))));
    expect(date!.problems).toEqual([{ code: 'cell-holds-date', path: '/cells/gender-equality-index', message: 'the cell holds a date (2026-08-31), and this question does not take one: type the answer again (in a cell formatted as Text if need be).' }]);
  });

  it('when JSON Lines are uploaded and XLSX asked back, then the workbook holds each organisation\'s scores', async () => {
    const docs = ['insertion-esus', 'scop-40'].map((name) => ({ ...examples.get(name)!, organisation: { name } }));
    const { batch, result } = await scored(docs.map((d) => JSON.stringify(d)).join('\n'), '?output=xlsx&suggestions=0', 'application/x-ndjson');
    expect(batch).toMatchObject({ status: 'done', summary: { rows: 2, scored: 2, rejected: 0 } });
    expect(result.headers.get('content-type')).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await result.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const head = sheet.getRow(1).values as unknown[];
    const rows = [2, 3].map((n) => sheet.getRow(n).values as unknown[]);
    expect(rows.map((r) => [r[head.indexOf('id')], r[head.indexOf('global')]])).toEqual([['insertion-esus', goldenGlobal('insertion-esus')], ['scop-40', goldenGlobal('scop-40')]]);
  });

  it('when a CSV row opens a quote it never closes, or a JSON line is nested 100,000 deep, then the batch is done, that row is rejected with its number and the others are scored', async () => {
    const index = h.ctx.scorer.index;
    const header = portfolioColumns(index, 'fr').map((c) => c.id);
    const rows = ['insertion-esus', 'scop-40'].map((name) => rowOf(index, name, examples.get(name)!));
    const csv = `${stringify([header, rows[0]!])}A,"10-24\n${stringify([rows[1]!])}Z,"sans fin`;
    const fromCsv = await scored(csv, '?output=jsonl', 'text/csv');
    expect(fromCsv.batch).toMatchObject({ status: 'done', summary: { rows: 4, scored: 2, rejected: 2 } });
    const csvRows = (await fromCsv.result.text()).trim().split('\n').map((l) => JSON.parse(l) as { row: number; id: string; ok: boolean; problems?: { message: string }[] });
    expect(csvRows.map((r) => [r.row, r.id, r.ok])).toEqual([[2, 'insertion-esus', true], [3, '', false], [4, 'scop-40', true], [5, '', false]]);
    expect(csvRows[1]!.problems![0]!.message).toContain('jamais refermé');

    const docs = ['insertion-esus', 'scop-40'].map((name) => JSON.stringify({ ...examples.get(name)!, organisation: { name } }));
    const deep = `{"profile":{},"answers":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const fromJson = await scored([docs[0], deep, docs[1]].join('\n'), '?output=jsonl&lang=en', 'application/x-ndjson');
    expect(fromJson.batch).toMatchObject({ status: 'done', summary: { rows: 3, scored: 2, rejected: 1 } });
    const jsonRows = (await fromJson.result.text()).trim().split('\n').map((l) => JSON.parse(l) as { row: number; ok: boolean; problems?: { message: string }[] });
    expect(jsonRows.map((r) => [r.row, r.ok])).toEqual([[1, true], [2, false], [3, true]]);
    expect(jsonRows[1]!.problems).toEqual([{ code: 'json-too-deep', path: '', message: 'JSON nested more than 32 levels deep: not an answers document.' }]);
  });

  it('when a French Excel CSV names options by their French labels (Windows-1252: −30 % saved as ?30 %; labels with commas joined by |), then the row scores as its answers do', async () => {
    const index = h.ctx.scorer.index;
    const example = examples.get('mission-company')!;
    const columns = portfolioColumns(index, 'fr');
    const row = columns.map((c) => {
      const value = c.kind === 'id' ? 'MISSION' : c.kind === 'profile' ? example.profile[c.id] : c.kind === 'answer' ? example.answers[c.id] : undefined;
      const options = c.question?.options;
      if (!options || typeof value === 'boolean' || typeof value === 'number' || value === undefined || value === 'n/a') return cellOf(value);
      const named = (v: string) => options.find((o) => o.value === v)!.label.fr;
      return Array.isArray(value) ? value.map(named).join('|') : named(value);
    });
    const body = iconv.encode(stringify([columns.map((c) => c.id), row], { delimiter: ';' }), 'win1252');
    const { batch, result } = await scored(body, '?output=jsonl', 'text/csv');
    expect(batch).toMatchObject({ status: 'done', summary: { rows: 1, scored: 1, rejected: 0 } });
    const [line] = (await result.text()).trim().split('\n').map((l) => JSON.parse(l) as { global: number; indicators: Record<string, number | null> });
    const expected = await score(h.ctx.scorer, example);
    if (!expected.ok) throw new Error('invalid example');
    expect(line!.global).toBe(expected.value.global);
    expect(line!.indicators).toEqual(Object.fromEntries(expected.value.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i.score]))));
  });

  it('when a batch of many chunks is done, then its row count is the summary\'s, not the last progress report\'s (reports are throttled)', async () => {
    const index = h.ctx.scorer.index;
    const header = portfolioColumns(index, 'fr').map((c) => c.id);
    const rows = Array.from({ length: 6000 }, (_, i) => rowOf(index, `r${i}`, examples.get(i % 2 ? 'scop-40' : 'insertion-esus')!));
    const { batch } = await scored(stringify([header, ...rows]), '?suggestions=0', 'text/csv');
    expect(batch).toMatchObject({ status: 'done', rows: 6000, summary: { rows: 6000, scored: 6000 } });
  });

  it('when a leader uploads, then 403; when someone else reads a batch, then 404', async () => {
    expect((await upload('leaderA', 'id\n1\n')).status).toBe(403);
    const accepted = await upload('advisorA', 'id\nX\n');
    await waitForBatch(h.ctx, accepted.body.id);
    expect((await h.call('leaderB', 'GET', `/batches/${accepted.body.id}`)).status).toBe(404);
    expect((await h.call('leaderB', 'GET', `/batches/${accepted.body.id}/result`)).status).toBe(404);
  });

  it('when the file is not a portfolio, then the batch fails with the reason', async () => {
    const accepted = await upload('advisorA', 'nom;score\nA;1\n');
    await waitForBatch(h.ctx, accepted.body.id);
    const res = await h.call('advisorA', 'GET', `/batches/${accepted.body.id}`);
    expect(res.body.status).toBe('failed');
    expect(res.body.error).toContain('«\u00a0id\u00a0»');
    expect(res.body.error).not.toContain('impact-score batch-template'); // Words, not a command, on a web page.
    expect(res.body.error).not.toContain('must name');
    expect(res.body.error).not.toContain('input.csv'); // The server's file names are its own.
    expect((await h.call('advisorA', 'GET', `/batches/${accepted.body.id}/result`)).status).toBe(409);
    // Asked in English, the reason is English only.
    const english = await upload('advisorA', 'nom;score\nA;1\n', '?lang=en');
    await waitForBatch(h.ctx, english.body.id);
    const failed = (await h.call('advisorA', 'GET', `/batches/${english.body.id}`)).body as { error: string };
    expect(failed.error).toContain('the first row must name the columns');
    expect(failed.error).not.toContain('«\u00a0id\u00a0»');
  });

  it('when the portfolio view is read, then it shows latest scores, distribution per pillar and the most shared gaps', async () => {
    const res = await h.call('advisorA', 'GET', '/portfolio?lang=en');
    expect(res.status).toBe(200);
    expect(res.body.organisations).toEqual([expect.objectContaining({ id: h.orgA, global: goldenGlobal('insertion-esus') })]);
    expect(res.body.distribution.global).toMatchObject({ count: 1, mean: goldenGlobal('insertion-esus') });
    const gaps = res.body.gaps.map((g: { meanPointsAvailable: number }) => g.meanPointsAvailable);
    expect(gaps).toEqual([...gaps].sort((a: number, b: number) => b - a));
    expect(res.body.gaps[0].title).toBeTruthy();
  });
});
