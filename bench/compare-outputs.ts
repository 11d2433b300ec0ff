/**
 * Holds two builds to the same batch output, byte for byte: generated portfolios (fixed seeds) in
 * CSV, JSON Lines and XLSX, complete and with questions left unanswered, plus a noisy CSV, scored
 * by each build's own command with 3 and 0 suggestions, strict and --partial; every pair of
 * outputs is compared (an XLSX by the files inside its zip, its timestamped properties aside).
 *
 *   npm run build && node dist/bench/compare-outputs.js /tmp/before/dist dist
 *
 * How to build the old one: see bench/compare-builds.ts. BENCH_OUTPUT_ROWS (20000) sets the CSV
 * rows; JSON Lines and XLSX get a tenth of them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadContent } from '../src/content/load-content.js';
import { indexContent } from '../src/core/content-index.js';
import { columnOf } from '../src/batch/row-problems.js';
import { writePortfolio, writePortfolioAs } from '../test/support/generate-portfolio.js';

const [before, after] = process.argv.slice(2).map((root) => resolve(root));
if (!before || !after) throw new Error('usage: node dist/bench/compare-outputs.js OLD_DIST NEW_DIST');
const rows = Number(process.env.BENCH_OUTPUT_ROWS ?? 20000);
const loaded = loadContent();
if (!loaded.ok) throw new Error('content invalid');
const index = indexContent(loaded.value.content);
const dir = mkdtempSync(join(tmpdir(), 'impact-outputs-'));

const inputs: { file: string; outputs: string[] }[] = [];
const add = (name: string, outputs: string[]) => {
  inputs.push({ file: join(dir, name), outputs });
  return join(dir, name);
};
await writePortfolio(index, add('complete.csv', ['csv', 'jsonl', 'xlsx']), rows, 17);
await writePortfolio(index, add('gaps.csv', ['csv', 'jsonl']), rows, 18, { unanswered: 0.05 });
await writePortfolioAs('jsonl', index, add('complete.jsonl', ['jsonl', 'csv']), rows / 10, 19);
await writePortfolioAs('xlsx', index, add('complete.xlsx', ['xlsx', 'csv']), rows / 10, 20);
writeFileSync(add('noisy.csv', ['csv', 'jsonl']), noisyPortfolio(await import('../test/support/noisy-portfolio.js'), rows / 10));

/** A CSV of noisy rows (labels, n/a, spaces, typos, short and long rows), well and badly quoted cells among them. */
function noisyPortfolio({ header, noisyRow }: typeof import('../test/support/noisy-portfolio.js'), count: number): string {
  const lines = [header.join(';')];
  let seed = 5;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let n = 1; n <= count; n++) {
    const cells = noisyRow(rand, n).map((cell) => cell.replaceAll(';', ' '));
    if (n % 50 === 0) cells[1] = `"ORG ${n}; quoted"`;
    if (n % 97 === 0) cells[1] = `"broken ${n}`;
    lines.push(cells.join(';'));
  }
  return `${lines.join('\n')}\n`;
}

/** The bytes an output is compared by: a file's own, or for a workbook each file of its zip but the properties that carry the time. */
function contentOf(file: string): Buffer {
  if (!file.endsWith('.xlsx')) return readFileSync(file);
  return execFileSync('python3', ['-c', UNZIP, file], { maxBuffer: 1 << 30 });
}

// Every entry of a zip but docProps/core.xml (its creation time), by name, as one text.
const UNZIP = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nfor n in sorted(z.namelist()):\n  if n != 'docProps/core.xml': sys.stdout.buffer.write(n.encode() + b'\\n' + z.read(n))";

/** JSON Lines results with each problem as its column and message, whichever shape it was written in. */
function problemsAsColumns(bytes: Buffer): string {
  return bytes.toString('utf8').split('\n').map((line) => {
    if (line === '') return line;
    const row = JSON.parse(line) as { problems?: { column?: string; path?: string; message: string }[] };
    if (row.problems) row.problems = row.problems.map((p) => ({ column: p.column ?? columnOf(p.path ?? ''), message: p.message }));
    return JSON.stringify(row);
  }).join('\n');
}

let compared = 0;
let differ = 0;
for (const { file, outputs } of inputs) {
  for (const format of outputs) {
    for (const suggestions of [3, 0]) {
      for (const partial of [false, true]) {
        const run = (root: string, tag: string) => {
          const output = `${file}.${tag}.${suggestions}${partial ? '.partial' : ''}.${format}`;
          const args = [join(root, 'src/cli/main.js'), 'batch', file, '-o', output, '--suggestions', String(suggestions), '--progress', 'none', ...(partial ? ['--partial'] : [])];
          try {
            execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
          } catch (error) {
            // Exit 1: some rows rejected, the output written all the same.
            if ((error as { status?: number }).status !== 1 || !existsSync(output)) throw error;
          }
          return output;
        };
        const [a, b] = [contentOf(run(before, 'before')), contentOf(run(after, 'after'))];
        const same = a.equals(b);
        // JSON Lines results name each problem's column (before issue #20) or its code and path (after): compared by column and message.
        const sameProblems = !same && format === 'jsonl' && problemsAsColumns(a) === problemsAsColumns(b);
        compared++;
        if (!same && !sameProblems) differ++;
        console.log(`${same ? 'same   ' : sameProblems ? 'same*  ' : 'DIFFER '} ${file.slice(dir.length + 1).padEnd(16)} → ${format.padEnd(5)} suggestions ${suggestions} ${partial ? 'partial' : 'strict'}`);
      }
    }
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${compared} outputs compared, ${differ} differ (same*: identical but for each problem's code and path, compared by its column and message)`);
process.exitCode = differ > 0 ? 1 : 0;
