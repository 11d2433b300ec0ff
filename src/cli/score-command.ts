import { openContext } from '../app/open-context.js';
import { peersOfDocument } from '../app/peers.js';
import type { AnswersDocument } from '../core/content-model.js';
import { presentPeers, type PeersView } from '../core/present-peers.js';
import { presentReport } from '../core/present.js';
import { standingView } from '../core/present-standing.js';
import { score } from '../core/score.js';
import type { ScoreResult } from '../core/score-result.js';
import type { Lang } from '../core/text.js';
import type { Config } from '../config.js';
import { fail, readAnswersInput, type EngineChoice } from './answers-input.js';
import { EXIT, type CliIo } from './cli-io.js';
import { renderReport } from './render-report.js';

export interface ScoreOptions {
  lang: Lang;
  format: 'text' | 'json';
  content?: string;
  /** json-rules-engine (`reference`) or the compiled engine: the same result, field for field. */
  engine?: EngineChoice;
  /** Also compare with organisations like it on the instance of DATABASE_FILE / DATABASE_URL. */
  peers?: boolean;
}

/**
 * `impact-score score FILE`: the explained score of one answers file. A file belongs to no
 * instance, so organisations like it are shown only when asked (--peers), from the database the
 * environment names.
 */
export async function scoreCommand(file: string, options: ScoreOptions, io: CliIo, config: () => Config | undefined = () => undefined): Promise<number> {
  const input = readAnswersInput(file, options, io);
  if (typeof input === 'number') return input;
  const outcome = await score(input.scorer, input.doc);
  if (!outcome.ok) return fail(io, outcome.issues, options.lang, EXIT.problems, file);
  let peers: PeersView | null | undefined;
  if (options.peers) {
    const found = await instancePeers(input.doc, outcome.value, options, config, io);
    if (typeof found === 'number') return found;
    peers = found;
  }
  const report = presentReport(input.scorer.index, outcome.value, options.lang, input.doc.organisation?.name);
  const standing = standingView(input.scorer.index, outcome.value, input.doc.profile.region, options.lang);
  io.out(options.format === 'json' ? `${JSON.stringify({ ...report, standing, ...(peers !== undefined && { peers }) }, null, 2)}\n` : renderReport(report, standing, peers));
  return EXIT.ok;
}

/** The peers of the file's organisation on the configured instance, or an exit code when the database cannot be used. */
async function instancePeers(doc: AnswersDocument, result: ScoreResult, options: ScoreOptions, config: () => Config | undefined, io: CliIo): Promise<PeersView | null | number> {
  const cfg = config();
  if (!cfg) return EXIT.usage;
  const opened = await openContext({ ...cfg, DEMO_DATA: false, ...(options.content && { CONTENT_DIR: options.content }) });
  if (!opened.ok) return fail(io, opened.issues, options.lang, EXIT.problems);
  try {
    const group = await peersOfDocument(opened.value, doc);
    return group && presentPeers(opened.value.scorer.index, group, result, doc.profile.headcount, options.lang);
  } finally {
    await opened.value.store.close();
  }
}
