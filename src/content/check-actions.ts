import { checkAnswerValue } from '../core/answer-value.js';
import type { AnswerChange, Question } from '../core/content-model.js';
import { issue, pointer, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import { checkCondition, FACTS } from './check-conditions.js';
import type { ContentSet } from './content-set.js';

interface Lookups {
  profile: Map<string, Question>;
  questions: Map<string, Question>;
  indicators: Map<string, string>;
  pillars: Set<string>;
}

function lookupsOf(set: ContentSet): Lookups {
  const l: Lookups = { profile: new Map(), questions: new Map(), indicators: new Map(), pillars: new Set() };
  for (const q of set.profile?.data.questions ?? []) l.profile.set(q.id, q);
  for (const { data } of set.pillars) {
    l.pillars.add(data.id);
    for (const indicator of data.indicators) {
      l.indicators.set(indicator.id, data.id);
      for (const q of indicator.questions) l.questions.set(q.id, q);
    }
  }
  return l;
}

/** Meaning of testimonies and actions: ids, references to indicators, questions, testimonies and profile values. */
export function checkActions(set: ContentSet): Issue[] {
  const l = lookupsOf(set);
  const testimonyIds = new Set<string>();
  const issues: Issue[] = [];
  for (const { file, data } of set.testimonies) {
    data.testimonies.forEach((t, i) => {
      const path = pointer('/testimonies', i);
      if (testimonyIds.has(t.id)) issues.push(duplicate(t.id, `${path}/id`, file));
      testimonyIds.add(t.id);
      t.indicators.forEach((id, j) => {
        if (!l.indicators.has(id)) issues.push(unknownIndicator(id, pointer(path, 'indicators', j), file));
      });
      const org = t.organisation;
      for (const [field, value] of [['headcount', org.headcount], ['sector', org.sector], ['region', org.region]] as const) {
        if (value !== undefined && !l.profile.get(field)?.options?.some((o) => o.value === value)) {
          issues.push(issue('unknown-option', pointer(path, 'organisation', field), bilingual(`« ${value} » n’est pas une valeur de « ${field} » du profil.`, `"${value}" is not a value of profile field "${field}".`), file));
        }
      }
    });
  }
  const actionIds = new Set<string>();
  const covered = new Set<string>();
  for (const { file, data } of set.actions) {
    if (!l.pillars.has(data.pillar)) issues.push(issue('unknown-pillar', '/pillar', bilingual(`Le pilier « ${data.pillar} » n’existe pas.`, `Pillar "${data.pillar}" does not exist.`), file));
    data.actions.forEach((a, i) => {
      const path = pointer('/actions', i);
      if (actionIds.has(a.id)) issues.push(duplicate(a.id, `${path}/id`, file));
      actionIds.add(a.id);
      covered.add(a.indicator);
      const pillar = l.indicators.get(a.indicator);
      if (!pillar) issues.push(unknownIndicator(a.indicator, `${path}/indicator`, file));
      else if (pillar !== data.pillar) {
        issues.push(issue('wrong-pillar', `${path}/indicator`, bilingual(`L’indicateur « ${a.indicator} » appartient au pilier « ${pillar} ».`, `Indicator "${a.indicator}" belongs to pillar "${pillar}".`), file));
      }
      if (a.fits) issues.push(...checkCondition(a.fits, `${path}/fits`, file, (f) => l.profile.get(f), FACTS.profile));
      if (a.requires) issues.push(...checkCondition(a.requires, `${path}/requires`, file, (f) => l.profile.get(f) ?? l.questions.get(f), FACTS.any));
      for (const [questionId, change] of Object.entries(a.changes)) {
        issues.push(...checkChange(l.questions.get(questionId), questionId, change, pointer(path, 'changes', questionId), file));
      }
      a.testimonies.forEach((t, j) => {
        if (!testimonyIds.has(t)) {
          issues.push(issue('unknown-testimony', pointer(path, 'testimonies', j), bilingual(`Aucun témoignage « ${t} » dans data/testimonies/.`, `No testimony "${t}" in data/testimonies/.`), file));
        }
      });
    });
  }
  if (set.actions.length > 0) {
    for (const [id, pillar] of l.indicators) {
      if (!covered.has(id)) {
        const file = set.actions.find((f) => f.data.pillar === pillar)?.file ?? set.actions[0]!.file;
        issues.push(issue('no-action', '/actions', bilingual(`Aucune action ne vise l’indicateur « ${id} ».`, `No action targets indicator "${id}".`), file));
      }
    }
  }
  return issues;
}

function checkChange(question: Question | undefined, id: string, change: AnswerChange, path: string, file: string): Issue[] {
  if (!question) return [issue('unknown-question', path, bilingual(`« ${id} » n’est pas une question.`, `"${id}" is not a question.`), file)];
  const wrong = (fr: string, en: string) => [issue('invalid-change', path, bilingual(`« ${id} » (${question.type}) : ${fr}.`, `"${id}" (${question.type}): ${en}.`), file)];
  if ('set' in change) return checkAnswerValue(question, change.set, `${path}/set`).map((i) => ({ ...i, file }));
  if ('add' in change) {
    if (question.type !== 'multiple') return wrong('« add » ne sert qu’aux questions à choix multiples', '"add" only suits multiple-choice questions');
    return [...change.add, ...(change.remove ?? [])].flatMap((v) => checkAnswerValue(question, [v], `${path}`).map((i) => ({ ...i, file })));
  }
  if ('atLeast' in change) {
    if (question.type === 'ladder' || question.type === 'single') return checkAnswerValue(question, change.atLeast, `${path}/atLeast`).map((i) => ({ ...i, file }));
    if (question.type === 'number' || question.type === 'percentage') return checkAnswerValue(question, change.atLeast, `${path}/atLeast`).map((i) => ({ ...i, file }));
    return wrong('« atLeast » sert aux échelles, choix ordonnés et nombres', '"atLeast" suits ladders, ordered choices and numbers');
  }
  if (question.type !== 'number' && question.type !== 'percentage') return wrong('« atMost » ne sert qu’aux nombres', '"atMost" only suits numbers');
  return checkAnswerValue(question, change.atMost, `${path}/atMost`).map((i) => ({ ...i, file }));
}

function duplicate(id: string, path: string, file: string): Issue {
  return issue('duplicate-id', path, bilingual(`L’identifiant « ${id} » est déjà utilisé.`, `Id "${id}" is already used.`), file);
}

function unknownIndicator(id: string, path: string, file: string): Issue {
  return issue('unknown-indicator', path, bilingual(`L’indicateur « ${id} » n’existe pas.`, `Indicator "${id}" does not exist.`), file);
}
