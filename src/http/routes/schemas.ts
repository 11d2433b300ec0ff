import { z } from 'zod';
import { answersDocumentSchema } from '../../core/answers-document.js';
import { MAX_TEXT_LENGTH } from '../../core/answer-value.js';
import { schemaMessage } from '../../core/zod-issues.js';

/** Request schemas shared by routes (and the OpenAPI document). */

const positiveDigits = schemaMessage({
  fr: 'Attendu : un nombre entier positif écrit en chiffres seulement (1, 2, 3…), sans signe, zéro en tête, espace ni décimale.',
  en: 'Expected a positive whole number written in digits only (1, 2, 3…), with no sign, leading zero, space or decimals.',
});
const digits = schemaMessage({
  fr: 'Attendu : un nombre entier écrit en chiffres seulement (0, 1, 2…), sans signe, zéro en tête, espace ni décimale.',
  en: 'Expected a whole number written in digits only (0, 1, 2…), with no sign, leading zero, space or decimals.',
});

/**
 * A number in a path or a query string, spelled one way only: `0x1`, `1e0`, `1.0`, ` 1` or `01`
 * would all read as 1 through Number(), so each spelling is refused rather than guessed.
 */
export function queryInteger(min: number, max: number) {
  const pattern = min >= 1 ? /^[1-9][0-9]{0,15}$/ : /^(0|[1-9][0-9]{0,15})$/;
  const range = schemaMessage({ fr: `Attendu : un nombre entier de ${min} à ${max}, en chiffres seulement.`, en: `Expected a whole number from ${min} to ${max}, in digits only.` });
  return z.string().regex(pattern, min >= 1 ? positiveDigits : digits).transform(Number).pipe(z.number().min(min, range).max(max, range));
}

/** An id in a path or a query string. */
export const id = queryInteger(1, Number.MAX_SAFE_INTEGER);

/** An id inside a JSON body: a JSON number, never a string. */
export const bodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const answerValue = z.union([z.boolean(), z.number(), z.string().max(MAX_TEXT_LENGTH), z.array(z.string().max(200)).max(100)]);
const answerOrNull = answerValue.nullable();

export const profileSchema = z.record(z.string().min(1).max(100), answerValue);

export const loginBody = z.strictObject({
  email: z.string().min(3, schemaMessage({ fr: 'Saisissez l’adresse e-mail de votre compte.', en: 'Enter the email address of your account.' })).max(254),
  password: z.string().min(1, schemaMessage({ fr: 'Saisissez votre mot de passe.', en: 'Enter your password.' })).max(1024),
});

export const organisationBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  siren: z.string().regex(/^[0-9]{9}$/).nullable().optional(),
  profile: profileSchema.optional(),
  countInComparisons: z.boolean().optional(),
});

export const organisationPatch = organisationBody.partial();

export const answersPatch = z.strictObject({
  version: z.number().int().positive(),
  profile: z.record(z.string().min(1).max(100), answerOrNull).optional(),
  answers: z.record(z.string().min(1).max(100), answerOrNull).optional(),
});

export const submitBody = z.strictObject({ version: z.number().int().positive() });

/** A submission may carry the organisation's answer to « count in comparisons? », asked at its first one. */
export const submitWithConsent = submitBody.extend({ countInComparisons: z.boolean().optional() });

export const workshopBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  expertEmail: z.string().min(3).max(254),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  place: z.string().trim().min(1).max(200),
  pillar: z.string().max(60).nullable().optional(),
  organisationIds: z.array(bodyId).max(500).default([]),
});

export { answersDocumentSchema };
