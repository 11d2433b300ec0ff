// Derives the quantiles of the published Impact Scores that the content ships
// (data/published-scores.json), after `npm run build`: node scripts/published-quantiles.mjs [--from DIR]
// Reads ../shared/published-scores/scores.csv (latest publication per organisation) at run time
// and writes figures only, never a row: quantiles of the global and of each pillar, for all
// organisations and for each region where at least MINIMUM published.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { quantile } from '../dist/src/core/quantile.js';
import { PILLARS, readScores, sourceFolder } from './published-scores-csv.mjs';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'data', 'published-scores.json');
const MINIMUM = 8;
const LEVELS = Array.from({ length: 19 }, (_, i) => 5 * (i + 1));
const REGION_LEVELS = [10, 25, 50, 75, 90];
const SCORES = ['global', ...PILLARS];

const rows = readScores(sourceFolder(), 'scores.csv');
const years = rows.map((r) => r.date).sort();
const regionCode = regionCodes();
const byRegion = new Map();
for (const r of rows) {
  const code = regionCode(r.region);
  if (code) byRegion.set(code, [...(byRegion.get(code) ?? []), r]);
}
const regions = Object.fromEntries([...byRegion]
  .filter(([, list]) => list.length >= MINIMUM)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, list]) => [code, group(list, REGION_LEVELS)]));

const document = {
  $schema: '../schemas/published-scores.schema.json',
  source: {
    url: 'https://github.com/leopoindefer/EcoScan',
    publisher: 'leopoindefer/EcoScan',
    title: 'data/data.csv',
  },
  description: {
    fr: 'la liste publique des organisations qui ont publié leur Impact Score (Mouvement Impact France), telle qu’exportée dans le dépôt public leopoindefer/EcoScan (data/data.csv), sans licence indiquée ; seuls des quantiles en sont tirés ici, jamais les lignes des organisations.',
    en: 'the public list of organisations that published their Impact Score (Mouvement Impact France), as exported into the public repository leopoindefer/EcoScan (data/data.csv), with no licence stated; only quantiles are drawn from it here, never the organisations’ rows.',
  },
  derivedBy: 'scripts/published-quantiles.mjs',
  from: years[0].slice(0, 7),
  to: years.at(-1).slice(0, 7),
  caveat: {
    fr: 'elles ont tendance à avoir de meilleurs scores',
    en: 'they tend to score higher',
  },
  bias: {
    fr: `Ce sont des organisations qui ont choisi de publier leur score : elles ont vraisemblablement de meilleurs scores que l’ensemble de celles qui passent l’Impact Score, et l’Occitanie y compte pour ${Math.round((100 * (byRegion.get('occ')?.length ?? 0)) / rows.length)} %. Le score réel ajoute des bonus et des pénalités que ce contenu ne reproduit pas : un pilier publié peut dépasser 100 ou passer sous 0.`,
    en: `These are organisations that chose to publish their score: they likely score higher than all those who take the Impact Score, and Occitania makes up ${Math.round((100 * (byRegion.get('occ')?.length ?? 0)) / rows.length)}% of them. The real score adds bonus points and penalties this content does not reproduce: a published pillar can exceed 100 or fall below 0.`,
  },
  minimumGroup: MINIMUM,
  all: group(rows, LEVELS),
  regions,
};
writeFileSync(OUT, format(document));
process.stdout.write(`${OUT}: ${rows.length} organisations, ${years[0]} to ${years.at(-1)}, ${Object.keys(regions).length} regions of ${MINIMUM} or more\n`);

/** Count and quantiles of each score of a group: figures only. */
function group(list, levels) {
  return {
    count: list.length,
    levels,
    scores: Object.fromEntries(SCORES.map((s) => [s, levels.map((l) => toCents(quantile(list.map((r) => r[s]), l / 100)))])),
  };
}

function toCents(x) {
  return Math.round(x * 100) / 100;
}

/** Region names as published (« Ile-de-France ») to the profile's region codes, by their French label. */
function regionCodes() {
  const profile = JSON.parse(readFileSync(join(ROOT, 'questionnaires', 'profile.json'), 'utf8'));
  const options = profile.questions.find((q) => q.id === 'region').options;
  const key = (name) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, "'").toLowerCase().trim();
  const codes = new Map(options.map((o) => [key(o.label.fr), o.value]));
  return (name) => codes.get(key(name));
}

// Two-space JSON as the other content files, with each list of numbers on one line.
function format(value) {
  return `${JSON.stringify(value, null, 2).replace(/\[\n\s+([-\d.,\s]+?)\n\s+\]/g, (_, inner) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
}
