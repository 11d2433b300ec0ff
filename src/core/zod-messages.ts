import type { z } from 'zod';
import { bilingual, type LocalizedText } from './text.js';

type ZodIssue = z.core.$ZodIssue;

const count = (n: number, lang: 'fr' | 'en') => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(n);

const EXPECTED: Record<string, LocalizedText> = {
  string: bilingual('du texte', 'text'),
  number: bilingual('un nombre', 'a number'),
  int: bilingual('un nombre entier', 'a whole number'),
  boolean: bilingual('true ou false', 'true or false'),
  array: bilingual('une liste', 'a list'),
  object: bilingual('un objet JSON', 'a JSON object'),
  record: bilingual('un objet JSON', 'a JSON object'),
};

/**
 * A zod issue in our words, in both languages: what is wrong and what is expected, never zod's
 * wording (« Trop petit : chaîne de caractères doit avoir >=3 caractères »). `missing` says the
 * value was absent, which zod's issue does not tell.
 */
export function zodMessage(item: ZodIssue, missing: boolean): LocalizedText {
  switch (item.code) {
    case 'invalid_type': {
      if (missing) return bilingual('Ce champ est obligatoire.', 'This field is required.');
      const what = EXPECTED[item.expected] ?? bilingual(item.expected, item.expected);
      return bilingual(`Valeur attendue : ${what.fr}.`, `Expected ${what.en}.`);
    }
    case 'too_small':
      return tooSmall(item.origin, Number(item.minimum), item.inclusive !== false);
    case 'too_big':
      return tooBig(item.origin, Number(item.maximum), item.inclusive !== false);
    case 'invalid_format':
      return item.format === 'email'
        ? bilingual('Adresse e-mail non valide.', 'Not a valid email address.')
        : bilingual('Format non reconnu.', 'Format not recognised.');
    case 'invalid_value': {
      const values = item.values.map(String);
      return bilingual(`Valeur non reconnue ; valeurs possibles : ${values.join(', ')}.`, `Unknown value; possible values: ${values.join(', ')}.`);
    }
    case 'unrecognized_keys':
      return item.keys.length === 1
        ? bilingual(`Champ inconnu : « ${item.keys[0]} ».`, `Unknown field "${item.keys[0]}".`)
        : bilingual(`Champs inconnus : ${item.keys.map((k) => `« ${k} »`).join(', ')}.`, `Unknown fields: ${item.keys.map((k) => `"${k}"`).join(', ')}.`);
    case 'not_multiple_of':
      return bilingual(`Doit être un multiple de ${String(item.divisor)}.`, `Must be a multiple of ${String(item.divisor)}.`);
    default:
      return bilingual('Valeur non valide.', 'Invalid value.');
  }
}

function tooSmall(origin: string, min: number, inclusive: boolean): LocalizedText {
  if (origin === 'string') {
    return min <= 1
      ? bilingual('Ce champ est vide.', 'This field is empty.')
      : bilingual(`Trop court : au moins ${count(min, 'fr')} caractères.`, `Too short: at least ${count(min, 'en')} characters.`);
  }
  if (origin === 'array' || origin === 'set') {
    return min <= 1
      ? bilingual('La liste est vide.', 'The list is empty.')
      : bilingual(`Au moins ${count(min, 'fr')} éléments.`, `At least ${count(min, 'en')} items.`);
  }
  return inclusive
    ? bilingual(`Au moins ${count(min, 'fr')}.`, `At least ${count(min, 'en')}.`)
    : bilingual(`Plus de ${count(min, 'fr')}.`, `More than ${count(min, 'en')}.`);
}

function tooBig(origin: string, max: number, inclusive: boolean): LocalizedText {
  if (origin === 'string') return bilingual(`Trop long : ${count(max, 'fr')} caractères au plus.`, `Too long: ${count(max, 'en')} characters at most.`);
  if (origin === 'array' || origin === 'set') return bilingual(`Trop d’éléments : ${count(max, 'fr')} au plus.`, `Too many items: ${count(max, 'en')} at most.`);
  return inclusive
    ? bilingual(`Au plus ${count(max, 'fr')}.`, `At most ${count(max, 'en')}.`)
    : bilingual(`Moins de ${count(max, 'fr')}.`, `Less than ${count(max, 'en')}.`);
}
