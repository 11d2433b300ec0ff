// Reads the published Impact Score results kept beside the project (never committed into it):
// ../shared/published-scores/{scores,scores-all}.csv, found from the repository upwards, or --from DIR.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { parse } from 'csv-parse/sync';

export const PILLARS = ['externalities', 'sharing', 'strategy'];

/** The folder holding the CSV files: --from DIR, else the first shared/published-scores above the repository. */
export function sourceFolder(argv = process.argv.slice(2)) {
  const at = argv.indexOf('--from');
  if (at >= 0 && argv[at + 1]) return resolve(argv[at + 1]);
  let dir = resolve(import.meta.dirname, '..');
  for (;;) {
    const candidate = join(dir, 'shared', 'published-scores');
    if (existsSync(join(candidate, 'scores.csv'))) return candidate;
    if (dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  process.stderr.write('published scores not found: pass --from DIR (the folder holding scores.csv and scores-all.csv)\n');
  process.exit(2);
}

/** One row a publication: name, date, region and the global and pillar scores as numbers, with the text as published. */
export function readScores(folder, file) {
  const records = parse(readFileSync(join(folder, file), 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
  return records.map((r) => ({
    date: r.publication_date,
    region: r.region,
    text: { global: r.global, ...Object.fromEntries(PILLARS.map((p) => [p, r[p]])) },
    global: Number(r.global),
    ...Object.fromEntries(PILLARS.map((p) => [p, Number(r[p])])),
  }));
}
