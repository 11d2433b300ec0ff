import type { Question } from '../core/content-model.js';
import { issue, pointer, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import { checkCondition, FACTS } from './check-conditions.js';
import type { ContentSet } from './content-set.js';

const CHOICE_TYPES = ['single', 'multiple', 'ladder'];
const PROFILE_TYPES = ['boolean', 'single', 'multiple', 'number'];

/** Meaning of the questionnaires: unique ids, known groups, well-formed questions and conditions. */
export function checkQuestionnaires(set: ContentSet): Issue[] {
  const issues: Issue[] = [];
  const profileFields = new Map<string, Question>();
  const seen = new Map<string, string>();
  const claim = (kind: string, id: string, file: string, path: string) => {
    const key = `${kind}:${id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(issue('duplicate-id', path, bilingual(
        `L’identifiant « ${id} » est déjà utilisé (${first}).`,
        `Id "${id}" is already used (${first}).`,
      ), file));
    } else {
      seen.set(key, `${file}${path}`);
    }
  };
  if (set.profile) {
    const { file, data } = set.profile;
    data.questions.forEach((q, i) => {
      const path = pointer('/questions', i);
      claim('question', q.id, file, `${path}/id`);
      issues.push(...checkQuestion(q, path, file), ...checkProfileQuestion(q, path, file));
      profileFields.set(q.id, q);
    });
  }
  const asked = new Map<string, Question>();
  for (const { file, data } of [...set.pillars].sort((a, b) => a.data.order - b.data.order)) {
    claim('pillar', data.id, file, '/id');
    const groups = new Set(data.groups.map((g) => g.id));
    data.groups.forEach((g, i) => claim(`group:${data.id}`, g.id, file, pointer('/groups', i, 'id')));
    data.indicators.forEach((indicator, i) => {
      const base = pointer('/indicators', i);
      claim('indicator', indicator.id, file, `${base}/id`);
      if (!groups.has(indicator.group)) {
        issues.push(issue('unknown-group', `${base}/group`, bilingual(
          `Le groupe « ${indicator.group} » n’est pas déclaré dans « groups ».`,
          `Group "${indicator.group}" is not declared in "groups".`,
        ), file));
      }
      indicator.questions.forEach((q, j) => {
        const path = pointer(base, 'questions', j);
        claim('question', q.id, file, `${path}/id`);
        issues.push(...checkQuestion(q, path, file));
        if (q.appliesTo) {
          issues.push(...checkCondition(q.appliesTo, `${path}/appliesTo`, file, (f) => profileFields.get(f), FACTS.profile));
        }
        if (q.showIf) {
          const lookup = (f: string) => profileFields.get(f) ?? asked.get(f);
          issues.push(...checkCondition(q.showIf, `${path}/showIf`, file, lookup, FACTS.earlier));
        }
        asked.set(q.id, q);
      });
    });
  }
  return issues;
}

function checkQuestion(q: Question, path: string, file: string): Issue[] {
  const problems: [string, string, string][] = [];
  const isChoice = CHOICE_TYPES.includes(q.type);
  if (isChoice && !q.options) problems.push(['/options', 'une question à choix doit lister ses « options »', 'a choice question must list its "options"']);
  if (!isChoice && q.options) problems.push(['/options', `les « options » ne servent qu’aux questions ${CHOICE_TYPES.join(', ')}`, `"options" only belong to ${CHOICE_TYPES.join(', ')} questions`]);
  if (q.type === 'number' && (!q.unit || q.min === undefined)) problems.push(['', 'une question numérique doit donner « unit » et « min »', 'a number question must give "unit" and "min"']);
  if (q.type !== 'number' && (q.unit || q.integer !== undefined)) problems.push(['', '« unit » et « integer » ne servent qu’aux questions numériques', '"unit" and "integer" only belong to number questions']);
  if (q.type !== 'number' && q.type !== 'percentage' && (q.min !== undefined || q.max !== undefined)) problems.push(['', '« min » et « max » ne servent qu’aux nombres et pourcentages', '"min" and "max" only belong to numbers and percentages']);
  if (q.min !== undefined && q.max !== undefined && q.min > q.max) problems.push(['/min', '« min » dépasse « max »', '"min" is greater than "max"']);
  if (q.type === 'percentage' && ((q.min ?? 0) < 0 || (q.max ?? 100) > 100)) problems.push(['', 'un pourcentage reste entre 0 et 100', 'a percentage stays between 0 and 100']);
  const issues = problems.map(([sub, fr, en]) => issue('invalid-question', path + sub, bilingual(`« ${q.id} » : ${fr}.`, `"${q.id}": ${en}.`), file));
  const values = (q.options ?? []).map((o) => o.value);
  values.forEach((v, i) => {
    if (values.indexOf(v) !== i) {
      issues.push(issue('duplicate-id', pointer(path, 'options', i, 'value'), bilingual(
        `L’option « ${v} » apparaît deux fois dans « ${q.id} ».`,
        `Option "${v}" appears twice in "${q.id}".`,
      ), file));
    }
  });
  return issues;
}

function checkProfileQuestion(q: Question, path: string, file: string): Issue[] {
  const wrongType = !PROFILE_TYPES.includes(q.type);
  const conditional = q.appliesTo !== undefined || q.showIf !== undefined || q.notApplicable !== undefined;
  if (!wrongType && !conditional) return [];
  return [issue('invalid-question', path, bilingual(
    `« ${q.id} » : un champ du profil est de type ${PROFILE_TYPES.join(', ')}, toujours posé, sans « n/a ».`,
    `"${q.id}": a profile field is of type ${PROFILE_TYPES.join(', ')}, always asked, without "n/a".`,
  ), file)];
}
