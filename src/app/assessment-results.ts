import type { Actor } from '../core/access.js';
import { answerChanges, whatMoved, type AnswerChange, type Movement } from '../core/answer-changes.js';
import type { ScoreResult } from '../core/score-result.js';
import { bilingual } from '../core/text.js';
import type { Assessment, EarlierResult } from '../store/records.js';
import type { AppContext } from './app-context.js';
import { fail, ok, type Result } from './app-error.js';
import { readable } from './assessments.js';

export interface AssessmentResult {
  assessment: Assessment;
  result: ScoreResult;
  computedAt: string;
  /** Results it was submitted with before being reopened, oldest first. */
  earlier: EarlierResult[];
  /** What moved since the assessment it is compared with, and why; absent for a first one. */
  since?: { assessment: Assessment; contentVersion: string; changes: AnswerChange[]; movement: Movement };
}

export async function getResult(ctx: AppContext, actor: Actor, id: number): Promise<Result<AssessmentResult>> {
  const found = await readable(ctx, actor, id);
  if (!found.ok) return found;
  const { assessment } = found.value;
  const stored = await ctx.store.assessments.result(id);
  if (!stored) {
    return fail('not-found', 'no-result', bilingual('Cette évaluation n’a pas encore de résultat : soumettez-la d’abord.', 'This assessment has no result yet: submit it first.'));
  }
  const previous = await previousOf(ctx, assessment);
  const previousResult = previous && (await ctx.store.assessments.result(previous.id));
  const changes = previous ? answerChanges(ctx.scorer.index, previous, assessment) : [];
  return ok({
    assessment,
    result: stored.result,
    computedAt: stored.computedAt,
    earlier: await ctx.store.assessments.earlierResults(id),
    ...(previous && previousResult && {
      since: {
        assessment: previous,
        contentVersion: previousResult.contentVersion,
        changes,
        movement: whatMoved(ctx.scorer.index, previousResult.result, stored.result, changes),
      },
    }),
  });
}

/**
 * The assessment a result is compared with: the one it started from, or else the organisation's
 * latest assessment submitted before it.
 */
async function previousOf(ctx: AppContext, a: Assessment): Promise<Assessment | undefined> {
  const source = a.sourceId === null ? undefined : await ctx.store.assessments.get(a.sourceId);
  if (source?.status === 'submitted') return source;
  return a.submittedAt === null ? undefined : ctx.store.assessments.latestSubmitted(a.organisationId, { submittedAt: a.submittedAt, id: a.id });
}
