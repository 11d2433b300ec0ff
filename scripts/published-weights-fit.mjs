// How well the content's pillar weights reproduce the published Impact Score results (after
// `npm run build`): node scripts/published-weights-fit.mjs [--from DIR] [--weights 30,25,45]
// Reads ../shared/published-scores/scores-all.csv at run time; prints figures only, no rows.
// Exits 1 when the content's weights give fewer than 194 of the 197 older-format globals to the
// cent: the published rule the content claims to follow (docs/content-and-scoring.md).
import process from 'node:process';
import { loadContent } from '../dist/src/content/load-content.js';
import { weightedAverage } from '../dist/src/core/aggregate.js';
import { PILLARS, readScores, sourceFolder } from './published-scores-csv.mjs';

const loaded = loadContent();
if (!loaded.ok) {
  process.stderr.write('content invalid: run impact-score validate\n');
  process.exit(1);
}
const declared = new Map(loaded.value.content.weights.pillars.map((p) => [p.pillar, p.weight]));
const rows = readScores(sourceFolder(), 'scores-all.csv');
// The older format gives pillars with two decimals; from spring 2023 they come in half points.
const halfPoints = (r) => PILLARS.every((p) => Number.isInteger(r[p] * 2));
const groups = { 'two decimals (older format)': rows.filter((r) => !halfPoints(r)), 'half points (from 2023)': rows.filter(halfPoints), all: rows };

const given = process.argv.indexOf('--weights');
const alternatives = [PILLARS.map((p) => declared.get(p)), [30, 25, 45], [32, 32, 36]];
if (given >= 0) alternatives.unshift(process.argv[given + 1].split(',').map(Number));
const seen = new Set();
for (const weights of alternatives) {
  if (seen.has(weights.join('/'))) continue;
  seen.add(weights.join('/'));
  const tag = weights.join('/') === PILLARS.map((p) => declared.get(p)).join('/') ? ' (the content’s weights)' : '';
  process.stdout.write(`weights ${weights.join('/')}${tag}\n`);
  for (const [name, list] of Object.entries(groups)) process.stdout.write(`  ${name.padEnd(28)} ${fit(list, weights)}\n`);
}
process.stdout.write('a 2025 result reported in the press, 76 / 78 / 100, global 87:\n');
for (const weights of [[30, 25, 45], [32, 32, 36]]) {
  const g = weightedAverage([76, 78, 100].map((score, i) => ({ score, weight: weights[i] })));
  process.stdout.write(`  ${weights.join('/')} gives ${g.toFixed(2)}\n`);
}

const ours = PILLARS.map((p) => declared.get(p));
const reproduced = exactCount(groups['two decimals (older format)'], ours);
if (reproduced < 194) {
  process.stderr.write(`the content's weights give ${reproduced} of the older-format globals to the cent, not 194 or more\n`);
  process.exit(1);
}

function exactCount(list, weights) {
  return list.filter((r) => toCents(weightedAverage(PILLARS.map((p, i) => ({ score: r[p], weight: weights[i] })))) === Math.round(r.global * 100)).length;
}

/** Publications whose global the weighted mean gives to the cent, the share within half a point, the root mean square error and the largest miss. */
function fit(list, weights) {
  let squares = 0;
  let worst = 0;
  let near = 0;
  for (const r of list) {
    const mean = weightedAverage(PILLARS.map((p, i) => ({ score: r[p], weight: weights[i] })));
    squares += (mean - r.global) ** 2;
    worst = Math.max(worst, Math.abs(mean - r.global));
    if (Math.abs(mean - r.global) <= 0.5) near += 1;
  }
  const rmse = Math.sqrt(squares / list.length);
  const exact = exactCount(list, weights);
  return `n ${String(list.length).padStart(3)}  to the cent ${String(exact).padStart(3)}  within ±0.5 ${(100 * near / list.length).toFixed(0)} %  RMSE ${rmse.toFixed(2)}  largest miss ${worst.toFixed(2)}`;
}

function toCents(x) {
  return Math.round(x * 100);
}
