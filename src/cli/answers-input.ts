import { parseAnswersDocument } from '../core/answers-document.js';
import type { AnswersDocument } from '../core/content-model.js';
import { sortIssues, type Issue } from '../core/issue.js';
import { createScorer, type Scorer } from '../core/score.js';
import type { Lang } from '../core/text.js';
import { loadContent } from '../content/load-content.js';
import { compiledScorer } from '../engine/index.js';
import { EXIT, type CliIo } from './cli-io.js';
import { readJsonFile } from './read-json-file.js';
import { renderIssues } from './render-issues.js';

/** Which scorer runs the rules: the compiled engine (the default, as the service), or json-rules-engine, the reference it is held to. */
export type EngineChoice = 'compiled' | 'reference';
export const ENGINE_CHOICES: readonly EngineChoice[] = ['compiled', 'reference'];

/**
 * What commands on an answers file start from: the content (checked), its scorer and the document
 * (parsed). On a problem, it is printed and the exit code returned instead.
 */
export function readAnswersInput(file: string, options: { lang: Lang; content?: string; engine?: EngineChoice }, io: CliIo): { scorer: Scorer; doc: AnswersDocument } | number {
  const loaded = loadContent(options.content);
  if (!loaded.ok) return fail(io, loaded.issues, options.lang, EXIT.problems);
  const raw = readJsonFile(file);
  if (!raw.ok) return fail(io, raw.issues, options.lang, raw.unreadable ? EXIT.usage : EXIT.problems);
  const doc = parseAnswersDocument(raw.value);
  if (!doc.ok) return fail(io, doc.issues, options.lang, EXIT.problems, file);
  const { content } = loaded.value;
  return { scorer: options.engine === 'reference' ? createScorer(content) : compiledScorer(content), doc: doc.value };
}

/** Prints problems, sorted, and gives back the exit code. */
export function fail(io: CliIo, issues: readonly Issue[], lang: Lang, code: number, file?: string): number {
  io.err(renderIssues(sortIssues(issues), lang, file));
  return code;
}
