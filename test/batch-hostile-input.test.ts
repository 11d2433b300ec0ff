import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowOf } from './support/generate-portfolio.js';
import { waitForBatch } from '../src/app/batches.js';
import { portfolioColumns } from '../src/batch/columns.js';
import { loadContent } from '../src/content/load-content.js';
import { createScorer, score } from '../src/core/score.js';
import type { AnswersDocument } from '../src/core/content-model.js';
import { startHarness, type Harness } from './http/harness.js';
import { BIN } from './support/service.js';

/**
 * Malformed CSV and hostile JSON Lines thrown at the real command and the API's batch route: the
 * run never ends in an internal error, every well-formed row is scored as single scoring scores
 * it, and every row that cannot be read is reported with its number. (The cases tried and failed
 * are in RELIABILITY.md; HOSTILE_RUNS sets how many files each property tries.)
 */
const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const scorer = createScorer(loaded.value.content);
const index = scorer.index;
const examples = loaded.value.examples.filter((e) => !e.file.endsWith('sas-5.json')).map((e) => e.data);
const globals = await Promise.all(examples.map(async (doc) => {
  const single = await score(scorer, doc);
  if (!single.ok) throw new Error('invalid example');
  return single.value.global;
}));
const header = portfolioColumns(index, 'fr').map((c) => c.id);
const NOTE = header.indexOf('inclusion-evidence');
// Each file through the command starts a process: fewer there, more through the API.
const RUNS = Number(process.env.HOSTILE_RUNS ?? 6);
const NO_STACK = /\bat .*\.js:\d+|erreur interne|internal error/;

/** What the files tried held, printed when HOSTILE_RUNS is set (the figures of RELIABILITY.md). */
const tally = { csv: { files: 0, rows: 0, damaged: 0, rejected: 0, scored: 0 }, jsonl: { files: 0, rows: 0, damaged: 0, rejected: 0, scored: 0 } };
afterAll(() => {
  if (process.env.HOSTILE_RUNS) console.log(`hostile input: ${JSON.stringify(tally)}`);
});

interface Output {
  row: number;
  id: string;
  ok: boolean;
  global?: number | null;
  problems?: { code: string; path: string; message: string }[];
}

// ---- CSV: rows of the examples, some with a quoted note spanning two lines, then broken here and there.

const damageOf = (rows: number) => fc.oneof(
  fc.record({ kind: fc.constantFrom('quote' as const, 'cr' as const), row: fc.nat(rows - 1), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('huge' as const, 'huge-quoted' as const), row: fc.nat(rows - 1) }),
);
// At most one damage that adds a quote: two stray quotes can rightly make one cell of the rows between them.
const csvCase = fc.integer({ min: 4, max: 9 }).chain((rows) => fc.record({
  rows: fc.constant(rows),
  notes: fc.array(fc.boolean(), { minLength: rows, maxLength: rows }),
  quote: fc.option(damageOf(rows).filter((d) => d.kind === 'quote' || d.kind === 'huge-quoted'), { nil: undefined }),
  others: fc.array(damageOf(rows).filter((d) => d.kind === 'cr' || d.kind === 'huge'), { maxLength: 3 }),
  crlf: fc.boolean(),
  win1252: fc.boolean(),
}));

type CsvCase = typeof csvCase extends fc.Arbitrary<infer T> ? T : never;
const HUGE = '@HUGE@';

/** The file, and which rows were damaged. */
function csvFile(c: CsvCase): { bytes: Buffer; damaged: Set<number> } {
  const damages = [...(c.quote ? [c.quote] : []), ...c.others];
  const lines = Array.from({ length: c.rows }, (_, k) => {
    const cells = rowOf(index, `ROW-${k}`, examples[k % examples.length]!);
    if (c.notes[k]) cells[NOTE] = 'Note ; sur deux\nlignes, avec accents é';
    const here = damages.filter((d) => d.row === k);
    if (here.some((d) => d.kind === 'huge' || d.kind === 'huge-quoted')) cells[NOTE] = HUGE;
    let line = stringify([cells], { delimiter: ';', record_delimiter: c.crlf ? 'windows' : 'unix', quoted_match: /\n/ });
    for (const d of here) {
      // A cell over 1 MB, or one opening a quote it never closes over 1 MB.
      if (d.kind === 'huge' || d.kind === 'huge-quoted') line = line.replace(HUGE, `${d.kind === 'huge' ? '' : '"'}${'x'.repeat(1_100_000)}`);
      if (d.kind === 'quote' || d.kind === 'cr') {
        const at = d.at % line.length;
        line = line.slice(0, at) + (d.kind === 'quote' ? '"' : '\r') + line.slice(at);
      }
    }
    return line;
  });
  const text = stringify([header], { delimiter: ';', record_delimiter: c.crlf ? 'windows' : 'unix' }) + lines.join('');
  return { bytes: c.win1252 ? iconv.encode(text, 'win1252') : Buffer.from(text), damaged: new Set(damages.map((d) => d.row)) };
}

/** What holds for any file: rows in order, each read one reported with problems in words, every undamaged row scored right. */
function expectHeld(out: Output[], rows: number, damaged: ReadonlySet<number>): void {
  count('csv', out, rows, damaged.size);
  const numbers = out.map((r) => r.row);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(new Set(numbers).size).toBe(numbers.length);
  for (const r of out.filter((r) => !r.ok)) {
    expect(r.row).toBeGreaterThanOrEqual(2);
    expect(r.problems!.length).toBeGreaterThan(0);
    for (const p of r.problems!) expect(p.message).not.toMatch(NO_STACK);
  }
  const firstDamaged = Math.min(...damaged);
  for (let k = 0; k < rows; k++) {
    if (damaged.has(k)) continue;
    const found = out.filter((r) => r.id === `ROW-${k}`);
    expect([k, found.map((r) => [r.ok, r.global])]).toEqual([k, [[true, globals[k % examples.length]]]]);
    // Before any damage, the row numbers are the file's.
    if (k < firstDamaged) expect(found[0]!.row).toBe(k + 2);
  }
}

const readLines = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Output);

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { maxBuffer: 1 << 24 });
    return { code: 0, err: stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, err: e.stderr };
  }
}

// ---- JSON Lines: the examples' documents, named, with hostile lines among them.

const nested = (depth: number, open: string, close: string) => `{"profile":{},"answers":{"x":${open.repeat(depth)}${close.repeat(depth)}}}`;
const HOSTILE: Record<string, () => Buffer> = Object.fromEntries(Object.entries({
  'nested arrays': () => nested(100_000, '[', ']'),
  'nested objects': () => nested(50_000, '{"a":', '}'),
  'just too deep': () => nested(40, '[', ']'),
  'huge array': () => JSON.stringify({ ...examples[0]!, answers: { ...examples[0]!.answers, 'inclusion-practices': Array.from({ length: 150_000 }, () => 'x') } }),
  'huge string': () => JSON.stringify({ ...examples[0]!, answers: { ...examples[0]!.answers, 'inclusion-evidence': 'é'.repeat(400_000) } }),
  'line over 1 MB': () => JSON.stringify({ ...examples[0]!, extra: 'x'.repeat(1_200_000) }),
  'many keys': () => JSON.stringify({ profile: {}, answers: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`q${i}`, i])) }),
  'not JSON': () => '{"profile": {"headcount": ',
  array: () => '[]',
  null: () => 'null',
  number: () => '1e999',
  string: () => '"answers"',
} as Record<string, () => string>).map(([name, text]) => [name, () => Buffer.from(text())]));
HOSTILE['invalid UTF-8'] = () => Buffer.from([0x7b, 0xff, 0xfe, 0x22, 0x7d]);
const PROTO: Record<string, (doc: AnswersDocument) => string> = {
  '__proto__ at the top': (doc) => `{"__proto__":{"polluted":true},${JSON.stringify(doc).slice(1)}`,
  '__proto__ in answers': (doc) => JSON.stringify(doc).replace('"answers":{', '"answers":{"__proto__":{"inclusion-hires":"50+","polluted":true},'),
  'constructor in profile': (doc) => JSON.stringify(doc).replace('"profile":{', '"profile":{"constructor":{"prototype":{"polluted":true}},'),
};
const jsonlCase = fc.array(fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('valid' as const), example: fc.nat(examples.length - 1) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('hostile' as const), name: fc.constantFrom(...Object.keys(HOSTILE)) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('proto' as const), name: fc.constantFrom(...Object.keys(PROTO)), example: fc.nat(examples.length - 1) }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'blank' as const }), weight: 1 },
), { minLength: 3, maxLength: 10 });

type JsonlCase = typeof jsonlCase extends fc.Arbitrary<infer T> ? T : never;

function jsonlFile(lines: JsonlCase): Buffer {
  return Buffer.concat(lines.flatMap((line, n) => {
    const doc = { ...examples[line.kind === 'valid' || line.kind === 'proto' ? line.example : 0]!, organisation: { name: `LINE-${n + 1}` } };
    const bytes = line.kind === 'blank' ? Buffer.alloc(0) : line.kind === 'hostile' ? HOSTILE[line.name]!() : Buffer.from(line.kind === 'valid' ? JSON.stringify(doc) : PROTO[line.name]!(doc));
    return n === 0 ? [bytes] : [Buffer.from('\n'), bytes];
  }));
}

function count(format: keyof typeof tally, out: Output[], rows: number, damaged: number): void {
  const figures = tally[format];
  figures.files++;
  figures.rows += rows;
  figures.damaged += damaged;
  figures.rejected += out.filter((r) => !r.ok).length;
  figures.scored += out.filter((r) => r.ok).length;
}

function expectJsonlHeld(out: Output[], lines: JsonlCase): void {
  count('jsonl', out, lines.filter((l) => l.kind !== 'blank').length, lines.filter((l) => l.kind === 'hostile' || l.kind === 'proto').length);
  lines.forEach((line, n) => {
    const found = out.filter((r) => r.row === n + 1);
    if (line.kind === 'blank') return expect(found).toEqual([]);
    expect(found.length).toBe(1);
    if (line.kind === 'valid') expect([n + 1, found[0]!.ok, found[0]!.global, found[0]!.id]).toEqual([n + 1, true, globals[line.example], `LINE-${n + 1}`]);
    if (line.kind === 'hostile') expect([line.name, found[0]!.ok]).toEqual([line.name, false]);
    for (const p of found[0]!.problems ?? []) expect(p.message).not.toMatch(NO_STACK);
  });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('hostile portfolio files, through the real command', () => {
  const d = mkdtempSync(join(tmpdir(), 'impact-hostile-'));

  it('when a CSV is broken anywhere (stray or unclosed quotes, lone CRs, cells over 1 MB, quoted or not), then it never ends in an internal error, every undamaged row is scored and the rows that cannot be read are reported by number', async () => {
    await fc.assert(fc.asyncProperty(csvCase, async (c) => {
      const { bytes, damaged } = csvFile(c);
      writeFileSync(join(d, 'in.csv'), bytes);
      const { code, err } = await cli('batch', join(d, 'in.csv'), '-o', join(d, 'out.jsonl'), '--progress', 'none', '--workers', '1');
      expect(err).not.toMatch(NO_STACK);
      expect([0, 1]).toContain(code);
      expectHeld(readLines(readFileSync(join(d, 'out.jsonl'), 'utf8')), c.rows, damaged);
    }), { numRuns: RUNS });
  });

  it('when JSON Lines hold hostile lines (nesting 100,000 deep, huge arrays, strings and lines, __proto__ keys, not JSON), then each is rejected or read by its line number, every valid line is scored, and it never ends in an internal error', async () => {
    await fc.assert(fc.asyncProperty(jsonlCase, async (lines) => {
      writeFileSync(join(d, 'in.jsonl'), jsonlFile(lines));
      const { code, err } = await cli('batch', join(d, 'in.jsonl'), '-o', join(d, 'out.jsonl'), '--progress', 'none', '--workers', '1');
      expect(err).not.toMatch(NO_STACK);
      expect([0, 1]).toContain(code);
      expectJsonlHeld(readLines(readFileSync(join(d, 'out.jsonl'), 'utf8')), lines);
    }), { numRuns: RUNS });
  });
});

describe('hostile portfolio files, through the API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { DATA_DIR: mkdtempSync(join(tmpdir(), 'impact-hostile-data-')) } });
  });
  afterAll(async () => h.close());

  async function results(body: Buffer, type: string): Promise<Output[]> {
    const res = await fetch(`${h.url}/batches?output=jsonl`, { method: 'POST', headers: { authorization: `Bearer ${h.tokens.advisorA}`, 'content-type': type }, body });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: number };
    await waitForBatch(h.ctx, id);
    const batch = (await h.call('advisorA', 'GET', `/batches/${id}`)).body as { status: string; error?: string };
    expect([batch.status, batch.error ?? null]).toEqual(['done', null]);
    return readLines(await (await fetch(`${h.url}/batches/${id}/result`, { headers: { authorization: `Bearer ${h.tokens.advisorA}` } })).text());
  }

  it('when a broken CSV is uploaded, then the batch is done, every undamaged row scored and the rows that cannot be read reported by number', async () => {
    await fc.assert(fc.asyncProperty(csvCase, async (c) => {
      const { bytes, damaged } = csvFile(c);
      expectHeld(await results(bytes, 'text/csv'), c.rows, damaged);
    }), { numRuns: RUNS * 2 });
  });

  it('when hostile JSON Lines are uploaded, then the batch is done, every valid line scored, every hostile one rejected by its number, and no prototype polluted', async () => {
    await fc.assert(fc.asyncProperty(jsonlCase, async (lines) => {
      expectJsonlHeld(await results(jsonlFile(lines), 'application/x-ndjson'), lines);
    }), { numRuns: RUNS * 2 });
  });
});
