import { factsOf } from './condition.js';
import type { ContentIndex } from './content-index.js';
import type { AnswerValue } from './content-model.js';
import { topStep, type CriterionScore, type ScoreResult } from './score-result.js';
import type { LocalizedText } from './text.js';

type Answers = Readonly<Record<string, AnswerValue>>;

/** One answer that differs between two assessments: given, withdrawn or changed. */
export interface AnswerChange {
  part: 'profile' | 'answers';
  question: string;
  /** null: no answer on that side. */
  before: AnswerValue | null;
  after: AnswerValue | null;
}

/** Every answer that differs between two sets, profile first, then in questionnaire order. */
export function answerChanges(index: ContentIndex, before: { profile: Answers; answers: Answers }, after: { profile: Answers; answers: Answers }): AnswerChange[] {
  const order = [...index.profileFields.keys(), ...index.questions.keys()];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const changes: AnswerChange[] = [];
  for (const part of ['profile', 'answers'] as const) {
    const ids = [...new Set([...Object.keys(before[part]), ...Object.keys(after[part])])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const question of ids) {
      const [was, is] = [before[part][question] ?? null, after[part][question] ?? null];
      if (!sameAnswer(was, is)) changes.push({ part, question, before: was, after: is });
    }
  }
  return changes;
}

function sameAnswer(a: AnswerValue | null, b: AnswerValue | null): boolean {
  // A check-all answer is a set: the same options ticked in another order are the same answer.
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v) => b.includes(v));
  return a === b;
}

export interface Delta {
  before: number | null;
  after: number | null;
  /** null when either side has no score. */
  delta: number | null;
}

/** How one indicator moved, its criteria whose points changed, and the answers behind them. */
export interface IndicatorMove extends Delta {
  indicator: string;
  pillar: string;
  /** Each criterion that gained or lost points, with the step it reached (or had reached). */
  criteria: (Delta & { id: string; max: number; reason: LocalizedText })[];
  /** The changed answers its rules read, or its own questions (evidence notes) that changed. */
  answers: AnswerChange[];
}

export interface Movement {
  global: Delta;
  pillars: (Delta & { id: string })[];
  /** Indicators whose score moved or whose answers changed, the largest moves first. */
  indicators: IndicatorMove[];
}

const delta = (before: number | null, after: number | null): Delta => ({
  before,
  after,
  delta: before === null || after === null ? null : Math.round((after - before) * 10) / 10,
});

/**
 * What moved between two results and why: each indicator's change with the criteria that gained
 * or lost points and the changed answers its rules read. An indicator that moved with no answer
 * behind it was scored with other content (a content version change), which the caller says.
 */
export function whatMoved(index: ContentIndex, before: ScoreResult, after: ScoreResult, changes: readonly AnswerChange[]): Movement {
  const earlier = new Map(before.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i] as const)));
  const indicators: IndicatorMove[] = [];
  for (const pillar of after.pillars) {
    for (const now of pillar.indicators) {
      const was = earlier.get(now.id);
      const wasCriteria = new Map((was?.criteria ?? []).map((c) => [c.id, c]));
      const criteria = now.criteria
        .map((c) => {
          const old = wasCriteria.get(c.id);
          return { id: c.id, max: c.max, reason: stepReason(c, old), ...delta(old?.applicable ? old.points : null, c.applicable ? c.points : null) };
        })
        .filter((c) => c.before !== c.after);
      const read = factsRead(index, now.id);
      const answers = changes.filter((c) => read.has(c.question) || index.questions.get(c.question)?.indicator === now.id);
      const move = { indicator: now.id, pillar: pillar.id, ...delta(was?.score ?? null, now.score), criteria, answers };
      if (move.before !== move.after || answers.length > 0) indicators.push(move);
    }
  }
  indicators.sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0));
  const pillarsBefore = new Map(before.pillars.map((p) => [p.id, p.score]));
  return {
    global: delta(before.global, after.global),
    pillars: after.pillars.map((p) => ({ id: p.id, ...delta(pillarsBefore.get(p.id) ?? null, p.score) })),
    indicators,
  };
}

/** The questions and profile fields an indicator's rules read. */
function factsRead(index: ContentIndex, indicator: string): Set<string> {
  const criteria = index.indicators.get(indicator)?.criteria ?? [];
  return new Set(criteria.flatMap((c) => c.rules.flatMap((r) => factsOf(r.conditions))));
}

/** The step a criterion reached now, or else the one it had reached, or else its top step. */
function stepReason(now: CriterionScore, was: CriterionScore | undefined): LocalizedText {
  const reached = (c: CriterionScore | undefined) => c?.rules.find((r) => r.fired && r.points === c.points && c.points > 0);
  return (reached(now) ?? reached(was) ?? topStep(now.rules))?.reason ?? { fr: now.id, en: now.id };
}
