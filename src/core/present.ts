import type { ContentIndex } from './content-index.js';
import type { Question } from './content-model.js';
import { formatAnswer } from './format-answer.js';
import { topStep, type CriterionScore, type IndicatorScore, type ScoreResult } from './score-result.js';
import { localize, type Lang } from './text.js';

/** The score as a user reads it, in one language: what `score --format json` prints. */
export interface ReportView {
  organisation: string | null;
  contentVersion: string;
  lang: Lang;
  global: number | null;
  pillars: PillarView[];
  /** Applicable indicators, weakest first: where to start. */
  weakest: { id: string; pillar: string; title: string; score: number }[];
  /** Applicable indicators, strongest first: what to build on. */
  strongest: { id: string; pillar: string; title: string; score: number }[];
  unanswered: { id: string; pillar: string; indicator: string; label: string }[];
}

export interface PillarView {
  id: string;
  title: string;
  score: number | null;
  weight: number;
  indicators: IndicatorView[];
}

export interface IndicatorView {
  id: string;
  title: string;
  score: number | null;
  weight: number;
  points: number;
  maxPoints: number;
  /** One line per criterion: what earned or missed points. */
  reasons: string[];
  /** What earned full points, in words. */
  strengths: string[];
  /** What is still missing, the most points first: each criterion's top step and its points. */
  gaps: { criterion: string; reason: string; points: number; max: number }[];
  criteria: CriterionView[];
}

export interface CriterionView {
  id: string;
  applicable: boolean;
  points: number;
  max: number;
  /** The step reached (or, when none, the one within reach). */
  reason: string;
  /** The questions (and profile fields) its rules read, in words, with the answer given. */
  questions: { id: string; label: string; answer: string }[];
  rules: {
    name: string;
    fired: boolean;
    /** The step whose points count: the best one that fired (lower steps that fired do not add up). */
    counted: boolean;
    points: number;
    reason: string;
    conditions: { fact: string; operator: string; expected: unknown; answer: string; result: boolean | null }[];
  }[];
}

export function presentReport(index: ContentIndex, result: ScoreResult, lang: Lang, organisation?: string): ReportView {
  const question = (id: string) => index.questions.get(id)?.question ?? index.profileFields.get(id);
  const pillars = result.pillars.map((p): PillarView => {
    const pillar = index.pillars.find((q) => q.id === p.id)!;
    return {
      id: p.id,
      title: localize(pillar.title, lang),
      score: p.score,
      weight: p.weight,
      indicators: p.indicators.map((i) => presentIndicator(index, i, lang, question)),
    };
  });
  const scored = pillars.flatMap((p) => p.indicators.filter((i) => i.score !== null).map((i) => ({ id: i.id, pillar: p.id, title: i.title, score: i.score as number })));
  const weakest = [...scored].sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  const strongest = [...scored].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const unanswered = result.unanswered.map((id) => {
    const entry = index.questions.get(id)!;
    return { id, pillar: entry.pillar, indicator: entry.indicator, label: localize(entry.question.label, lang) };
  });
  return { organisation: organisation ?? null, contentVersion: result.contentVersion, lang, global: result.global, pillars, weakest, strongest, unanswered };
}

function presentIndicator(index: ContentIndex, indicator: IndicatorScore, lang: Lang, question: (id: string) => Question | undefined): IndicatorView {
  const entry = index.indicators.get(indicator.id)!;
  const criteria = indicator.criteria.map((c) => presentCriterion(c, lang, question));
  return {
    id: indicator.id,
    title: localize(entry.indicator.title, lang),
    score: indicator.score,
    weight: indicator.weight,
    points: indicator.points,
    maxPoints: indicator.maxPoints,
    reasons: criteria.filter((c) => c.applicable).map((c) => `${c.points}/${c.max} ${c.reason}`),
    strengths: criteria.filter((c) => c.applicable && c.points === c.max).map((c) => c.reason),
    gaps: criteria
      .filter((c) => c.applicable && c.points < c.max)
      .map((c) => ({ criterion: c.id, reason: topStep(c.rules)?.reason ?? c.reason, points: c.points, max: c.max }))
      .sort((a, b) => b.max - b.points - (a.max - a.points)),
    criteria,
  };
}

function presentCriterion(criterion: CriterionScore, lang: Lang, question: (id: string) => Question | undefined): CriterionView {
  const counted = criterion.rules.find((r) => r.fired && r.points === criterion.points && r.points > 0);
  const rules = criterion.rules.map((r) => ({
    name: r.name,
    fired: r.fired,
    counted: r === counted,
    points: r.points,
    reason: localize(r.reason, lang),
    conditions: r.conditions.map((c) => ({
      fact: c.fact,
      operator: c.operator,
      expected: c.value,
      answer: formatAnswer(question(c.fact), c.factValue ?? undefined, lang),
      result: c.result,
    })),
  }));
  const read = new Map<string, { id: string; label: string; answer: string }>();
  for (const c of rules.flatMap((r) => r.conditions)) {
    const q = question(c.fact);
    if (!read.has(c.fact)) read.set(c.fact, { id: c.fact, label: q ? localize(q.label, lang) : c.fact, answer: c.answer });
  }
  return { id: criterion.id, applicable: criterion.applicable, points: criterion.points, max: criterion.max, reason: criterionReason(rules, criterion.points), questions: [...read.values()], rules };
}


// The best step that fired explains the points; with none, the top step shows what was missed.
function criterionReason(rules: CriterionView['rules'], points: number): string {
  const best = rules.find((r) => r.fired && r.points === points);
  if (best) return best.reason;
  return topStep(rules)?.reason ?? '';
}
