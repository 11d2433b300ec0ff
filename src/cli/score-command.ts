import { parseAnswersDocument } from '../core/answers-document.js';
import { sortIssues, type Issue } from '../core/issue.js';
import { presentReport } from '../core/present.js';
import { createScorer, score } from '../core/score.js';
import type { Lang } from '../core/text.js';
import { loadContent } from '../content/load-content.js';
import { EXIT, type CliIo } from './cli-io.js';
import { readJsonFile } from './read-json-file.js';
import { renderIssues } from './render-issues.js';
import { renderReport } from './render-report.js';

export interface ScoreOptions {
  lang: Lang;
  format: 'text' | 'json';
  content?: string;
}

/** `impact-score score FILE`: the explained score of one answers file. */
export async function scoreCommand(file: string, options: ScoreOptions, io: CliIo): Promise<number> {
  const loaded = loadContent(options.content);
  if (!loaded.ok) return fail(io, loaded.issues, options.lang, EXIT.problems);
  const raw = readJsonFile(file);
  if (!raw.ok) return fail(io, raw.issues, options.lang, raw.unreadable ? EXIT.usage : EXIT.problems);
  const doc = parseAnswersDocument(raw.value);
  if (!doc.ok) return fail(io, doc.issues, options.lang, EXIT.problems, file);
  const scorer = createScorer(loaded.value.content);
  const outcome = await score(scorer, doc.value);
  if (!outcome.ok) return fail(io, outcome.issues, options.lang, EXIT.problems, file);
  const report = presentReport(scorer.index, outcome.value, options.lang, doc.value.organisation?.name);
  io.out(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  return EXIT.ok;
}

export function fail(io: CliIo, issues: readonly Issue[], lang: Lang, code: number, file?: string): number {
  io.err(renderIssues(sortIssues(issues), lang, file));
  return code;
}
