import type { Applicability } from './applicability.js';
import type { ContentIndex } from './content-index.js';
import type { AnswersDocument } from './content-model.js';
import type { ScoreResult } from './score-result.js';

/**
 * How a content version's rules are run on a document `validateAnswers` found valid, giving the
 * explained result. json-rules-engine's (`createScorer` in score.ts) is the specification; the
 * compiled engine's (`compiledScorer`, src/engine) gives the same result field for field and is
 * what the service and the `score` command run. Core's use cases take either.
 */
export interface Scorer {
  index: ContentIndex;
  explain(doc: AnswersDocument, applicability: Applicability): ScoreResult | Promise<ScoreResult>;
}
