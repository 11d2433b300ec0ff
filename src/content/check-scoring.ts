import { factsOf, leaves } from '../core/condition.js';
import type { Question } from '../core/content-model.js';
import { issue, pointer, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import { checkCondition, FACTS } from './check-conditions.js';
import type { ContentSet } from './content-set.js';

const TOTAL = 100;
const EPSILON = 1e-9;

interface Model {
  profileFields: Map<string, Question>;
  questions: Map<string, { question: Question; pillar: string }>;
  indicators: Map<string, { pillar: string; file: string; path: string }>;
  pillars: Map<string, string>;
}

function modelOf(set: ContentSet): Model {
  const model: Model = { profileFields: new Map(), questions: new Map(), indicators: new Map(), pillars: new Map() };
  for (const q of set.profile?.data.questions ?? []) model.profileFields.set(q.id, q);
  for (const { file, data } of set.pillars) {
    model.pillars.set(data.id, file);
    data.indicators.forEach((indicator, i) => {
      model.indicators.set(indicator.id, { pillar: data.id, file, path: pointer('/indicators', i) });
      for (const question of indicator.questions) model.questions.set(question.id, { question, pillar: data.id });
    });
  }
  return model;
}

/** Meaning of rules and weights: known references, points and weights that add up to 100. */
export function checkScoring(set: ContentSet): Issue[] {
  const model = modelOf(set);
  return [...checkRules(set, model), ...checkPoints(set, model), ...checkWeights(set, model)];
}

function checkRules(set: ContentSet, model: Model): Issue[] {
  const issues: Issue[] = [];
  const names = new Map<string, string>();
  for (const { file, data } of set.rules) {
    if (!model.pillars.has(data.pillar)) issues.push(unknownPillar(data.pillar, '/pillar', file));
    data.rules.forEach((rule, i) => {
      const path = pointer('/rules', i);
      const { indicator, criterion } = rule.event.params;
      const first = names.get(rule.name);
      if (first) {
        issues.push(issue('duplicate-id', `${path}/name`, bilingual(`La règle « ${rule.name} » existe déjà (${first}).`, `Rule "${rule.name}" already exists (${first}).`), file));
      }
      names.set(rule.name, `${file}${path}`);
      const target = model.indicators.get(indicator);
      if (!target) {
        issues.push(issue('unknown-indicator', `${path}/event/params/indicator`, bilingual(`L’indicateur « ${indicator} » n’existe dans aucun questionnaire.`, `Indicator "${indicator}" is in no questionnaire.`), file));
      } else if (target.pillar !== data.pillar) {
        issues.push(issue('wrong-pillar', `${path}/event/params/indicator`, bilingual(`L’indicateur « ${indicator} » appartient au pilier « ${target.pillar} », pas à « ${data.pillar} ».`, `Indicator "${indicator}" belongs to pillar "${target.pillar}", not "${data.pillar}".`), file));
      }
      if (!rule.name.startsWith(`${indicator}.${criterion}.`)) {
        issues.push(issue('rule-name-mismatch', `${path}/name`, bilingual(`Le nom de la règle doit commencer par « ${indicator}.${criterion}. » (indicateur.critère.palier).`, `The rule name must start with "${indicator}.${criterion}." (indicator.criterion.step).`), file));
      }
      // A rule may read any question: one fact asked once can count for indicators of two pillars
      // (local purchasing counts for the local economy and for responsible purchasing).
      const lookup = (f: string) => model.profileFields.get(f) ?? model.questions.get(f)?.question;
      issues.push(...checkCondition(rule.conditions, `${path}/conditions`, file, lookup, FACTS.any));
      issues.push(...unsafeOperators(rule.conditions, `${path}/conditions`, file, model));
    });
  }
  return issues;
}

// notEqual and notIn pass on an undefined fact in json-rules-engine: on a question they would
// award points for leaving it unanswered.
function unsafeOperators(conditions: Parameters<typeof leaves>[0], path: string, file: string, model: Model): Issue[] {
  return leaves(conditions, path)
    .filter(({ condition }) => model.questions.has(condition.fact) && (condition.operator === 'notEqual' || condition.operator === 'notIn'))
    .map(({ condition, path: leafPath }) => issue('unsafe-operator', `${leafPath}/operator`, bilingual(
      `« ${condition.operator} » sur la question « ${condition.fact} » donnerait des points à qui n’y répond pas : listez les réponses admises avec « in » ou « equal ».`,
      `"${condition.operator}" on question "${condition.fact}" would award points for leaving it unanswered: list the accepted answers with "in" or "equal".`,
    ), file));
}

function checkPoints(set: ContentSet, model: Model): Issue[] {
  const issues: Issue[] = [];
  const maxByCriterion = new Map<string, Map<string, number>>();
  const used = new Set<string>();
  for (const { data } of set.rules) {
    for (const rule of data.rules) {
      const { indicator, criterion, points } = rule.event.params;
      const criteria = maxByCriterion.get(indicator) ?? new Map<string, number>();
      maxByCriterion.set(indicator, criteria);
      criteria.set(criterion, Math.max(criteria.get(criterion) ?? 0, points));
      for (const fact of factsOf(rule.conditions)) used.add(fact);
    }
  }
  for (const [id, { file, path }] of model.indicators) {
    const criteria = maxByCriterion.get(id);
    if (!criteria) {
      issues.push(issue('unscored-indicator', path, bilingual(`Aucune règle ne note l’indicateur « ${id} ».`, `No rule scores indicator "${id}".`), file));
      continue;
    }
    const total = [...criteria.values()].reduce((a, b) => a + b, 0);
    if (Math.abs(total - TOTAL) > EPSILON) {
      const detail = [...criteria].map(([c, max]) => `${c} ${max}`).join(' + ');
      issues.push(issue('points-do-not-add-up', path, bilingual(
        `Les critères de « ${id} » valent ${detail} = ${total} points au mieux, au lieu de ${TOTAL}.`,
        `The criteria of "${id}" are worth ${detail} = ${total} points at best, instead of ${TOTAL}.`,
      ), file));
    }
  }
  for (const { file, data } of set.pillars) {
    data.indicators.forEach((indicator, i) => indicator.questions.forEach((q, j) => {
      if (q.type === 'text' || used.has(q.id)) return;
      issues.push(issue('unused-question', pointer('/indicators', i, 'questions', j), bilingual(
        `Aucune règle ne lit la question « ${q.id} » : elle ne compterait pour rien.`,
        `No rule reads question "${q.id}": it would count for nothing.`,
      ), file));
    }));
  }
  return issues;
}

function checkWeights(set: ContentSet, model: Model): Issue[] {
  if (!set.weights) return [];
  const { file, data } = set.weights;
  const issues: Issue[] = [];
  const declared = new Set<string>();
  data.pillars.forEach((p, i) => {
    const path = pointer('/pillars', i);
    declared.add(p.pillar);
    if (!model.pillars.has(p.pillar)) issues.push(unknownPillar(p.pillar, `${path}/pillar`, file));
    for (const id of Object.keys(p.indicators)) {
      const target = model.indicators.get(id);
      if (!target || target.pillar !== p.pillar) {
        issues.push(issue('unknown-indicator', pointer(path, 'indicators', id), bilingual(`« ${id} » n’est pas un indicateur du pilier « ${p.pillar} ».`, `"${id}" is not an indicator of pillar "${p.pillar}".`), file));
      }
    }
    for (const [id, target] of model.indicators) {
      if (target.pillar === p.pillar && p.indicators[id] === undefined) {
        issues.push(issue('missing-weight', pointer(path, 'indicators'), bilingual(`L’indicateur « ${id} » n’a pas de poids.`, `Indicator "${id}" has no weight.`), file));
      }
    }
    issues.push(...sumTo100(Object.values(p.indicators), pointer(path, 'indicators'), file, `des indicateurs de « ${p.pillar} »`, `of the indicators of "${p.pillar}"`));
  });
  for (const pillar of model.pillars.keys()) {
    if (!declared.has(pillar)) issues.push(issue('missing-weight', '/pillars', bilingual(`Le pilier « ${pillar} » n’a pas de poids.`, `Pillar "${pillar}" has no weight.`), file));
  }
  issues.push(...sumTo100(data.pillars.map((p) => p.weight), '/pillars', file, 'des piliers', 'of the pillars'));
  return issues;
}

function sumTo100(weights: number[], path: string, file: string, fr: string, en: string): Issue[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(total - TOTAL) <= EPSILON) return [];
  return [issue('weights-do-not-add-up', path, bilingual(`Les poids ${fr} font ${total}, au lieu de ${TOTAL}.`, `The weights ${en} add up to ${total}, instead of ${TOTAL}.`), file)];
}

function unknownPillar(id: string, path: string, file: string): Issue {
  return issue('unknown-pillar', path, bilingual(`Le pilier « ${id} » n’a pas de questionnaire.`, `Pillar "${id}" has no questionnaire.`), file);
}
