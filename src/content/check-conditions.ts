import {
  ARRAY_FACT_OPERATORS,
  LIST_OPERATORS,
  NUMERIC_OPERATORS,
  leaves,
  type Condition,
  type FactCondition,
  type Literal,
} from '../core/condition.js';
import type { Question } from '../core/content-model.js';
import { issue, type Issue } from '../core/issue.js';
import { bilingual, type LocalizedText } from '../core/text.js';

/** Which facts a condition may read, and what they are. */
export type FactLookup = (fact: string) => Question | undefined;

/**
 * Checks every leaf of a condition: the fact exists (per `lookup`), the operator suits the
 * question's type, and compared values are possible answers.
 */
export function checkCondition(condition: Condition, path: string, file: string, lookup: FactLookup, context: LocalizedText): Issue[] {
  return leaves(condition, path).flatMap(({ condition: leaf, path: leafPath }) => {
    const question = lookup(leaf.fact);
    if (!question) {
      return [issue('unknown-fact', `${leafPath}/fact`, bilingual(
        `« ${leaf.fact} » n’est pas ${context.fr}.`,
        `"${leaf.fact}" is not ${context.en ?? context.fr}.`,
      ), file)];
    }
    return checkLeaf(leaf, question, leafPath, file);
  });
}

/** What the facts of a condition may be, said in an error when one is not. */
export const FACTS = {
  profile: bilingual('un champ du profil', 'a profile field'),
  earlier: bilingual('un champ du profil ni une question posée plus haut', 'a profile field nor a question asked earlier'),
  any: bilingual('un champ du profil ni une question', 'a profile field nor a question'),
} satisfies Record<string, LocalizedText>;

function checkLeaf(leaf: FactCondition, question: Question, path: string, file: string): Issue[] {
  const allowed = operatorsFor(question);
  if (!allowed.includes(leaf.operator)) {
    return [issue('invalid-operator', `${path}/operator`, bilingual(
      `L’opérateur « ${leaf.operator} » ne convient pas à « ${question.id} » (${question.type}) ; possibles : ${allowed.join(', ') || 'aucun'}.`,
      `Operator "${leaf.operator}" does not suit "${question.id}" (${question.type}); possible: ${allowed.join(', ') || 'none'}.`,
    ), file)];
  }
  const isList = LIST_OPERATORS.includes(leaf.operator);
  if (isList !== Array.isArray(leaf.value)) {
    return [issue('invalid-value', `${path}/value`, bilingual(
      isList ? `« ${leaf.operator} » compare à une liste de valeurs.` : `« ${leaf.operator} » compare à une seule valeur, pas à une liste.`,
      isList ? `"${leaf.operator}" compares with a list of values.` : `"${leaf.operator}" compares with a single value, not a list.`,
    ), file)];
  }
  const values: Literal[] = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  return values.flatMap((value, i) => checkValue(question, value, isList ? `${path}/value/${i}` : `${path}/value`, file));
}

function operatorsFor(question: Question): readonly string[] {
  switch (question.type) {
    case 'boolean':
      return ['equal', 'notEqual'];
    case 'single':
    case 'ladder':
      return ['equal', 'notEqual', 'in', 'notIn'];
    case 'multiple':
      return ARRAY_FACT_OPERATORS;
    case 'number':
    case 'percentage':
      return ['equal', 'notEqual', ...NUMERIC_OPERATORS];
    case 'text':
      return [];
  }
}

function checkValue(question: Question, value: Literal, path: string, file: string): Issue[] {
  const expected = question.type === 'boolean' ? 'boolean' : question.type === 'number' || question.type === 'percentage' ? 'number' : 'string';
  if (typeof value !== expected) {
    return [issue('invalid-value', path, bilingual(
      `« ${question.id} » se compare à une valeur de type ${expected}, pas à ${JSON.stringify(value)}.`,
      `"${question.id}" compares with a ${expected} value, not ${JSON.stringify(value)}.`,
    ), file)];
  }
  if (expected !== 'string' || (question.options ?? []).some((o) => o.value === value)) return [];
  return [issue('unknown-option', path, bilingual(
    `« ${String(value)} » n’est pas une option de « ${question.id} ».`,
    `"${String(value)}" is not an option of "${question.id}".`,
  ), file)];
}
