import { parseAnswersDocument } from '../core/answers-document.js';
import type { AnswersDocument } from '../core/content-model.js';
import { sortIssues, type Issue } from '../core/issue.js';
import { createScorer, type Scorer } from '../core/score.js';
import type { Lang } from '../core/text.js';
import { loadContent } from '../content/load-content.js';
import { EXIT, type CliIo } from './cli-io.js';
import { readJsonFile } from './read-json-file.js';
import { renderIssues } from './render-issues.js';

/**
 * What commands on an answers file start from: the content (checked) and the document (parsed).
 * On a problem, it is printed and the exit code returned instead.
 */
export function readAnswersInput(file: string, options: { lang: Lang; content?: string }, io: CliIo): { scorer: Scorer; doc: AnswersDocument } | number {
  const loaded = loadContent(options.content);
  if (!loaded.ok) return fail(io, loaded.issues, options.lang, EXIT.problems);
  const raw = readJsonFile(file);
  if (!raw.ok) return fail(io, raw.issues, options.lang, raw.unreadable ? EXIT.usage : EXIT.problems);
  const doc = parseAnswersDocument(raw.value);
  if (!doc.ok) return fail(io, doc.issues, options.lang, EXIT.problems, file);
  return { scorer: createScorer(loaded.value.content), doc: doc.value };
}

/** Prints problems, sorted, and gives back the exit code. */
export function fail(io: CliIo, issues: readonly Issue[], lang: Lang, code: number, file?: string): number {
  io.err(renderIssues(sortIssues(issues), lang, file));
  return code;
}
