import { pointsScore, weightedMean } from '../core/aggregate.js';
import { NOT_APPLICABLE_STATUS, type Applicability } from '../core/applicability.js';
import type { AnswersDocument } from '../core/content-model.js';
import type { CriterionScore, IndicatorScore, PillarScore, RuleOutcome, ScoreResult } from '../core/score-result.js';
import type { GeneratedCode } from './code-writer.js';
import type { CompiledRules } from './compiled-rules.js';
import { loadValidated, newRowState, unansweredOf, type RowState } from './row-state.js';
import { ruleExplanation, type RuleExplanation } from './rule-code.js';

interface ExplainedCriterion {
  id: string;
  max: number;
  /** The questions it reads, by number: it applies unless every one is "not applicable". */
  questionNumbers: readonly number[];
  /** Its rules (the steps of its ladder), in content order. */
  rules: RuleExplanation[];
}

interface ExplainedIndicator {
  id: string;
  weight: number;
  criteria: ExplainedCriterion[];
}

/**
 * The explained result, as core's `score` gives it on json-rules-engine, field for field: each
 * rule's outcome from its generated function (`ruleExplanation`), then criteria, indicators,
 * pillars and the global score summed in core's order with core's aggregation. Its rule
 * functions are made once per content, the first time a result is explained.
 */
export class Explainer {
  private readonly state: RowState;
  private readonly pillars: { id: string; weight: number; indicators: ExplainedIndicator[] }[];

  constructor(private readonly rules: CompiledRules, code: GeneratedCode) {
    this.state = newRowState(rules);
    const indicators = rules.indicators.map((compiled): ExplainedIndicator => ({
      id: compiled.id,
      weight: compiled.weight,
      criteria: rules.index.indicators.get(compiled.id)!.criteria.map((entry, n) => ({
        id: entry.id,
        max: entry.max,
        questionNumbers: compiled.criteria[n]!.questionNumbers,
        rules: entry.rules.map((rule) => ruleExplanation(code, rule, rules.slots)),
      })),
    }));
    this.pillars = rules.pillars.map((p) => ({ id: p.id, weight: p.weight, indicators: p.indicators.map((n) => indicators[n]!) }));
  }

  /** The explained result of a document `validateAnswers` found valid, with the applicability it worked out. */
  of(doc: AnswersDocument, applicability: Applicability): ScoreResult {
    // The one row is filled and read before returning: nothing awaits in between.
    loadValidated(this.rules, this.state, doc, applicability);
    const pillars = this.pillars.map((p): PillarScore => {
      const indicators = p.indicators.map((indicator) => this.indicator(indicator));
      return { id: p.id, score: weightedMean(indicators), weight: p.weight, indicators };
    });
    return { contentVersion: this.rules.index.content.version, global: weightedMean(pillars), pillars, unanswered: unansweredOf(this.rules, this.state.status) };
  }

  private indicator({ id, weight, criteria }: ExplainedIndicator): IndicatorScore {
    let points = 0;
    let maxPoints = 0;
    const scored = criteria.map((criterion) => {
      const c = this.criterion(criterion);
      if (c.applicable) {
        points += c.points;
        maxPoints += c.max;
      }
      return c;
    });
    return { id, score: pointsScore(points, maxPoints), weight, points, maxPoints, criteria: scored };
  }

  private criterion({ id, max, questionNumbers, rules }: ExplainedCriterion): CriterionScore {
    const { scored, status } = this.state;
    const outcomes: RuleOutcome[] = rules.map((rule) => rule(scored));
    const applicable = questionNumbers.length === 0 || questionNumbers.some((q) => status[q] !== NOT_APPLICABLE_STATUS);
    // Steps of a ladder: the best one that fired counts, not their sum.
    let points = 0;
    if (applicable) for (const outcome of outcomes) if (outcome.fired && outcome.points > points) points = outcome.points;
    return { id, applicable, points, max, rules: outcomes };
  }
}
