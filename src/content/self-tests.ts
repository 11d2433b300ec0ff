import { issue, type Issue } from '../core/issue.js';
import { createScorer, score } from '../core/score.js';
import type { SelfTest } from '../core/content-model.js';
import type { ScoreResult } from '../core/score-result.js';
import { bilingual } from '../core/text.js';
import { exampleName, type LoadedContent } from './load-content.js';

/**
 * Runs the content self-tests of rules/self-tests.json: each example answers file must give the
 * scores its case expects. Returns one issue per score that differs.
 */
export async function runSelfTests(loaded: LoadedContent): Promise<{ cases: number; issues: Issue[] }> {
  const suite = loaded.selfTests;
  if (!suite) return { cases: 0, issues: [] };
  const scorer = createScorer(loaded.content);
  const issues: Issue[] = [];
  for (const [i, testCase] of suite.data.cases.entries()) {
    const example = loaded.examples.find((e) => exampleName(e.file) === testCase.example);
    if (!example) continue;
    const outcome = await score(scorer, example.data);
    if (!outcome.ok) continue; // Already reported as an invalid example when loading.
    const path = `/cases/${i}/expect`;
    for (const [what, expected, actual] of comparisons(testCase.expect, outcome.value)) {
      if (expected === actual) continue;
      issues.push(issue('self-test-failed', `${path}/${what}`, bilingual(
        `${testCase.example} : ${what} attendu ${String(expected)}, obtenu ${String(actual)}.`,
        `${testCase.example}: ${what} expected ${String(expected)}, got ${String(actual)}.`,
      ), suite.file));
    }
  }
  return { cases: suite.data.cases.length, issues };
}

function comparisons(expect: SelfTest['expect'], result: ScoreResult): [string, unknown, unknown][] {
  const rows: [string, unknown, unknown][] = [['global', expect.global, result.global]];
  for (const [id, expected] of Object.entries(expect.pillars ?? {})) {
    rows.push([`pillars/${id}`, expected, result.pillars.find((p) => p.id === id)?.score]);
  }
  const indicators = result.pillars.flatMap((p) => p.indicators);
  for (const [id, expected] of Object.entries(expect.indicators ?? {})) {
    rows.push([`indicators/${id}`, expected, indicators.find((x) => x.id === id)?.score]);
  }
  return rows;
}
