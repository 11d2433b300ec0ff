import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { rowOf } from '../bench/generate-portfolio.js';
import { portfolioColumns } from '../src/batch/columns.js';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import { BIN } from './support/service.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const index = indexContent(loaded.value.content);
const examples = loaded.value.examples.filter((e) => !e.file.endsWith('sas-5.json')).map((e) => e.data); // sas-5 leaves answers blank on purpose
const dir = () => mkdtempSync(join(tmpdir(), 'impact-batch-cmd-'));

/** Starts the real bin, built by the global setup; `result` settles with its exit code and everything it wrote. */
function start(...args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  let err = '';
  child.stdout.on('data', (bytes: Buffer) => out.push(bytes));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
  const result = new Promise<{ code: number | null; out: Buffer; err: string }>((resolve) => child.once('close', (code) => resolve({ code, out: Buffer.concat(out), err })));
  /** Resolves once standard error shows `pattern`; rejects if the command ends first. */
  const stderrShows = (pattern: RegExp) => new Promise<void>((resolve, reject) => {
    child.stderr.on('data', () => pattern.test(err) && resolve());
    void result.then(() => reject(new Error(`ended without ${pattern}: ${err}`)));
  });
  return { child, result, stderrShows };
}

const run = (...args: string[]) => start(...args).result;

/** A small portfolio as the template makes it: id row, label row, organisations, then blank lines. */
function templateCsv(file: string): number {
  const columns = portfolioColumns(index, 'fr');
  const rows = examples.map((doc, i) => rowOf(index, `ORG-${i}`, doc));
  writeFileSync(file, `${stringify([columns.map((c) => c.id), columns.map((c) => c.label), ...rows])}\n\n`);
  return rows.length;
}

describe('impact-score batch: progress', () => {
  it('when a template-made CSV (label row, blank lines) runs with --progress lines, then a progress line counts the organisations as the summary does', async () => {
    const d = dir();
    const input = join(d, 'in.csv');
    const rows = templateCsv(input);
    const { code, err } = await run('batch', input, '-o', join(d, 'scores.csv'), '--progress', 'lines', '--workers', '1');
    expect(code).toBe(0);
    // The first update is printed at once, so even a run shorter than the 2 s between lines has one.
    expect(err).toMatch(new RegExp(`^progression: (\\d+ %, )?${rows} lignes, \\d+ lignes/s$`, 'm'));
    expect(err).toContain(`${rows} lignes en `);
  });
});
