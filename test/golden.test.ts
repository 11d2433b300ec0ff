import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/cli/render-report.js';
import { loadContent } from '../src/content/load-content.js';
import { parseAnswersDocument } from '../src/core/answers-document.js';
import { presentReport } from '../src/core/present.js';
import { standingView } from '../src/core/present-standing.js';
import { createScorer, score } from '../src/core/score.js';
import type { ScoreResult } from '../src/core/score-result.js';
import { suggestActions as suggest } from '../src/app/suggest-actions.js';

/**
 * Golden cases: test/cases/<name>/answers.json (a link to data/examples/<name>.json) beside the
 * result it must give (expected.json) and the French report (report.fr.txt), both reviewed by
 * hand. After a deliberate change: `UPDATE_GOLDEN=1 npm test`, then review the diff.
 */
const CASES = join(import.meta.dirname, 'cases');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const loaded = loadContent();
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
const scorer = createScorer(loaded.value.content);
const names = readdirSync(CASES).filter((n) => existsSync(join(CASES, n, 'answers.json'))).sort();

// The content version changes with any content file; the golden files pin scores, not the hash.
const VERSION = '<content version>';

async function run(name: string): Promise<{ result: ScoreResult; report: string }> {
  const doc = parseAnswersDocument(JSON.parse(readFileSync(join(CASES, name, 'answers.json'), 'utf8')));
  if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
  const outcome = await score(scorer, doc.value);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const result = { ...outcome.value, contentVersion: VERSION };
  const standing = standingView(scorer.index, result, doc.value.profile.region, 'fr');
  const report = renderReport(presentReport(scorer.index, result, 'fr', doc.value.organisation?.name), standing);
  return { result, report };
}

function golden(name: string, file: string, actual: string): void {
  const path = join(CASES, name, file);
  // A missing golden file is written on a developer's machine, but fails in CI.
  if (UPDATE || (!existsSync(path) && !process.env.CI)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('golden organisations', () => {
  it('when the golden cases are listed, then the six shapes of organisation are there', () => {
    expect(names).toEqual(['association-20', 'industry-300', 'insertion-esus', 'mission-company', 'sas-5', 'scop-40']);
  });

  it.each(names)('when %s is scored, then it gives its reviewed result and report', async (name) => {
    const { result, report } = await run(name);
    golden(name, 'expected.json', `${JSON.stringify(result, null, 2)}\n`);
    golden(name, 'report.fr.txt', report);
  });

  it.each(names)('when suggestions are made for %s, then they are its reviewed ranked list', async (name) => {
    const doc = parseAnswersDocument(JSON.parse(readFileSync(join(CASES, name, 'answers.json'), 'utf8')));
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    const outcome = await suggest(scorer, doc.value);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const list = outcome.value.suggestions.map((x) => ({ rank: x.rank, actionId: x.actionId, indicator: x.indicator, effort: x.effort, gains: x.gains, testimonies: x.testimonies }));
    golden(name, 'suggestions.json', `${JSON.stringify(list, null, 2)}\n`);
  });

  it.each(names)('when %s is scored, then pillar and global scores are the weighted means of the parts shown', async (name) => {
    const { result } = await run(name);
    const mean = (parts: { score: number | null; weight: number }[]) => {
      const counted = parts.filter((p) => p.score !== null);
      const total = counted.reduce((s, p) => s + p.weight, 0);
      return Math.round((10 * counted.reduce((s, p) => s + (p.score as number) * p.weight, 0)) / total) / 10;
    };
    for (const pillar of result.pillars) {
      expect(pillar.score).toBe(mean(pillar.indicators));
      for (const indicator of pillar.indicators) {
        const counted = indicator.criteria.filter((c) => c.applicable);
        expect(indicator.points).toBe(counted.reduce((s, c) => s + c.points, 0));
        expect(indicator.maxPoints).toBe(counted.reduce((s, c) => s + c.max, 0));
      }
    }
    expect(result.global).toBe(mean(result.pillars));
  });
});
