import type { Engine, RuleResult } from 'json-rules-engine';
import { pointsScore, weightedMean } from './aggregate.js';
import type { Applicability, QuestionStatus } from './applicability.js';
import type { Literal, Operator } from './condition.js';
import { indexContent, type ContentIndex, type CriterionEntry, type IndicatorEntry } from './content-index.js';
import type { AnswersDocument, AnswerValue, Content } from './content-model.js';
import type { Outcome } from './issue.js';
import type { ConditionOutcome, CriterionScore, IndicatorScore, PillarScore, RuleOutcome, ScoreResult } from './score-result.js';
import type { Scorer } from './scorer.js';
import { buildEngine } from './scoring-engine.js';
import { missingAnswers, validateAnswers } from './validate-answers.js';

export type { Scorer } from './scorer.js';

/** The reference scorer of a content version: json-rules-engine, its Engine built once. */
export function createScorer(content: Content): Scorer {
  return referenceScorer(indexContent(content));
}

/** The reference scorer on a content's lookups, with the Engine given (the bench builds one per assessment for its baseline). */
export function referenceScorer(index: ContentIndex, engine: Engine = buildEngine(index.content.rules)): Scorer {
  return { index, explain: (doc, applicability) => runRules(index, engine, doc, applicability) };
}

/**
 * Scores one answers document: validates it, runs the rules, and aggregates criteria into
 * indicators, pillars and the global score, keeping every rule's outcome as the explanation.
 */
export async function score(scorer: Scorer, doc: AnswersDocument): Promise<Outcome<ScoreResult>> {
  const { issues, applicability } = validateAnswers(scorer.index, doc);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: await scoreValid(scorer, doc, applicability) };
}

/** `score` of a document `validateAnswers` found valid, with the applicability it worked out. */
export async function scoreValid(scorer: Scorer, doc: AnswersDocument, applicability: Applicability): Promise<ScoreResult> {
  return scorer.explain(doc, applicability);
}

/** The specification: json-rules-engine runs every rule, and its rule results are the explanation. */
async function runRules(index: ContentIndex, engine: Engine, doc: AnswersDocument, applicability: Applicability): Promise<ScoreResult> {
  const facts = scoringFacts(doc, applicability.status);
  const { results, failureResults } = await engine.run(facts);
  const outcomes = new Map<string, RuleOutcome>();
  for (const r of results) outcomes.set(r.name as string, ruleOutcome(r, true));
  for (const r of failureResults) outcomes.set(r.name as string, ruleOutcome(r, false));
  const pillars = index.pillars.map((p) => pillarScore(index, p.id, outcomes, applicability.status));
  return {
    contentVersion: index.content.version,
    global: weightedMean(pillars),
    pillars,
    unanswered: missingAnswers(index, applicability.status),
  };
}

// Only answers that count reach the rules: "n/a" is an exemption, not a value to compare.
function scoringFacts(doc: AnswersDocument, status: ReadonlyMap<string, QuestionStatus>): Record<string, AnswerValue> {
  const facts: Record<string, AnswerValue> = { ...doc.profile };
  for (const [id, value] of Object.entries(doc.answers)) {
    if (status.get(id) === 'answered') facts[id] = value;
  }
  return facts;
}

function pillarScore(
  index: ContentIndex,
  pillarId: string,
  outcomes: ReadonlyMap<string, RuleOutcome>,
  status: ReadonlyMap<string, QuestionStatus>,
): PillarScore {
  const indicators = [...index.indicators.values()]
    .filter((entry) => entry.pillar === pillarId)
    .map((entry) => indicatorScore(entry, outcomes, status));
  return { id: pillarId, score: weightedMean(indicators), weight: index.pillarWeights.get(pillarId) ?? 0, indicators };
}

function indicatorScore(
  entry: IndicatorEntry,
  outcomes: ReadonlyMap<string, RuleOutcome>,
  status: ReadonlyMap<string, QuestionStatus>,
): IndicatorScore {
  const criteria = entry.criteria.map((c) => criterionScore(c, outcomes, status));
  const counted = criteria.filter((c) => c.applicable);
  const points = counted.reduce((sum, c) => sum + c.points, 0);
  const maxPoints = counted.reduce((sum, c) => sum + c.max, 0);
  return { id: entry.indicator.id, score: pointsScore(points, maxPoints), weight: entry.weight, points, maxPoints, criteria };
}

function criterionScore(
  criterion: CriterionEntry,
  outcomes: ReadonlyMap<string, RuleOutcome>,
  status: ReadonlyMap<string, QuestionStatus>,
): CriterionScore {
  const rules = criterion.rules.map((r) => outcomes.get(r.name) ?? notRun(r.name, r.event.params));
  const applicable = criterion.questions.length === 0 || criterion.questions.some((q) => status.get(q) !== 'not-applicable');
  // Steps of a ladder: the best one that fired counts, not their sum.
  const points = applicable ? Math.max(0, ...rules.filter((r) => r.fired).map((r) => r.points)) : 0;
  return { id: criterion.id, applicable, points, max: criterion.max, rules };
}

function notRun(name: string, params: { points: number; reason: RuleOutcome['reason'] }): RuleOutcome {
  return { name, fired: false, points: params.points, reason: params.reason, conditions: [] };
}

function ruleOutcome(result: RuleResult, fired: boolean): RuleOutcome {
  const params = result.event?.params as { points: number; reason: RuleOutcome['reason'] };
  return {
    name: result.name as string,
    fired,
    points: params.points,
    reason: params.reason,
    conditions: conditionOutcomes(result.conditions as unknown as EvaluatedCondition),
  };
}

interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  operator?: Operator;
  value?: Literal | Literal[];
  factResult?: unknown;
  result?: boolean;
}

function conditionOutcomes(c: EvaluatedCondition): ConditionOutcome[] {
  if (c.all) return c.all.flatMap(conditionOutcomes);
  if (c.any) return c.any.flatMap(conditionOutcomes);
  if (c.not) return conditionOutcomes(c.not);
  return [{
    fact: c.fact as string,
    operator: c.operator as Operator,
    value: c.value as Literal | Literal[],
    factValue: c.factResult ?? null,
    result: c.result ?? null,
  }];
}
