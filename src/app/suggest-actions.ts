import type { AnswersDocument } from '../core/content-model.js';
import type { Outcome } from '../core/issue.js';
import { scoreValid, type Scorer } from '../core/score.js';
import type { ScoreResult } from '../core/score-result.js';
import { describeAction, scoresOf, type Suggestion } from '../core/suggest.js';
import { validateAnswers } from '../core/validate-answers.js';
import { compileContent } from '../engine/index.js';

/**
 * The explained score of an answers document and the actions that would raise it, ranked by gain
 * per effort: the gains from the compiled engine, each action described by core. Tests hold the
 * list equal to core's `suggestByRescoring`, which scores every changed assessment again.
 */
export async function suggestActions(scorer: Scorer, doc: AnswersDocument): Promise<Outcome<{ result: ScoreResult; suggestions: Suggestion[] }>> {
  const { issues, applicability } = validateAnswers(scorer.index, doc);
  if (issues.length > 0) return { ok: false, issues };
  const result = await scoreValid(scorer, doc, applicability);
  const actions = new Map(scorer.index.content.actions.map((a) => [a.id, a]));
  const suggestions = compileContent(scorer.index).rankActions(doc, applicability).map((ranked, i): Suggestion => {
    const action = actions.get(ranked.actionId)!;
    const described = describeAction(scorer.index, action, doc);
    return { rank: i + 1, ...described, gains: ranked.gains, current: scoresOf(result, described.pillar, action.indicator), projected: ranked.projected };
  });
  return { ok: true, value: { result, suggestions } };
}
