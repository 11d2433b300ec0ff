import type { Literal, Operator } from './condition.js';
import type { LocalizedText } from './text.js';

/** One compared value of a rule: what the rule needed and what the answers gave. */
export interface ConditionOutcome {
  fact: string;
  operator: Operator;
  value: Literal | Literal[];
  /** The answer or profile value compared; null when there was none. */
  factValue: unknown;
  /** null when json-rules-engine did not need to evaluate it. */
  result: boolean | null;
}

export interface RuleOutcome {
  name: string;
  fired: boolean;
  points: number;
  reason: LocalizedText;
  conditions: ConditionOutcome[];
}

export interface CriterionScore {
  id: string;
  /** False when every question it reads does not concern the organisation: left out. */
  applicable: boolean;
  points: number;
  max: number;
  rules: RuleOutcome[];
}

export interface IndicatorScore {
  id: string;
  /** 0–100, or null when the indicator does not apply. */
  score: number | null;
  weight: number;
  points: number;
  maxPoints: number;
  criteria: CriterionScore[];
}

export interface PillarScore {
  id: string;
  score: number | null;
  weight: number;
  indicators: IndicatorScore[];
}

/** The scored assessment, language-neutral: texts stay bilingual until presented. */
export interface ScoreResult {
  contentVersion: string;
  global: number | null;
  pillars: PillarScore[];
  /** Required questions left unanswered (they earned no points). */
  unanswered: string[];
}

/** The first of the steps worth the most points: what a criterion's top step asks (its gap's reason). */
export function topStep<R extends { points: number }>(rules: readonly R[]): R | undefined {
  let top: R | undefined;
  for (const r of rules) if (!top || r.points > top.points) top = r;
  return top;
}
