import { presentReport } from '../core/present.js';
import { standingView } from '../core/present-standing.js';
import { score } from '../core/score.js';
import type { Lang } from '../core/text.js';
import { fail, readAnswersInput, type EngineChoice } from './answers-input.js';
import { EXIT, type CliIo } from './cli-io.js';
import { renderReport } from './render-report.js';

export interface ScoreOptions {
  lang: Lang;
  format: 'text' | 'json';
  content?: string;
  /** json-rules-engine (`reference`) or the compiled engine: the same result, field for field. */
  engine?: EngineChoice;
}

/** `impact-score score FILE`: the explained score of one answers file. */
export async function scoreCommand(file: string, options: ScoreOptions, io: CliIo): Promise<number> {
  const input = readAnswersInput(file, options, io);
  if (typeof input === 'number') return input;
  const outcome = await score(input.scorer, input.doc);
  if (!outcome.ok) return fail(io, outcome.issues, options.lang, EXIT.problems, file);
  const report = presentReport(input.scorer.index, outcome.value, options.lang, input.doc.organisation?.name);
  const standing = standingView(input.scorer.index, outcome.value, input.doc.profile.region, options.lang);
  io.out(options.format === 'json' ? `${JSON.stringify({ ...report, standing }, null, 2)}\n` : renderReport(report, standing));
  return EXIT.ok;
}
