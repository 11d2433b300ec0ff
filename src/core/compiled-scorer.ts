import { pointsScore, weightedMean } from './aggregate.js';
import type { QuestionStatus } from './applicability.js';
import { compile, type FactMap, type Test } from './condition.js';
import type { ContentIndex } from './content-index.js';
import type { AnswersDocument } from './content-model.js';
import type { Outcome } from './issue.js';
import { validateAnswers } from './validate-answers.js';

/** Scores without explanations: what a batch needs, per indicator, pillar and global. */
export interface QuickResult {
  global: number | null;
  pillars: { id: string; score: number | null }[];
  indicators: { id: string; pillar: string; score: number | null }[];
}

interface CompiledCriterion {
  questions: string[];
  steps: { test: Test; points: number }[];
  max: number;
}

export interface CompiledIndicator {
  id: string;
  pillar: string;
  weight: number;
  criteria: CompiledCriterion[];
}

/**
 * The rules compiled once into closures, with json-rules-engine's semantics (the same operators as
 * condition.ts, which mirrors its defaults), for batches: tens of times faster than running the
 * engine, and proven equal to it by the differential tests. Explanations stay with json-rules-engine.
 */
export interface CompiledScorer {
  index: ContentIndex;
  indicators: CompiledIndicator[];
}

export function compileScorer(index: ContentIndex): CompiledScorer {
  const indicators = [...index.indicators.values()].map((entry) => ({
    id: entry.indicator.id,
    pillar: entry.pillar,
    weight: entry.weight,
    criteria: entry.criteria.map((c) => ({
      questions: c.questions,
      max: c.max,
      steps: c.rules.map((r) => ({ test: compile(r.conditions), points: r.event.params.points })),
    })),
  }));
  return { index, indicators };
}

/** Validates and scores one document, with the same results as `score` (without the explanation). */
export function quickScore(compiled: CompiledScorer, doc: AnswersDocument): Outcome<QuickResult> {
  const { issues, applicability } = validateAnswers(compiled.index, doc);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: scoreWithStatus(compiled, doc, applicability.status) };
}

/** Scores answers already known to be valid, given each question's status. */
export function scoreWithStatus(compiled: CompiledScorer, doc: AnswersDocument, status: ReadonlyMap<string, QuestionStatus>): QuickResult {
  const facts = new Map<string, unknown>(Object.entries(doc.profile));
  for (const id in doc.answers) if (status.get(id) === 'answered') facts.set(id, doc.answers[id]);
  const indicators = compiled.indicators.map((indicator) => ({ id: indicator.id, pillar: indicator.pillar, weight: indicator.weight, score: indicatorScore(indicator, facts, status) }));
  return aggregate(compiled, indicators);
}

/** Pillars and global from indicator scores (each with its weight), as `score` aggregates them. */
export function aggregate(compiled: CompiledScorer, indicators: readonly { id: string; pillar: string; weight: number; score: number | null }[]): QuickResult {
  const pillars = compiled.index.pillars.map((p) => ({
    id: p.id,
    weight: compiled.index.pillarWeights.get(p.id) ?? 0,
    score: weightedMean(indicators.filter((i) => i.pillar === p.id)),
  }));
  return {
    global: weightedMean(pillars),
    pillars: pillars.map(({ id, score }) => ({ id, score })),
    indicators: indicators.map(({ id, pillar, score }) => ({ id, pillar, score })),
  };
}

/** One indicator's score: best fired step per applicable criterion, out of the points available. */
export function indicatorScore(indicator: CompiledIndicator, facts: FactMap, status: { get(key: string): QuestionStatus | undefined }): number | null {
  let points = 0;
  let maxPoints = 0;
  for (const criterion of indicator.criteria) {
    let applicable = criterion.questions.length === 0;
    for (const q of criterion.questions) if (status.get(q) !== 'not-applicable') applicable = true;
    if (!applicable) continue;
    let best = 0;
    for (const step of criterion.steps) if (step.points > best && step.test(facts)) best = step.points;
    points += best;
    maxPoints += criterion.max;
  }
  return pointsScore(points, maxPoints);
}
