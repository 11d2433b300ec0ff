import { compile, factsOf, type Test } from './condition.js';
import type { Content, Indicator, PillarQuestionnaire, Question, ScoringRule } from './content-model.js';

export interface QuestionEntry {
  question: Question;
  pillar: string;
  indicator: string;
  /** Its position in questionnaire order. */
  number: number;
  /** appliesTo and showIf compiled once; `gates` are the facts showIf reads, `gateNumbers` those that are questions, by number. */
  appliesTo?: Test;
  showIf?: Test;
  gates: string[];
  gateNumbers: number[];
}

export interface CriterionEntry {
  id: string;
  /** Points of the best step: what the criterion is worth. */
  max: number;
  rules: ScoringRule[];
  /** Questions its rules read; the criterion applies if any of them does. */
  questions: string[];
}

export interface IndicatorEntry {
  indicator: Indicator;
  pillar: string;
  weight: number;
  criteria: CriterionEntry[];
}

/** Lookups over checked content, computed once per content version. */
export interface ContentIndex {
  content: Content;
  pillars: PillarQuestionnaire[];
  pillarWeights: Map<string, number>;
  profileFields: Map<string, Question>;
  /** Pillar questions in questionnaire order. */
  questions: Map<string, QuestionEntry>;
  indicators: Map<string, IndicatorEntry>;
}

export function indexContent(content: Content): ContentIndex {
  const questions = new Map<string, QuestionEntry>();
  const indicators = new Map<string, IndicatorEntry>();
  const pillars = [...content.pillars].sort((a, b) => a.order - b.order);
  const weightsOf = new Map(content.weights.pillars.map((p) => [p.pillar, p]));
  for (const pillar of pillars) {
    for (const indicator of pillar.indicators) {
      for (const question of indicator.questions) {
        const gates = question.showIf ? factsOf(question.showIf) : [];
        questions.set(question.id, {
          question,
          pillar: pillar.id,
          indicator: indicator.id,
          number: questions.size,
          ...(question.appliesTo && { appliesTo: compile(question.appliesTo) }),
          ...(question.showIf && { showIf: compile(question.showIf) }),
          gates,
          gateNumbers: [],
        });
      }
      const weight = weightsOf.get(pillar.id)?.indicators[indicator.id] ?? 0;
      indicators.set(indicator.id, { indicator, pillar: pillar.id, weight, criteria: [] });
    }
  }
  // A gate is a question only once every question is known (content checks make it an earlier one).
  for (const entry of questions.values()) entry.gateNumbers = entry.gates.flatMap((g) => { const gate = questions.get(g); return gate ? [gate.number] : []; });
  for (const [indicatorId, criteria] of groupCriteria(content.rules, questions)) {
    const entry = indicators.get(indicatorId);
    if (entry) entry.criteria = criteria;
  }
  return {
    content,
    pillars,
    pillarWeights: new Map(content.weights.pillars.map((p) => [p.pillar, p.weight])),
    profileFields: new Map(content.profile.questions.map((q) => [q.id, q])),
    questions,
    indicators,
  };
}

function groupCriteria(rules: ScoringRule[], questions: Map<string, QuestionEntry>): Map<string, CriterionEntry[]> {
  const byIndicator = new Map<string, Map<string, CriterionEntry>>();
  for (const rule of rules) {
    const { indicator, criterion, points } = rule.event.params;
    const criteria = byIndicator.get(indicator) ?? new Map<string, CriterionEntry>();
    byIndicator.set(indicator, criteria);
    const entry = criteria.get(criterion) ?? { id: criterion, max: 0, rules: [], questions: [] };
    criteria.set(criterion, entry);
    entry.rules.push(rule);
    entry.max = Math.max(entry.max, points);
    for (const fact of factsOf(rule.conditions)) {
      if (questions.has(fact) && !entry.questions.includes(fact)) entry.questions.push(fact);
    }
  }
  return new Map([...byIndicator].map(([id, criteria]) => [id, [...criteria.values()]]));
}
